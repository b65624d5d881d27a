// hashJson feeds the hash piece by piece instead of building the canonical text: it must give, on
// any value, the hash of that text, or every record, link and save would stop replaying.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson, hashString } from '../../src/sim/hash';
import { gameSeed, playGame } from '../../src/sim';
import { ukraine } from '../support/scenario';

describe('hashJson', () => {
  it('is the hash of the canonical text, for any value', () => {
    fc.assert(
      fc.property(fc.anything({ withSparseArray: true, withNullPrototype: true }), (value) => {
        expect(hashJson(value)).toBe(hashString(canonicalJson(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the hash of the canonical text for escapes, lone surrogates, odd numbers and holes', () => {
    const values: unknown[] = [
      undefined,
      null,
      '',
      'quote " and \\ backslash',
      'tab\tnew\nline\u0001',
      'lone \ud800 surrogate',
      'pair \ud83d\ude00',
      -0,
      1e21,
      5e-7,
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      [],
      {},
      // eslint-disable-next-line no-sparse-arrays -- a hole is what is tested
      [1, , undefined, () => 1],
      { b: 1, a: undefined, A: [undefined, null, -0], ä: 'x', '10': 1, '9': 2, f: () => 1 },
    ];
    for (const value of values) expect(hashJson(value)).toBe(hashString(canonicalJson(value)));
  });

  it('gives a whole game the hash of its canonical text', () => {
    const { state } = playGame(ukraine(), gameSeed('hash', 2), {});
    expect(hashJson(state)).toBe(hashString(canonicalJson(state)));
  });
});
