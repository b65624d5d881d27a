#!/usr/bin/env node
// Builds the maps the game draws with plain polygons, one per configuration in scripts/maps/:
// assets/map/europe.json (Eastern Europe, the Ukraine scenario) and assets/map/caribbean.json (the
// Caribbean and the US south-east, the Cuba 1962 scenario). Natural Earth 1:50m countries (the npm
// package world-atlas) are simplified, projected and clipped here at build time, so the game needs
// neither d3 nor the network at run time.
//
//   npm run build:map                      writes every map into assets/map/
//   node scripts/build-map.mjs NAME        writes one map (europe, caribbean)
//   node scripts/build-map.mjs NAME OUT    writes it to OUT instead (the test rebuilds into temp)
//
// The output is deterministic: the same world-atlas, d3-geo and prettier give the same bytes.
//
// The shape of a map (every x, y in pixels of the width×height frame; lon, lat in degrees):
//   source, width, height      where the outlines come from; the frame's size
//   projection                 how lon/lat became x/y (type, parallels, rotate, scale, translate,
//                              fittedTo: the lon/lat box the frame was fitted to, simplification)
//   countries[]                { id, name, focus, polygons: [[x, y]…][] }, background before focus
//   disputed[]                 { id, name, recognisedAs, controlledBy, controlledSince, polygons }
//                              for a territory drawn unlike Natural Earth (may be empty)
//   places[]                   { id, name, lon, lat, x, y, country }: cities, sites, seas (country
//                              null at sea)
//   regions{}                  name → [{ id, lon, lat, x, y, country }]: anchors where the game
//                              draws forces or ships
//   lines[]   (only if any)    { id, name, note, points: [{ lon, lat, x, y }] }: a polyline such as
//                              the quarantine line, checked to lie inside the frame
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoConicConformal, geoPath } from 'd3-geo';
import * as prettier from 'prettier';
import { feature } from 'topojson-client';
import { caribbean } from './maps/caribbean.mjs';
import { europe } from './maps/europe.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

export const MAPS = { europe, caribbean };

const WIDTH = 1600;
const HEIGHT = 1000;
/** Simplification, in pixels: drop a point this close to the last one kept on its border... */
const MIN_STEP = 1.5;
/** ...and a ring (island, clipped sliver) whose area is no bigger than this, in square pixels. */
const MIN_AREA = 4;
/** ...and, after that, a point within this many pixels of the line its neighbours make. */
const MAX_OFFSET = 0.4;

const round = (value) => Math.round(value * 10) / 10 || 0;

/** Signed area of a ring of [x, y] points (shoelace). */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** Even–odd ray casting: whether the pixel point x, y lies inside a ring. */
function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Douglas–Peucker over point indices: drops points within MAX_OFFSET pixels of the kept line. */
function douglasPeucker(indices, screen) {
  if (indices.length < 3) return indices;
  const keep = new Array(indices.length).fill(false);
  keep[0] = keep[indices.length - 1] = true;
  const stack = [[0, indices.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    const [ax, ay] = screen[indices[first]];
    const [bx, by] = screen[indices[last]];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let worstOffset = 0;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = screen[indices[i]];
      // Distance to the line through a and b, or to a itself when the arc closes on itself.
      const offset =
        length > 0
          ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
          : Math.hypot(px - ax, py - ay);
      if (offset > worstOffset) {
        worstOffset = offset;
        worst = i;
      }
    }
    if (worst >= 0 && worstOffset > MAX_OFFSET) {
      keep[worst] = true;
      stack.push([first, worst], [worst, last]);
    }
  }
  return indices.filter((_, i) => keep[i]);
}

/**
 * Simplifies every arc of the topology in place, before the countries are assembled: a border shared
 * by two countries is one arc, so both get the same points and no gap opens between them. An arc
 * keeps its two ends (where three borders meet), drops each point closer than MIN_STEP pixels to
 * the last point it kept, then runs Douglas–Peucker (MAX_OFFSET) over what is left.
 */
function simplifyArcs(topology, projection) {
  const { scale, translate } = topology.transform;
  topology.arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const points = arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    const screen = points.map((point) => projection(point));
    const kept = [0];
    const far = (i, j) =>
      Math.hypot(screen[i][0] - screen[j][0], screen[i][1] - screen[j][1]) >= MIN_STEP;
    for (let i = 1; i < points.length - 1; i++) {
      if (far(i, kept[kept.length - 1])) kept.push(i);
    }
    const last = points.length - 1;
    if (kept.length > 1 && !far(kept[kept.length - 1], last)) kept.pop();
    kept.push(last);
    return douglasPeucker(kept, screen).map((i) => points[i]);
  });
  delete topology.transform;
}

/**
 * A tiny island whose few points were simplified away can come out wound the other way, which d3
 * reads as the whole globe but the island: drop such polygons (no country covers half the sphere).
 */
function dropFlippedIslands(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.filter(
    (rings) => geoArea({ type: 'Polygon', coordinates: [rings[0]] }) < 2 * Math.PI,
  );
  return { type: 'MultiPolygon', coordinates: kept };
}

/**
 * Projects and clips one country: its outer rings in frame pixels, holes dropped. A ring too small
 * to draw is kept all the same if one of the `named` pixel points (the map's places) lies in it, so
 * that a named island such as Key West does not leave its dot at sea.
 */
