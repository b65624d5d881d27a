// The map of Europe from the build-time projected Natural Earth geometry (assets/map), with the
// forces drawn from the state: Russian troops near Ukraine and in Belarus, NATO's eastern flank,
// the carrier group. Counts are written beside every marker, so nothing relies on colour alone.
import Phaser from 'phaser';
import type { GameState } from '../../sim';
import { PALETTE } from '../palette';
import { textStyle, type Rect } from './ScreenScene';

interface Point {
  x: number;
  y: number;
}

export interface MapData {
  width: number;
  height: number;
  countries: { id: string; name: string; focus: boolean; polygons: [number, number][][] }[];
  places: { id: string; name: string; x: number; y: number }[];
  regions: Record<string, Point[]>;
}

const LABELLED = ['UKR', 'RUS', 'BLR', 'POL', 'ROU', 'LTU', 'LVA', 'EST', 'MDA'];
const CITIES = ['kyiv', 'moscow', 'minsk', 'warsaw', 'bucharest'];

export function drawMap(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  map: MapData | undefined,
  at: Rect,
  state: GameState,
): void {
  const frame = scene.add
    .rectangle(at.x, at.y, at.w, at.h, PALETTE.sea)
    .setOrigin(0, 0)
    .setStrokeStyle(1, PALETTE.border);
  layer.add(frame);
  if (!map) {
    layer.add(
      scene.add.text(
        at.x + 20,
        at.y + 20,
        'The map could not be loaded.',
        textStyle(18, PALETTE.muted),
      ),
    );
    return;
  }
  const k = Math.min(at.w / map.width, at.h / map.height);
  const px = (p: Point) => ({ x: at.x + p.x * k, y: at.y + p.y * k });
  const g = scene.add.graphics();
  layer.add(g);
  const ukraineAtWar = (state.vars.warStage ?? 0) >= 2;
  for (const country of map.countries) {
    const fill =
      country.id === 'UKR'
        ? ukraineAtWar
          ? 0x6b3b2b
          : 0x5a5a3a
        : country.focus
          ? PALETTE.focusLand
          : PALETTE.land;
    g.fillStyle(fill, 1);
    g.lineStyle(1, PALETTE.border, 0.8);
    for (const ring of country.polygons) {
      const points = ring.map(([x, y]) => new Phaser.Math.Vector2(at.x + x * k, at.y + y * k));
      g.fillPoints(points, true);
      g.strokePoints(points, true);
    }
  }
  for (const country of map.countries) {
    if (!LABELLED.includes(country.id)) continue;
    const ring = country.polygons.reduce(
      (a, b) => (b.length > a.length ? b : a),
      [] as [number, number][],
    );
    if (ring.length === 0) continue;
    const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const pos = px({ x: cx, y: cy });
    if (pos.x < at.x || pos.x > at.x + at.w) continue;
    layer.add(
      scene.add
        .text(pos.x, pos.y, country.name.toUpperCase(), textStyle(11, PALETTE.muted))
        .setOrigin(0.5),
    );
  }
  for (const place of map.places) {
    if (!CITIES.includes(place.id)) continue;
    const p = px(place);
    g.fillStyle(PALETTE.text, 1).fillCircle(p.x, p.y, 3);
    layer.add(scene.add.text(p.x + 5, p.y - 7, place.name, textStyle(12, PALETTE.text)));
  }
  drawForces(scene, layer, g, map, px, state);
}

function drawForces(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  g: Phaser.GameObjects.Graphics,
  map: MapData,
  px: (p: Point) => Point,
  state: GameState,
): void {
  const v = state.vars;
  const near = map.regions.russianForcesNearUkraine ?? [];
  const perMarker = 20;
  const markers = Math.max(1, Math.round((v.russianForces ?? 0) / perMarker));
  placeMarkers(g, near.map(px), markers, PALETTE.vermillion, 'triangle');
  if (near[0]) {
    const p = px(near[0]);
    layer.add(
      scene.add.text(
        p.x + 10,
        p.y - 26,
        `▲ Russian forces ${v.russianForces ?? 0},000`,
        textStyle(13, PALETTE.orange, { fontStyle: 'bold' }),
      ),
    );
  }
  const belarus = map.regions.belarusStaging ?? [];
  const inBelarus = v.belarusForces ?? 0;
  if (inBelarus > 0 && belarus[0]) {
    placeMarkers(
      g,
      belarus.map(px),
      Math.max(1, Math.round(inBelarus / 5)),
      PALETTE.vermillion,
      'triangle',
    );
    // Under the southernmost staging area, clear of Minsk and the country's name.
    const p = px(belarus[belarus.length - 1]!);
    layer.add(
      scene.add
        .text(p.x, p.y + 10, `▲ in Belarus ${inBelarus},000`, textStyle(13, PALETTE.orange))
        .setOrigin(0.5, 0),
    );
  }
  const flank = map.regions.eastFlank ?? [];
  const posture = v.eastFlank ?? 0;
  placeMarkers(g, flank.map(px), Math.max(1, Math.round(posture / 15)), PALETTE.sky, 'square');
  if (flank[0]) {
    const p = px(flank[0]);
    layer.add(
      // Out at sea, west of the Baltic states' names.
      scene.add
        .text(p.x - 40, p.y, `■ NATO eastern flank ${posture}/100`, textStyle(13, PALETTE.sky))
        .setOrigin(1, 0.5),
    );
  }
  const station = map.regions.carrierStation?.[0];
  if (station) {
    const p = px(station);
    if ((v.carrierGroup ?? 0) >= 1) {
      g.fillStyle(PALETTE.sky, 1).fillEllipse(p.x, p.y, 26, 10);
      layer.add(
        scene.add.text(
          p.x + 16,
          p.y - 8,
          '◆ USS Harry S. Truman group',
          textStyle(13, PALETTE.sky),
        ),
      );
    } else {
      layer.add(
        scene.add.text(
          p.x - 40,
          p.y - 8,
          '◇ carrier group sailed for the Gulf',
          textStyle(13, PALETTE.muted),
        ),
      );
    }
  }
}

function placeMarkers(
  g: Phaser.GameObjects.Graphics,
  anchors: Point[],
  count: number,
  colour: number,
  shape: 'triangle' | 'square',
): void {
  if (anchors.length === 0) return;
  g.fillStyle(colour, 1);
  g.lineStyle(1, 0x000000, 1);
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
  }
}
