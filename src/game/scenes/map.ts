// A scenario's map from the build-time projected Natural Earth geometry (assets/map), with what
// the state says drawn on it; what that is comes from the scenario's map description (maps/*.ts).
// Counts are written beside every marker, so nothing relies on colour alone. Labels are placed
// one by one, each at the first of its candidate spots that is clear of the labels, dots and
// markers already there: the markers' first (they sit by their markers), then the city names (any
// side of their dot), then the country names and the seas (left out if there is no room).
import Phaser from 'phaser';
import type { CompiledScenario, GameState } from '../../sim';
import { PALETTE } from '../palette';
import { textStyle, type Rect } from './ScreenScene';

export interface Point {
  x: number;
  y: number;
}

/** Keeps labels from overlapping each other, the city dots and the force markers. */
class Labels {
  private taken: Rect[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layer: Phaser.GameObjects.Container,
    private readonly frame: Rect,
  ) {}

  block(box: Rect): void {
    this.taken.push(box);
  }

  /**
   * Puts `text` with its top-left at the first free spot, given as a function of its size; if none
   * is free, where it is least crowded (or nowhere, when `optional`).
   */
  place(
    label: string,
    style: Phaser.Types.GameObjects.Text.TextStyle,
    spots: ((w: number, h: number) => Point)[],
    optional = false,
  ): void {
    const text = this.scene.add.text(0, 0, label, style);
    const { width: w, height: h } = text;
    const boxes = spots.map((spot) => ({ ...spot(w, h), w, h }));
    const free = boxes.find((b) => this.inside(b) && !this.taken.some((t) => overlaps(b, t)));
    if (!free && optional) {
      text.destroy();
      return;
    }
    const at = free ?? this.leastCrowded(boxes);
    this.taken.push(at);
    this.layer.add(text.setPosition(at.x, at.y));
  }

  /** The spot inside the frame that overlaps the fewest labels and markers already placed. */
  private leastCrowded(boxes: Rect[]): Rect {
    const crowding = (b: Rect) =>
      (this.inside(b) ? 0 : 1000) + this.taken.filter((t) => overlaps(b, t)).length;
    return boxes.reduce((best, b) => (crowding(b) < crowding(best) ? b : best));
  }

