#!/usr/bin/env node
// Builds assets/map/europe.json: the map of Eastern Europe that the game draws with plain polygons.
// Natural Earth 1:50m countries (the npm package world-atlas) are simplified, projected and clipped
// here at build time, so the game needs neither d3 nor the network at run time.
//
//   npm run build:map                 writes assets/map/europe.json
//   node scripts/build-map.mjs OUT    writes OUT instead (the test rebuilds into a temp file)
//
// The output is deterministic: the same world-atlas, d3-geo and prettier give the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoConicConformal, geoContains, geoPath } from 'd3-geo';
import * as prettier from 'prettier';
import { feature, mergeArcs } from 'topojson-client';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DEFAULT_OUT = join(ROOT, 'assets', 'map', 'europe.json');
const require = createRequire(import.meta.url);

const WIDTH = 1600;
const HEIGHT = 1000;
/** The frame must show at least this box (lon/lat, degrees); the 16:10 frame shows more east–west. */
const FIT_BOX = { lon: [12, 45], lat: [33, 61] };
/** Lambert conformal conic for the 33°–61° N band (one-sixth rule), centred on 30° E. */
const PARALLELS = [38, 56];
const ROTATE = [-30, 0, 0];
/** Simplification, in pixels: drop a point this close to the last one kept on its border... */
const MIN_STEP = 1.5;
/** ...and a ring (island, clipped sliver) whose area is no bigger than this, in square pixels. */
const MIN_AREA = 4;
/** ...and, after that, a point within this many pixels of the line its neighbours make. */
const MAX_OFFSET = 0.4;

/** Short ids and display names for every Natural Earth country that reaches into the frame. */
const COUNTRIES = {
  Albania: ['ALB'],
  Andorra: ['AND'],
  Algeria: ['DZA'],
  Armenia: ['ARM'],
  Austria: ['AUT'],
  Azerbaijan: ['AZE'],
  Belarus: ['BLR'],
  Belgium: ['BEL'],
  'Bosnia and Herz.': ['BIH', 'Bosnia and Herzegovina'],
  Bulgaria: ['BGR'],
  Croatia: ['HRV'],
  Cyprus: ['CYP'],
  Czechia: ['CZE'],
  Denmark: ['DNK'],
  Egypt: ['EGY'],
  Estonia: ['EST'],
  Finland: ['FIN'],
  France: ['FRA'],
  Georgia: ['GEO'],
  Germany: ['DEU'],
  Greece: ['GRC'],
  Hungary: ['HUN'],
  Iran: ['IRN'],
  Iraq: ['IRQ'],
  Israel: ['ISR'],
  Italy: ['ITA'],
  Jordan: ['JOR'],
  Kazakhstan: ['KAZ'],
  Ireland: ['IRL'],
  'Isle of Man': ['IMN'],
  Jersey: ['JEY'],
  Kosovo: ['XKX'],
  Latvia: ['LVA'],
  Lebanon: ['LBN'],
  Libya: ['LBY'],
  Liechtenstein: ['LIE'],
  Lithuania: ['LTU'],
  Luxembourg: ['LUX'],
  Macedonia: ['MKD', 'North Macedonia'],
  Malta: ['MLT'],
  Moldova: ['MDA'],
  Montenegro: ['MNE'],
  'N. Cyprus': ['CYN', 'Northern Cyprus'],
  Netherlands: ['NLD'],
  Norway: ['NOR'],
  Palestine: ['PSE'],
  Poland: ['POL'],
  Romania: ['ROU'],
  Russia: ['RUS'],
  'San Marino': ['SMR'],
  'Saudi Arabia': ['SAU'],
  Spain: ['ESP'],
  Serbia: ['SRB'],
  Slovakia: ['SVK'],
  Slovenia: ['SVN'],
  Sweden: ['SWE'],
  Switzerland: ['CHE'],
  Syria: ['SYR'],
  Tunisia: ['TUN'],
  Turkey: ['TUR'],
  Turkmenistan: ['TKM'],
  Ukraine: ['UKR'],
  'United Kingdom': ['GBR'],
  Uzbekistan: ['UZB'],
  Vatican: ['VAT', 'Vatican City'],
  Åland: ['ALA', 'Åland Islands'],
};
/** The crisis actors; everything else is background. */
const FOCUS = new Set(['UKR', 'RUS', 'BLR', 'POL', 'EST', 'LVA', 'LTU', 'ROU', 'MDA']);

