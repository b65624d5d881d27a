// The canonical JSON every content and final-state hash is taken over. Records, links and saves
// carry these hashes, so the text must never change: the fast writer is held, on any value, to
// the plain definition (keys sorted, undefined skipped, JSON.stringify for everything else).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson } from '../../src/sim/hash';
import { gameSeed, playGame } from '../../src/sim';
import { ukraine } from '../support/scenario';

/** The definition, as first written: the text every hash already published was taken over. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('writes the same text as the definition for any value', () => {
    fc.assert(
      fc.property(fc.anything({ withSparseArray: true, withNullPrototype: true }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same text for strings that need escaping, lone surrogates and odd numbers', () => {
    const values = [
      'quote " and \\ backslash',
      'tab\tnew\nline\u0001',
      'lone \ud800 surrogate',
      'pair \ud83d\ude00',
      -0,
      1e21,
      5e-7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      { b: 1, a: undefined, A: [undefined, null, -0], ä: 'x', '10': 1, '9': 2 },
      {
        z: 1,
        y: 2,
        x: 3,
        w: 4,
        v: 5,
        u: 6,
        t: 7,
        s: 8,
        r: 9,
        q: 10,
        p: 11,
        o: 12,
        n: 13,
        m: 14,
        l: 15,
        k: 16,
        j: 17,
        i: 18,
      },
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(reference(value));
  });

  it('gives a whole game the hash it had', () => {
    const { state } = playGame(ukraine(), gameSeed('hash', 1), {});
    expect(canonicalJson(state)).toBe(reference(state));
    expect(hashJson(state)).toMatch(/^[0-9a-f]{16}$/);
  });
});