function projectCountry(geometry, path, named = []) {
  const rings = [];
  let ring;
  path.context({
    moveTo(x, y) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x, y) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
  })(geometry);
  const polygons = [];
  for (const raw of rings) {
    const points = [];
    for (const [x, y] of raw) {
      const point = [round(x), round(y)];
      const prev = points[points.length - 1];
      if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) points.push(point);
    }
    while (
      points.length > 1 &&
      points[0][0] === points[points.length - 1][0] &&
      points[0][1] === points[points.length - 1][1]
    ) {
      points.pop();
    }
    // d3 winds outer rings clockwise on screen (positive area here); holes the other way. Every
    // hole in these countries is an enclave (San Marino, the Vatican) drawn as its own country.
    const large = ringArea(points) > MIN_AREA;
    if (points.length >= 3 && (large || named.some(([x, y]) => inRing(x, y, points)))) {
      polygons.push(points);
    }
  }
  return polygons;
}

/** A conformal conic fitted so that the frame shows at least the configuration's lon/lat box. */
function projectionFor({ fitBox, parallels, rotate }) {
  const fitPoints = [];
  for (let lon = fitBox.lon[0]; lon <= fitBox.lon[1]; lon += 0.5) {
    fitPoints.push([lon, fitBox.lat[0]], [lon, fitBox.lat[1]]);
  }
  for (let lat = fitBox.lat[0]; lat <= fitBox.lat[1]; lat += 0.5) {
    fitPoints.push([fitBox.lon[0], lat], [fitBox.lon[1], lat]);
  }
  return geoConicConformal()
    .parallels(parallels)
    .rotate(rotate)
    .fitExtent(
      [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      { type: 'MultiPoint', coordinates: fitPoints },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
}

/** Builds the map named `name` (a key of MAPS) as a plain object. */
export async function buildMap(name) {
  const config = MAPS[name];
  if (!config) throw new Error(`no map ${name}; the maps are ${Object.keys(MAPS).join(', ')}`);
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  );
  const projection = projectionFor(config);

  simplifyArcs(topology, projection);
  // A configuration may redraw a border (Europe moves Crimea); it runs on the simplified arcs.
  const disputed = config.disputed?.(topology) ?? [];
  const path = geoPath(projection);
  const point = (lon, lat) => {
    const [x, y] = projection([lon, lat]);
    return { x: round(x), y: round(y) };
  };
  const places = config.places.map(([id, placeName, lon, lat, country]) => ({
    id,
    name: placeName,
    lon,
    lat,
    ...point(lon, lat),
    country,
  }));
  const regions = Object.fromEntries(
    Object.entries(config.regions).map(([region, anchors]) => [
      region,
      anchors.map(([id, lon, lat, country]) => ({ id, lon, lat, ...point(lon, lat), country })),
    ]),
  );
  const named = [...places, ...Object.values(regions).flat()].map(({ x, y }) => [x, y]);
  const countries = [];
  for (const country of feature(topology, topology.objects.countries).features) {
    const polygons = projectCountry(dropFlippedIslands(country.geometry), path, named);
    if (polygons.length === 0) continue;
    const known = config.countries[country.properties.name];
    if (!known) throw new Error(`no id for ${country.properties.name}, which is in the frame`);
    const [id, displayName = country.properties.name] = known;
    countries.push({ id, name: displayName, focus: config.focus.has(id), polygons });
  }
  // Background first, then the actors, so that the actors' outlines are drawn on top.
  countries.sort((a, b) => Number(a.focus) - Number(b.focus) || (a.id < b.id ? -1 : 1));

  const lines = (config.lines ?? []).map(({ points, ...line }) => ({
    ...line,
    points: points.map(([lon, lat]) => {
      const at = point(lon, lat);
      if (at.x < 0 || at.x > WIDTH || at.y < 0 || at.y > HEIGHT) {
        throw new Error(`${line.id}: ${lon}, ${lat} is outside the frame`);
      }
      return { lon, lat, ...at };
    }),
  }));

  return {
    source: 'Natural Earth 1:50m via world-atlas 2.x',
    width: WIDTH,
    height: HEIGHT,
    projection: {
      type: 'conicConformal',
      parallels: config.parallels,
      rotate: config.rotate,
      scale: projection.scale(),
      translate: projection.translate(),
      fittedTo: config.fitBox,
      clipExtent: [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      simplify: { minStepPx: MIN_STEP, maxOffsetPx: MAX_OFFSET, minAreaPx2: MIN_AREA },
    },
    countries,
    disputed: disputed.map(({ geometry, ...territory }) => ({
      ...territory,
      polygons: projectCountry(feature(topology, geometry), path),
    })),
    places,
    regions,
    // Only maps with lines carry the key, so that europe.json keeps its bytes.
    ...(lines.length > 0 ? { lines } : {}),
  };
}

/** Writes one map as prettier would (the repository's format check reads every JSON file). */
async function writeMap(name, out) {
  const map = await buildMap(name);
  // The options come from the committed file's place, so a build into a temp path gives the same bytes.
  const committed = join(ROOT, 'assets', 'map', MAPS[name].file);
  const options = (await prettier.resolveConfig(committed)) ?? {};
  const text = await prettier.format(JSON.stringify(map), { ...options, parser: 'json' });
  writeFileSync(out ?? committed, text);
  const points = map.countries.reduce(
    (sum, c) => sum + c.polygons.reduce((n, ring) => n + ring.length, 0),
    0,
  );
  const size = Buffer.byteLength(text);
  console.log(
    `${out ?? committed}: ${map.countries.length} countries, ${points} points, ${size} bytes`,
  );
}

async function main() {
  const [name, out] = process.argv.slice(2);
  if (name) await writeMap(name, out && resolve(out));
  else for (const each of Object.keys(MAPS)) await writeMap(each);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
