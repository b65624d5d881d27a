import { describe, expect, it } from 'vitest';
import { recordFileName } from '../../src/cli/games';
import { distribution } from '../../src/cli/report';

describe('batch statistics', () => {
  it('gives the mean and nearest-rank percentiles', () => {
    const values = [7, 1, 10, 3, 5, 2, 9, 4, 8, 6];
    expect(distribution(values)).toEqual({ mean: 5.5, min: 1, p10: 1, median: 5, p90: 9, max: 10 });
    expect(distribution([4])).toEqual({ mean: 4, min: 4, p10: 4, median: 4, p90: 4, max: 4 });
  });

  it('rounds the mean so JSON output reads the same everywhere', () => {
    expect(distribution([1, 1, 2]).mean).toBe(1.33);
  });
});

describe('record file names', () => {
  it('replaces the # of a game seed and anything unsafe in a file name', () => {
    expect(recordFileName('demo#12')).toBe('demo-12.json');
    expect(recordFileName('../x y#3')).toBe('..-x-y-3.json');
  });
});
