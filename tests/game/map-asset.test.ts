// The committed map asset (assets/map/europe.json, built by scripts/build-map.mjs): its shape, its
// geography (cities inside the right countries, sea points at sea), its size, and that the build
// script still makes it byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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
}

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const ASSET = join(ROOT, 'assets', 'map', 'europe.json');
const FOCUS = ['UKR', 'RUS', 'BLR', 'POL', 'EST', 'LVA', 'LTU', 'ROU', 'MDA'];

const text = readFileSync(ASSET, 'utf8');
const map = JSON.parse(text) as MapAsset;
const scratch = mkdtempSync(join(tmpdir(), 'brink-map-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

function country(id: string): Country {
  const found = map.countries.find((c) => c.id === id);
  if (!found) throw new Error(`no country ${id} in the map`);
  return found;
}

function place(id: string) {
  const found = map.places.find((p) => p.id === id);
  if (!found) throw new Error(`no place ${id} in the map`);
  return found;
}

/** The countries whose polygons contain a point. */
const countriesAt = (x: number, y: number) =>
  map.countries.filter((c) => inPolygons(x, y, c.polygons)).map((c) => c.id);

describe('the map asset', () => {
  it('parses, with a source and a 1600×1000 frame', () => {
    expect(map.source).toMatch(/Natural Earth/);
    expect(map.width).toBe(1600);
    expect(map.height).toBe(1000);
    expect(map.projection.type).toBe('conicConformal');
  });

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

  it('keeps every polygon inside the frame, with at least three points', () => {
    for (const c of [...map.countries, ...map.disputed]) {
      expect(c.polygons.length, c.id).toBeGreaterThan(0);
      for (const ring of c.polygons) {
        expect(ring.length, c.id).toBeGreaterThanOrEqual(3);
        for (const [x, y] of ring) {
          expect(x >= 0 && x <= map.width && y >= 0 && y <= map.height, `${c.id} ${x},${y}`).toBe(
            true,
          );
        }
      }
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

  it('puts every place and force anchor in the country it names, and no other', () => {
    const anchors = [...map.places, ...Object.values(map.regions).flat()];
    for (const { id, x, y, country: expected } of anchors) {
      expect(countriesAt(x, y), id).toEqual(expected ? [expected] : []);
      expect(x >= 0 && x <= map.width && y >= 0 && y <= map.height, id).toBe(true);
    }
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

  it('stays under 300 KB', () => {
    expect(statSync(ASSET).size).toBeLessThan(300 * 1024);
  });

  it('is what scripts/build-map.mjs makes, byte for byte', () => {
    const out = join(scratch, 'europe.json');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-map.mjs'), out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});
