// The Ukraine 2021 map: Eastern Europe (assets/map/europe.json), with the forces drawn from the
// state: Russian troops near Ukraine and in Belarus, NATO's eastern flank, the carrier group.
import type Phaser from 'phaser';
import url from '../../../../assets/map/europe.json?url';
import type { GameState } from '../../../sim';
import { PALETTE } from '../../palette';
import { textStyle, type Rect } from '../ScreenScene';
import {
  boundsOf,
  placeMarkers,
  type ForceLabel,
  type MapData,
  type MapDescription,
  type Point,
} from '../map';

export const ukraineMap: MapDescription = {
  key: 'map-europe',
  url,
  labelled: ['UKR', 'RUS', 'BLR', 'POL', 'ROU', 'LTU', 'LVA', 'EST', 'MDA'],
  cities: ['kyiv', 'moscow', 'minsk', 'warsaw', 'bucharest'],
  fills: [
    { country: 'UKR', variable: 'warStage', atLeast: 2, fill: 0x6b3b2b, otherwise: 0x5a5a3a },
  ],
  overlay: drawForces,
};

/** Draws the force markers; returns where they are and the labels to place beside them. */
function drawForces(
  g: Phaser.GameObjects.Graphics,
  map: MapData,
  px: (p: Point) => Point,
  state: GameState,
): { markers: Rect[]; labels: ForceLabel[] } {
  const v = state.vars;
  const markers: Rect[] = [];
  const labels: ForceLabel[] = [];
  const near = (map.regions.russianForcesNearUkraine ?? []).map(px);
  const perMarker = 20;
  const count = Math.max(1, Math.round((v.russianForces ?? 0) / perMarker));
  markers.push(...placeMarkers(g, near, count, PALETTE.vermillion, 'triangle'));
  const first = near[0];
  if (first) {
    labels.push({
      text: `▲ Russian forces ${v.russianForces ?? 0},000`,
      style: textStyle(13, PALETTE.orange, { fontStyle: 'bold' }),
      spots: [
        ...[-26, 12, -44, 30].map((dy) => () => ({ x: first.x + 10, y: first.y + dy })),
        ...[-26, 12].map((dy) => (w: number) => ({ x: first.x - 10 - w, y: first.y + dy })),
      ],
    });
  }
  const belarus = (map.regions.belarusStaging ?? []).map(px);
  const inBelarus = v.belarusForces ?? 0;
  if (inBelarus > 0 && belarus.length > 0) {
    const drawn = placeMarkers(
      g,
      belarus,
      Math.max(1, Math.round(inBelarus / 5)),
      PALETTE.vermillion,
      'triangle',
    );
    markers.push(...drawn);
    // Under the staging areas' markers, else beside or above them.
    const box = boundsOf(drawn);
    const middle = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
    labels.push({
      text: `▲ in Belarus ${inBelarus},000`,
      style: textStyle(13, PALETTE.orange),
      spots: [
        ...[3, 14, 25].map((gap) => (w: number) => ({
          x: middle.x - w / 2,
          y: box.y + box.h + gap,
        })),
        ...[6, 30].map((gap) => (_w: number, h: number) => ({
          x: box.x + box.w + gap,
          y: middle.y - h / 2,
        })),
        ...[6, 30].map((gap) => (w: number, h: number) => ({
          x: box.x - gap - w,
          y: middle.y - h / 2,
        })),
        ...[3, 14].map((gap) => (w: number, h: number) => ({
          x: middle.x - w / 2,
          y: box.y - gap - h,
        })),
      ],
    });
  }
  const flank = (map.regions.eastFlank ?? []).map(px);
  const posture = v.eastFlank ?? 0;
  markers.push(
    ...placeMarkers(g, flank, Math.max(1, Math.round(posture / 15)), PALETTE.sky, 'square'),
  );
  const baltic = flank[0];
  if (baltic) {
    // Out at sea, west of the Baltic states' names.
    labels.push({
      text: `■ NATO eastern flank ${posture}/100`,
      style: textStyle(13, PALETTE.sky),
      spots: [0, 1, -1].map((k) => (w: number, h: number) => ({
        x: baltic.x - 40 - w,
        y: baltic.y - h / 2 + k * (h + 4),
      })),
    });
  }
  const station = map.regions.carrierStation?.[0];
  if (station) {
    const p = px(station);
    const sailing = (v.carrierGroup ?? 0) < 1;
    if (!sailing) {
      g.fillStyle(PALETTE.sky, 1).fillEllipse(p.x, p.y, 26, 10);
      markers.push({ x: p.x - 13, y: p.y - 5, w: 26, h: 10 });
    }
    labels.push({
      text: sailing ? '◇ carrier group sailed for the Gulf' : '◆ USS Harry S. Truman group',
      style: textStyle(13, sailing ? PALETTE.muted : PALETTE.sky),
      spots: [
        (_w, h) => ({ x: p.x + (sailing ? -40 : 16), y: p.y - h / 2 }),
        (w, h) => ({ x: p.x - 16 - w, y: p.y - h / 2 }),
        (w) => ({ x: p.x - w / 2, y: p.y + 8 }),
      ],
    });
  }
  return { markers, labels };
}