  private inside(b: Rect): boolean {
    const f = this.frame;
    return b.x >= f.x && b.y >= f.y && b.x + b.w <= f.x + f.w && b.y + b.h <= f.y + f.h;
  }
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Spots around a point: right, left, above, below (for a label of width w and height h). */
export const around = (p: Point, gap: number) => [
  (_w: number, h: number) => ({ x: p.x + gap, y: p.y - h / 2 }),
  (w: number, h: number) => ({ x: p.x - gap - w, y: p.y - h / 2 }),
  (w: number, h: number) => ({ x: p.x - w / 2, y: p.y - gap - h }),
  (w: number) => ({ x: p.x - w / 2, y: p.y + gap }),
];

export interface MapData {
  width: number;
  height: number;
  countries: { id: string; name: string; focus: boolean; polygons: [number, number][][] }[];
  places: { id: string; name: string; x: number; y: number }[];
  regions: Record<string, Point[]>;
  /** Lines drawn across the map (Cuba's quarantine line), each a run of points. */
  lines?: { id: string; name: string; points: Point[] }[];
}

/** Where a scenario's map comes from and what is drawn on it from the state (maps/*.ts). */
export interface MapDescription {
  /** The map's key in Phaser's JSON cache and the URL it is fetched from (only when needed). */
  key: string;
  url: string;
  /** The countries whose names are written (when there is room), the cities with a dot. */
  labelled: readonly string[];
  cities: readonly string[];
  /** Places named in a muted italic, after everything else (seas), when there is room. */
  waters?: readonly string[];
  /** A country drawn in `fill` while a variable is at least `atLeast` (else in `otherwise`). */
  fills?: readonly {
    country: string;
    variable: string;
    atLeast: number;
    fill: number;
    otherwise?: number;
  }[];
  /** The pictures drawn from the state: markers and lines, and the labels to place beside them. */
  overlay(
    g: Phaser.GameObjects.Graphics,
    map: MapData,
    px: (p: Point) => Point,
    state: GameState,
    sc: CompiledScenario,
  ): Overlay;
}

export interface Overlay {
  markers: Rect[];
  labels: ForceLabel[];
}

export function drawMap(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  map: MapData | undefined,
  at: Rect,
  state: GameState,
  sc: CompiledScenario,
  description: MapDescription | undefined,
): void {
  const frame = scene.add
    .rectangle(at.x, at.y, at.w, at.h, PALETTE.sea)
    .setOrigin(0, 0)
    .setStrokeStyle(1, PALETTE.border);
  layer.add(frame);
  if (!map || !description) {
    layer.add(
      scene.add.text(
        at.x + 20,
        at.y + 20,
        description ? 'The map could not be loaded.' : 'This scenario has no map.',
        textStyle(18, PALETTE.muted),
      ),
    );
    return;
  }
  const k = Math.min(at.w / map.width, at.h / map.height);
  const px = (p: Point) => ({ x: at.x + p.x * k, y: at.y + p.y * k });
  const g = scene.add.graphics();
  layer.add(g);
  for (const country of map.countries) {
    const special = description.fills?.find((f) => f.country === country.id);
    const base = country.focus ? PALETTE.focusLand : PALETTE.land;
    const fill = special
      ? (state.vars[special.variable] ?? 0) >= special.atLeast
        ? special.fill
        : (special.otherwise ?? base)
      : base;
    g.fillStyle(fill, 1);
    g.lineStyle(1, PALETTE.border, 0.8);
    for (const ring of country.polygons) {
      const points = ring.map(([x, y]) => new Phaser.Math.Vector2(at.x + x * k, at.y + y * k));
      g.fillPoints(points, true);
      g.strokePoints(points, true);
    }
  }
  const labels = new Labels(scene, layer, at);
  const cities = map.places.filter((place) => description.cities.includes(place.id));
  for (const place of cities) {
    const p = px(place);
    g.fillStyle(PALETTE.text, 1).fillCircle(p.x, p.y, 3);
    labels.block({ x: p.x - 4, y: p.y - 4, w: 8, h: 8 });
  }
  const forces = description.overlay(g, map, px, state, sc);
  for (const box of forces.markers) labels.block(box);
  for (const label of forces.labels)
    labels.place(label.text, label.style, label.spots, label.optional);
  bake(scene, layer, g, at);
  for (const place of cities)
    labels.place(place.name, textStyle(12, PALETTE.text), around(px(place), 5));
  for (const country of map.countries) {
    if (!description.labelled.includes(country.id)) continue;
    const ring = country.polygons.reduce(
      (a, b) => (b.length > a.length ? b : a),
      [] as [number, number][],
    );
    if (ring.length === 0) continue;
    const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const c = px({ x: cx, y: cy });
    // At the middle of the country, or a little above, below or beside it.
    const spots = [0, 1, -1, 2, -2].flatMap((k) =>
      [0, -0.5, 0.5].map((side) => (w: number, h: number) => ({
        x: c.x - w / 2 + side * w,
        y: c.y - h / 2 + k * h,
      })),
    );
    labels.place(country.name.toUpperCase(), textStyle(11, PALETTE.muted), spots, true);
  }
  for (const place of map.places.filter((p) => description.waters?.includes(p.id))) {
    const p = px(place);
    const spots = [0, -1, 1].map((k) => (w: number, h: number) => ({
      x: p.x - w / 2,
      y: p.y - h / 2 + k * h,
    }));
    labels.place(place.name, textStyle(12, PALETTE.muted, { fontStyle: 'italic' }), spots, true);
  }
}

/**
 * Draws the land, the dots and the markers once into a texture of their own and shows that instead:
 * a Graphics is traced and filled again on every frame, and the map's thousands of points made
 * each frame of the crisis room cost well over 100 ms on a computer without a graphics card.
 */
const SMOOTHING = 2;

function bake(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  g: Phaser.GameObjects.Graphics,
  at: Rect,
): void {
  // Drawn at twice the size and shown scaled down, so its edges are smoothed as before.
  const picture = scene.add
    .renderTexture(at.x, at.y, Math.ceil(at.w) * SMOOTHING, Math.ceil(at.h) * SMOOTHING)
    .setOrigin(0, 0)
    .setScale(1 / SMOOTHING)
    .setName('map-picture');
  g.setScale(SMOOTHING);
  picture.draw(g, -at.x * SMOOTHING, -at.y * SMOOTHING).render();
  layer.addAt(picture, layer.getIndex(g));
  g.destroy();
}

/** A label to place near a force marker: its text, style and spots in order of preference. */
export interface ForceLabel {
  text: string;
  style: Phaser.Types.GameObjects.Text.TextStyle;
  spots: ((w: number, h: number) => Point)[];
  /** Left out when there is no free spot (else put where it is least crowded). */
  optional?: boolean;
}

/** The box around some boxes. */
export function boundsOf(boxes: Rect[]): Rect {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const w = Math.max(...boxes.map((b) => b.x + b.w)) - x;
  const h = Math.max(...boxes.map((b) => b.y + b.h)) - y;
  return { x, y, w, h };
}

/** Draws `count` markers around the anchors (rings of three); returns each marker's box. */
export function placeMarkers(
  g: Phaser.GameObjects.Graphics,
  anchors: Point[],
  count: number,
  colour: number,
  shape: 'triangle' | 'square',
): Rect[] {
  if (anchors.length === 0) return [];
  g.fillStyle(colour, 1);
  g.lineStyle(1, 0x000000, 1);
  const boxes: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const a = anchors[i % anchors.length]!;
    const ring = Math.floor(i / anchors.length);
    const x = a.x + (ring % 3) * 9 - 9;
    const y = a.y + Math.floor(ring / 3) * 9;
    if (shape === 'triangle') {
      g.fillTriangle(x, y - 5, x - 5, y + 4, x + 5, y + 4);
      g.strokeTriangle(x, y - 5, x - 5, y + 4, x + 5, y + 4);
    } else {
      g.fillRect(x - 4, y - 4, 8, 8);
      g.strokeRect(x - 4, y - 4, 8, 8);
    }
    boxes.push({ x: x - 5, y: y - 5, w: 10, h: 10 });
  }
  return boxes;
}
