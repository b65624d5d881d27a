// A small vocabulary for what a map draws from the state, as data: a line shown while a variable
// holds a value (in one style or another), and markers at a region's anchors, one per so many
// points of a variable, with a label whose {variable} placeholders are filled from the state
// (formatted as the scenario formats them). Cuba's map is written in it (cuba.ts).
import Phaser from 'phaser';
import { formatValue, type CompiledScenario, type GameState } from '../../../sim';
import { textStyle, type Rect } from '../ScreenScene';
import { boundsOf, type ForceLabel, type MapData, type Overlay, type Point } from '../map';

/** A variable at or above a value. */
export interface When {
  variable: string;
  atLeast: number;
}

export interface LineLayer {
  kind: 'line';
  /** The id of a line in the map asset's `lines`. */
  line: string;
  /** The first style whose condition holds is drawn; none holding, the line is not drawn. */
  styles: readonly { when: When; dashed: boolean; colour: number; width: number; label: string }[];
}

export interface MarkerLayer {
  kind: 'markers';
  /** The region of the map asset whose anchors the markers sit around. */
  region: string;
  /** One marker per `per` points of the variable (at least `min`), up to `max`. */
  variable: string;
  per: number;
  min: number;
  max: number;
  shape: 'triangle' | 'square' | 'diamond';
  colour: number;
  label: string;
  /** While this holds, the markers short of `max` are drawn hollow, with `hollowLabel`. */
  hollow?: { when: When; label: string };
  /** Left out when it does not hold. */
  when?: When;
}

export type Layer = LineLayer | MarkerLayer;

const holds = (state: GameState, when: When) => (state.vars[when.variable] ?? 0) >= when.atLeast;

/** "{seaLine}" → the variable's value, as the scenario words it ("80", "Offensive weapons"). */
function fill(template: string, sc: CompiledScenario, state: GameState): string {
  return template.replace(/\{(\w+)\}/g, (_, id: string) =>
    formatValue(sc, id, state.vars[id] ?? 0),
  );
}

/** Draws the layers in order; returns where the markers are and the labels to place. */
export function drawLayers(
  layers: readonly Layer[],
  g: Phaser.GameObjects.Graphics,
  map: MapData,
  px: (p: Point) => Point,
  state: GameState,
  sc: CompiledScenario,
): Overlay {
  const overlay: Overlay = { markers: [], labels: [] };
  const draw: Drawing = { g, map, px, state, sc, overlay };
  for (const layer of layers) {
    if (layer.kind === 'line') drawLine(layer, draw);
    else drawMarkers(layer, draw);
  }
  return overlay;
}

/** What every layer is drawn with: the graphics, the map and its projection, the game, the overlay. */
interface Drawing {
  g: Phaser.GameObjects.Graphics;
  map: MapData;
  px: (p: Point) => Point;
  state: GameState;
  sc: CompiledScenario;
  overlay: Overlay;
}

function drawLine(layer: LineLayer, { g, map, px, state, sc, overlay }: Drawing): void {
  const line = map.lines?.find((l) => l.id === layer.line);
  const style = layer.styles.find((s) => holds(state, s.when));
  if (!line || !style || line.points.length < 2) return;
  const points = line.points.map(px);
  g.lineStyle(style.width, style.colour, 1);
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (!style.dashed) {
      g.lineBetween(a.x, a.y, b.x, b.y);
      continue;
    }
    // Dashes of 6 pixels with gaps of 5, along each segment.
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    for (let d = 0; d < length; d += 11) {
      const [s, e] = [d / length, Math.min(d + 6, length) / length];
      g.lineBetween(
        a.x + (b.x - a.x) * s,
        a.y + (b.y - a.y) * s,
        a.x + (b.x - a.x) * e,
        a.y + (b.y - a.y) * e,
      );
    }
  }
  // Along the line, near its start (north-west end), else near its middle.
  const [start, middle] = [points[0]!, points[Math.floor(points.length / 2)]!];
  overlay.labels.push({
    text: fill(style.label, sc, state),
    style: textStyle(13, style.colour, { fontStyle: 'bold' }),
    spots: [
      (w, h) => ({ x: start.x - w / 2, y: start.y - h - 6 }),
      (w, h) => ({ x: start.x - w + 10, y: start.y - h - 6 }),
      (_w, h) => ({ x: middle.x + 8, y: middle.y - h / 2 }),
      (w, h) => ({ x: middle.x - w - 8, y: middle.y - h / 2 }),
    ],
  });
}