/** Named points: id, name, lon, lat, and the country it lies in (null for sea points). */
const PLACES = [
  ['kyiv', 'Kyiv', 30.5234, 50.4501, 'UKR'],
  ['moscow', 'Moscow', 37.6173, 55.7558, 'RUS'],
  ['minsk', 'Minsk', 27.5615, 53.9045, 'BLR'],
  ['warsaw', 'Warsaw', 21.0122, 52.2297, 'POL'],
  ['bucharest', 'Bucharest', 26.1025, 44.4268, 'ROU'],
  ['vilnius', 'Vilnius', 25.2797, 54.6872, 'LTU'],
  ['riga', 'Riga', 24.1052, 56.9496, 'LVA'],
  ['tallinn', 'Tallinn', 24.7536, 59.437, 'EST'],
  ['chisinau', 'Chișinău', 28.8638, 47.0105, 'MDA'],
  ['sevastopol', 'Sevastopol', 33.5224, 44.6166, 'UKR'],
  ['donetsk', 'Donetsk', 37.8028, 48.0159, 'UKR'],
  ['luhansk', 'Luhansk', 39.3078, 48.574, 'UKR'],
  ['kharkiv', 'Kharkiv', 36.2304, 49.9935, 'UKR'],
  ['brest', 'Brest', 23.6851, 52.0976, 'BLR'],
  ['gomel', 'Gomel', 30.9754, 52.4345, 'BLR'],
  ['rostov', 'Rostov-on-Don', 39.7015, 47.2357, 'RUS'],
  ['voronezh', 'Voronezh', 39.2003, 51.672, 'RUS'],
  ['belgorod', 'Belgorod', 36.5873, 50.5997, 'RUS'],
  ['yelnya', 'Yelnya', 33.1751, 54.5781, 'RUS'],
  ['constanta', 'Constanța', 28.6348, 44.1598, 'ROU'],
  ['blackSea', 'Black Sea', 34, 43.5, null],
  ['balticSea', 'Baltic Sea', 19.2, 55.6, null],
  ['carrierStation', 'Eastern Mediterranean', 25, 34.5, null],
];

/** Anchor points where the game draws forces: lists of [id, lon, lat, country]. */
const REGIONS = {
  russianForcesNearUkraine: [
    ['yelnya', 33.1751, 54.5781, 'RUS'],
    ['belgorod', 36.5873, 50.5997, 'RUS'],
    ['voronezh', 39.2003, 51.672, 'RUS'],
    ['rostov', 39.7015, 47.2357, 'RUS'],
    // Northern Crimea (Dzhankoi): inside Ukraine's outline, and inside the Crimea of `disputed`.
    ['crimea', 34.3928, 45.7086, 'UKR'],
  ],
  belarusStaging: [
    ['brest', 23.6851, 52.0976, 'BLR'],
    ['luninets', 26.8043, 52.2472, 'BLR'],
    ['mozyr', 29.2456, 52.0495, 'BLR'],
    ['gomel', 30.9754, 52.4345, 'BLR'],
  ],
  eastFlank: [
    ['tapa', 25.9593, 59.2607, 'EST'],
    ['adazi', 24.3236, 57.0756, 'LVA'],
    ['rukla', 24.1903, 55.0689, 'LTU'],
    ['orzysz', 21.9469, 53.8083, 'POL'],
    ['rzeszow', 22.0047, 50.0412, 'POL'],
    ['mihailKogalniceanu', 28.4883, 44.3622, 'ROU'],
  ],
  carrierStation: [['carrierStation', 25, 34.5, null]],
};

const round = (value) => Math.round(value * 10) / 10 || 0;

/** Signed area of a ring of [x, y] points (shoelace). */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
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
 * Natural Earth draws borders as controlled on the ground ("de facto"), so world-atlas puts Crimea in
 * Russia's outline. The game follows the internationally recognised border (UN General Assembly
 * resolution 68/262): this moves the Crimea polygon from Russia to Ukraine, merges it into Ukraine's
 * outline, and returns it so that the map can also list it as Russian-controlled since 2014.
 */
