import { describe, expect, it } from 'vitest';
import { BAND_ABOVE, classBand, useBand } from '../../src/classroom/chart';

const series = (...values: number[][]) =>
  values.map((v, i) => ({ name: `Group ${i + 1}`, values: v }));

describe('classBand', () => {
  it('gives the lowest, quartiles, median and highest of each turn (golden table)', () => {
    const band = classBand(series([50, 60, 70], [50, 40], [50, 80, 90, 100], [50, 60, 70]));
    expect(band).toEqual([
      { turn: 0, count: 4, lowest: 50, lower: 50, median: 50, upper: 50, highest: 50 },
      { turn: 1, count: 4, lowest: 40, lower: 55, median: 60, upper: 65, highest: 80 },
      // The game that ended on turn 1 drops out.
      { turn: 2, count: 3, lowest: 70, lower: 70, median: 70, upper: 80, highest: 90 },
      { turn: 3, count: 1, lowest: 100, lower: 100, median: 100, upper: 100, highest: 100 },
    ]);
  });

  it('keeps one decimal where a quartile falls between two games', () => {
    const [point] = classBand(series([1], [2], [4]));
    expect(point).toMatchObject({ lower: 1.5, median: 2, upper: 3 });
    const [thirds] = classBand(series([0], [1], [1]));
    expect(thirds).toMatchObject({ lower: 0.5, median: 1, upper: 1 });
    const [quarters] = classBand(series([0], [1], [1], [2]));
    expect(quarters).toMatchObject({ lower: 0.8, upper: 1.3 });
  });

  it('is empty without games', () => {
    expect(classBand([])).toEqual([]);
  });

  it('is ordered: lowest ≤ lower quartile ≤ median ≤ upper quartile ≤ highest', () => {
    const values = Array.from({ length: 25 }, (_, g) =>
      Array.from({ length: 1 + (g % 11) }, (_, t) => (g * 37 + t * 13) % 101),
    );
    for (const p of classBand(series(...values))) {
      expect(p.lowest).toBeLessThanOrEqual(p.lower);
      expect(p.lower).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.upper);
      expect(p.upper).toBeLessThanOrEqual(p.highest);
    }
  });
});

describe('useBand', () => {
  it(`draws a line per group up to ${BAND_ABOVE} groups, a band above`, () => {
    expect(useBand(BAND_ABOVE)).toBe(false);
    expect(useBand(BAND_ABOVE + 1)).toBe(true);
    expect(BAND_ABOVE).toBe(5);
  });
});