function drawMarkers(layer: MarkerLayer, { g, map, px, state, sc, overlay }: Drawing): void {
  const anchors = (map.regions[layer.region] ?? []).map(px);
  if (anchors.length === 0 || (layer.when && !holds(state, layer.when))) return;
  const value = state.vars[layer.variable] ?? 0;
  const count = Math.min(layer.max, Math.max(layer.min, Math.round(value / layer.per)));
  const hollow = layer.hollow && holds(state, layer.hollow.when) ? layer.max - count : 0;
  const boxes: Rect[] = [];
  for (let i = 0; i < count + hollow; i++) {
    const a = anchors[i % anchors.length]!;
    const ring = Math.floor(i / anchors.length);
    const at = {
      x: a.x + (ring % 3) * 11 - 11 * Math.min(1, ring),
      y: a.y + Math.floor(ring / 3) * 11,
    };
    boxes.push(marker(g, layer.shape, at, layer.colour, i >= count));
  }
  overlay.markers.push(...boxes);
  if (boxes.length === 0) return;
  const box = boundsOf(boxes);
  const text = [
    ...(count > 0 ? [fill(layer.label, sc, state)] : []),
    ...(hollow > 0 && layer.hollow ? [fill(layer.hollow.label, sc, state)] : []),
  ].join('\n');
  overlay.labels.push(besideBox(text, layer.colour, box, boxes[0]!));
}

/** One marker, filled or hollow (outlined in its colour); returns its box. */
function marker(
  g: Phaser.GameObjects.Graphics,
  shape: MarkerLayer['shape'],
  { x, y }: Point,
  colour: number,
  hollow: boolean,
): Rect {
  g.fillStyle(colour, 1);
  g.lineStyle(hollow ? 2 : 1, hollow ? colour : 0x000000, 1);
  const corners =
    shape === 'triangle'
      ? [x, y - 5, x - 5, y + 4, x + 5, y + 4]
      : shape === 'diamond'
        ? [x, y - 6, x + 6, y, x, y + 6, x - 6, y]
        : [x - 4, y - 4, x + 4, y - 4, x + 4, y + 4, x - 4, y + 4];
  const points: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < corners.length; i += 2)
    points.push(new Phaser.Math.Vector2(corners[i]!, corners[i + 1]!));
  if (!hollow) g.fillPoints(points, true);
  g.strokePoints(points, true);
  return { x: x - 6, y: y - 6, w: 12, h: 12 };
}

/**
 * A marker group's label: beside its markers when they are close together, else beside the first
 * marker (the group's anchors may be spread across the map); right, left, below or above.
 */
function besideBox(text: string, colour: number, box: Rect, first: Rect): ForceLabel {
  const middle = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  const spread = box.w > 160 || box.h > 160;
  const at = { x: first.x + first.w / 2, y: first.y + first.h / 2 };
  const nearFirst: ForceLabel['spots'] = [
    (_w, h) => ({ x: first.x + first.w + 6, y: at.y - h / 2 }),
    (w, h) => ({ x: first.x - 6 - w, y: at.y - h / 2 }),
    (w) => ({ x: at.x - w / 2, y: first.y + first.h + 4 }),
    (w, h) => ({ x: at.x - w / 2, y: first.y - 4 - h }),
  ];
  return {
    text,
    style: textStyle(13, colour, { fontStyle: 'bold', lineSpacing: 2 }),
    spots: [
      ...(spread ? nearFirst : []),
      (_w, h) => ({ x: box.x + box.w + 6, y: middle.y - h / 2 }),
      (w, h) => ({ x: box.x - 6 - w, y: middle.y - h / 2 }),
      (w) => ({ x: middle.x - w / 2, y: box.y + box.h + 4 }),
      (w, h) => ({ x: middle.x - w / 2, y: box.y - 4 - h }),
      (_w) => ({ x: box.x + box.w + 6, y: box.y + box.h + 2 }),
      (w, h) => ({ x: box.x - 6 - w, y: box.y - h - 2 }),
    ],
  };
}