function moveCrimeaToUkraine(topology) {
  const geometries = topology.objects.countries.geometries;
  const russia = geometries.find((g) => g.properties.name === 'Russia');
  const ukraine = geometries.find((g) => g.properties.name === 'Ukraine');
  const sevastopol = [33.5224, 44.6166];
  const index = russia.arcs.findIndex((arcs) =>
    geoContains(feature(topology, { type: 'Polygon', arcs }), sevastopol),
  );
  if (index < 0) throw new Error('world-atlas has no Crimea polygon in Russia any more');
  const [crimea] = russia.arcs.splice(index, 1);
  const merged = mergeArcs(topology, [ukraine, { type: 'Polygon', arcs: crimea }]);
  ukraine.type = merged.type;
  ukraine.arcs = merged.arcs;
  return { type: 'Polygon', arcs: crimea };
}

/** Projects and clips one country: its outer rings in frame pixels, holes dropped. */
function projectCountry(geometry, path) {
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
    if (points.length >= 3 && ringArea(points) > MIN_AREA) polygons.push(points);
  }
  return polygons;
}

export async function buildMap() {
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  );

  const fitPoints = [];
  for (let lon = FIT_BOX.lon[0]; lon <= FIT_BOX.lon[1]; lon += 0.5) {
    fitPoints.push([lon, FIT_BOX.lat[0]], [lon, FIT_BOX.lat[1]]);
  }
  for (let lat = FIT_BOX.lat[0]; lat <= FIT_BOX.lat[1]; lat += 0.5) {
    fitPoints.push([FIT_BOX.lon[0], lat], [FIT_BOX.lon[1], lat]);
  }
  const projection = geoConicConformal()
    .parallels(PARALLELS)
    .rotate(ROTATE)
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

  simplifyArcs(topology, projection);
  const crimea = moveCrimeaToUkraine(topology);
  const path = geoPath(projection);
  const countries = [];
  for (const country of feature(topology, topology.objects.countries).features) {
    const polygons = projectCountry(dropFlippedIslands(country.geometry), path);
    if (polygons.length === 0) continue;
    const known = COUNTRIES[country.properties.name];
    if (!known) throw new Error(`no id for ${country.properties.name}, which is in the frame`);
    const [id, name = country.properties.name] = known;
    countries.push({ id, name, focus: FOCUS.has(id), polygons });
  }
  // Background first, then the actors, so that the actors' outlines are drawn on top.
  countries.sort((a, b) => Number(a.focus) - Number(b.focus) || (a.id < b.id ? -1 : 1));

  const point = (lon, lat) => {
    const [x, y] = projection([lon, lat]);
    return { x: round(x), y: round(y) };
  };
  const places = PLACES.map(([id, name, lon, lat, country]) => ({
    id,
    name,
    lon,
    lat,
    ...point(lon, lat),
    country,
  }));
  const regions = Object.fromEntries(
    Object.entries(REGIONS).map(([region, anchors]) => [
      region,
      anchors.map(([id, lon, lat, country]) => ({ id, lon, lat, ...point(lon, lat), country })),
    ]),
  );

  const disputed = [
    {
      id: 'crimea',
      name: 'Crimea',
      recognisedAs: 'UKR',
      controlledBy: 'RUS',
      controlledSince: 2014,
      polygons: projectCountry(feature(topology, crimea), path),
    },
  ];

  return {
    source: 'Natural Earth 1:50m via world-atlas 2.x',
    width: WIDTH,
    height: HEIGHT,
    projection: {
      type: 'conicConformal',
      parallels: PARALLELS,
      rotate: ROTATE,
      scale: projection.scale(),
      translate: projection.translate(),
      fittedTo: FIT_BOX,
      clipExtent: [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      simplify: { minStepPx: MIN_STEP, maxOffsetPx: MAX_OFFSET, minAreaPx2: MIN_AREA },
    },
    countries,
    disputed,
    places,
    regions,
  };
}

async function main() {
  const out = resolve(process.argv[2] ?? DEFAULT_OUT);
  const map = await buildMap();
  // Written as prettier would write it (the repository's format check reads every JSON file); the
  // options come from the committed file's place, so a build into a temp path gives the same bytes.
  const options = (await prettier.resolveConfig(DEFAULT_OUT)) ?? {};
  const text = await prettier.format(JSON.stringify(map), { ...options, parser: 'json' });
  writeFileSync(out, text);
  const points = map.countries.reduce(
    (sum, c) => sum + c.polygons.reduce((n, ring) => n + ring.length, 0),
    0,
  );
  console.log(
    `${out}: ${map.countries.length} countries, ${points} points, ${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
