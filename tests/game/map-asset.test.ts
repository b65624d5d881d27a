// The committed map assets (assets/map/*.json, built by scripts/build-map.mjs): their shape, their
// geography (cities inside the right countries, sea points at sea), their size, and that the build
// script still makes them byte for byte. Europe is the Ukraine scenario's map; the Caribbean is the
// Cuba 1962 scenario's, with the quarantine line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

type Point = [number, number];
interface Country {
  id: string;
  name: string;
  focus: boolean;
  polygons: Point[][];
}
interface Anchor {
  id: string;
  lon: number;
  lat: number;
  x: number;
  y: number;
  country: string | null;
}
interface MapAsset {
  source: string;
  width: number;
  height: number;
  projection: Record<string, unknown>;
  countries: Country[];
  disputed: (Omit<Country, 'focus'> & { recognisedAs: string; controlledBy: string })[];
  places: (Anchor & { name: string })[];
  regions: Record<string, Anchor[]>;
  lines?: { id: string; name: string; note: string; points: Omit<Anchor, 'id' | 'country'>[] }[];
}

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const scratch = mkdtempSync(join(tmpdir(), 'brink-map-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A committed asset: its text and what it parses to. */
function asset(name: string): { name: string; text: string; map: MapAsset } {
  const text = readFileSync(join(ROOT, 'assets', 'map', `${name}.json`), 'utf8');
  return { name, text, map: JSON.parse(text) as MapAsset };
}

const europe = asset('europe');
const caribbean = asset('caribbean');

/** Even–odd ray casting over one ring. */
function inRing(x: number, y: number, ring: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygons = (x: number, y: number, polygons: Point[][]) =>
  polygons.some((ring) => inRing(x, y, ring));

const inFrame = (map: MapAsset, x: number, y: number) =>
  x >= 0 && x <= map.width && y >= 0 && y <= map.height;

function countryIn(map: MapAsset, id: string): Country {
  const found = map.countries.find((c) => c.id === id);
  if (!found) throw new Error(`no country ${id} in the map`);
  return found;
}

function placeIn(map: MapAsset, id: string) {
  const found = map.places.find((p) => p.id === id);
  if (!found) throw new Error(`no place ${id} in the map`);
  return found;
}

/** The countries whose polygons contain a point. */
const countriesIn = (map: MapAsset, x: number, y: number) =>
  map.countries.filter((c) => inPolygons(x, y, c.polygons)).map((c) => c.id);

/** The box round a country's polygons. */
function boundsOf(c: Country) {
  const points = c.polygons.flat();
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
  };
}

describe.each([europe, caribbean])('the $name map asset (shared checks)', ({ name, text, map }) => {
  it('parses, with a source and a 1600×1000 conic frame', () => {
    expect(map.source).toMatch(/Natural Earth/);
    expect(map.width).toBe(1600);
    expect(map.height).toBe(1000);
    expect(map.projection.type).toBe('conicConformal');
    const ids = map.countries.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every polygon inside the frame, with at least three points', () => {
    for (const c of [...map.countries, ...map.disputed]) {
      expect(c.polygons.length, c.id).toBeGreaterThan(0);
      for (const ring of c.polygons) {
        expect(ring.length, c.id).toBeGreaterThanOrEqual(3);
        for (const [x, y] of ring) expect(inFrame(map, x, y), `${c.id} ${x},${y}`).toBe(true);
      }
    }
  });

  it('puts every place and anchor in the frame and in the country it names, and no other', () => {
    const anchors = [...map.places, ...Object.values(map.regions).flat()];
    for (const { id, x, y, country: expected } of anchors) {
      expect(countriesIn(map, x, y), id).toEqual(expected ? [expected] : []);
      expect(inFrame(map, x, y), id).toBe(true);
    }
  });

  it('stays under 300 KB', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(300 * 1024);
  });

  it('is what scripts/build-map.mjs makes, byte for byte', () => {
    const out = join(scratch, `${name}.json`);
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-map.mjs'), name, out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});

describe('the Europe map asset', () => {
  const { map } = europe;
  const country = (id: string) => countryIn(map, id);
  const place = (id: string) => placeIn(map, id);
  const countriesAt = (x: number, y: number) => countriesIn(map, x, y);
  const FOCUS = ['UKR', 'RUS', 'BLR', 'POL', 'EST', 'LVA', 'LTU', 'ROU', 'MDA'];

  it('has every focus country, and only those, marked focus', () => {
    for (const id of FOCUS) expect(country(id).focus).toBe(true);
    const focus = map.countries.filter((c) => c.focus).map((c) => c.id);
    expect(focus.sort()).toEqual([...FOCUS].sort());
    const ids = map.countries.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Background neighbours are there too.
    for (const id of ['DEU', 'SVK', 'HUN', 'FIN', 'GEO', 'TUR', 'GRC', 'BGR']) {
      expect(country(id).focus).toBe(false);
    }
  });

  it.each([
    ['kyiv', 'UKR'],
    ['minsk', 'BLR'],
    ['warsaw', 'POL'],
    ['moscow', 'RUS'],
  ])('puts %s inside %s', (id, countryId) => {
    const { x, y } = place(id);
    expect(inPolygons(x, y, country(countryId).polygons)).toBe(true);
  });

  it('keeps the carrier station at sea in the eastern Mediterranean', () => {
    const station = map.regions.carrierStation;
    expect(station).toHaveLength(1);
    const { x, y } = station![0]!;
    expect(countriesAt(x, y)).toEqual([]);
    expect(place('carrierStation')).toMatchObject({ x, y });
    // South of Greece and west of Turkey's southern coast, with room below for a marker.
    expect(y).toBeGreaterThan(place('sevastopol').y);
    expect(y).toBeLessThan(map.height - 30);
  });

  it('draws Crimea inside Ukraine and lists it as Russian-controlled', () => {
    const sevastopol = place('sevastopol');
    expect(countriesAt(sevastopol.x, sevastopol.y)).toEqual(['UKR']);
    const crimea = map.disputed.find((d) => d.id === 'crimea');
    expect(crimea).toMatchObject({ recognisedAs: 'UKR', controlledBy: 'RUS' });
    expect(inPolygons(sevastopol.x, sevastopol.y, crimea!.polygons)).toBe(true);
  });

  it('has the force anchors the game draws', () => {
    for (const region of [
      'russianForcesNearUkraine',
      'belarusStaging',
      'eastFlank',
      'carrierStation',
    ]) {
      expect(map.regions[region]?.length, region).toBeGreaterThan(0);
    }
  });
});

/** Great-circle distance in nautical miles between two lon/lat points (a sphere of mean radius). */
function nauticalMiles(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const radians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return (2 * 6371008.8 * Math.asin(Math.sqrt(h))) / 1852;
}

describe('the Caribbean map asset', () => {
  const { map } = caribbean;
  const country = (id: string) => countryIn(map, id);
  const place = (id: string) => placeIn(map, id);
  const countriesAt = (x: number, y: number) => countriesIn(map, x, y);
  const quarantine = map.lines?.find((line) => line.id === 'quarantine');
  const capeMaisi = { lon: -74.13, lat: 20.24 };

  it('marks the United States and Cuba, and only those, focus; the neighbours are there', () => {
    const focus = map.countries.filter((c) => c.focus).map((c) => c.id);
    expect(focus.sort()).toEqual(['CUB', 'USA']);
    for (const id of ['BHS', 'HTI', 'DOM', 'JAM', 'MEX', 'GTM', 'BLZ', 'HND', 'NIC', 'PRI']) {
      expect(country(id).focus, id).toBe(false);
    }
    expect(map.disputed).toEqual([]);
  });

  it('draws Cuba large, near the middle of the frame', () => {
    const { left, right, top, bottom } = boundsOf(country('CUB'));
    expect(right - left).toBeGreaterThan(map.width / 4);
    expect((left + right) / 2).toBeGreaterThan(map.width / 3);
    expect((left + right) / 2).toBeLessThan((map.width * 2) / 3);
    expect((top + bottom) / 2).toBeGreaterThan(map.height / 3);
    expect((top + bottom) / 2).toBeLessThan((map.height * 2) / 3);
  });

  it('shows Florida and the Gulf north of Cuba, Hispaniola east and the Yucatán west of it', () => {
    const cuba = boundsOf(country('CUB'));
    const florida = place('miami');
    expect(florida.y).toBeLessThan(cuba.top);
    expect(countriesAt(place('gulfOfMexico').x, place('gulfOfMexico').y)).toEqual([]);
    expect(boundsOf(country('DOM')).left).toBeGreaterThan(cuba.right - 100);
    expect(boundsOf(country('MEX')).right).toBeLessThan(cuba.left);
  });

  it.each([
    ['havana', 'CUB'],
    ['sanCristobal', 'CUB'],
    ['saguaLaGrande', 'CUB'],
    ['guanajay', 'CUB'],
    ['remedios', 'CUB'],
    ['banes', 'CUB'],
    ['guantanamo', 'CUB'],
    ['miami', 'USA'],
    ['keyWest', 'USA'],
  ])('puts %s inside %s', (id, countryId) => {
    const { x, y } = place(id);
    expect(countriesAt(x, y)).toEqual([countryId]);
  });

  it('has the missile sites in Cuba and the ships at sea', () => {
    expect(map.regions.mrbmSites?.map((a) => a.id)).toEqual(['sanCristobal', 'saguaLaGrande']);
    expect(map.regions.irbmSites?.map((a) => a.id)).toEqual(['guanajay', 'remedios']);
    for (const region of ['quarantineStations', 'sovietShipsApproaching', 'usForcesSouthEast']) {
      expect(map.regions[region]?.length, region).toBeGreaterThan(0);
    }
    for (const ship of [
      ...map.regions.quarantineStations!,
      ...map.regions.sovietShipsApproaching!,
    ]) {
      expect(ship.country, ship.id).toBeNull();
    }
  });

  it('draws the quarantine line 500 nautical miles from Cape Maisí, at sea, in the frame', () => {
    expect(quarantine).toBeDefined();
    expect(quarantine!.note).toMatch(/approximation/);
    expect(quarantine!.points.length).toBeGreaterThanOrEqual(10);
    for (const point of quarantine!.points) {
      // Rounded to 0.01° (about half a nautical mile) in the asset.
      expect(
        Math.abs(nauticalMiles(capeMaisi, point) - 500),
        `${point.lon},${point.lat}`,
      ).toBeLessThan(1);
      expect(inFrame(map, point.x, point.y)).toBe(true);
      expect(countriesAt(point.x, point.y), `${point.lon},${point.lat}`).toEqual([]);
    }
  });

  it('puts the line north of the Bahamas and Puerto Rico, the Soviet ships beyond it', () => {
    const points = quarantine!.points;
    const last = points[points.length - 1]!;
    expect(last.y).toBeLessThan(boundsOf(country('PRI')).top);
    expect(points[0]!.y).toBeLessThan(boundsOf(country('BHS')).top);
    for (const ship of map.regions.sovietShipsApproaching!) {
      expect(nauticalMiles(capeMaisi, ship)).toBeGreaterThan(550);
    }
    for (const ship of map.regions.quarantineStations!) {
      expect(Math.abs(nauticalMiles(capeMaisi, ship) - 500)).toBeLessThan(1);
    }
  });

  it('keeps the named places on land at least 8 pixels apart, so their dots do not merge', () => {
    const dots = map.places.filter((p) => p.country);
    for (const a of dots) {
      for (const b of dots) {
        if (a.id < b.id)
          expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} ${b.id}`).toBeGreaterThan(8);
      }
    }
  });
});
