// The canonical JSON every scenario's content hash is taken over, and the final-state hash of records
// made before 30 November 2026 (state-hash.ts's first definition). Records, links and saves carry
// these hashes, so neither the text nor the hash may ever change: the fast writer is held,
// on any value, to the plain definition (keys sorted, undefined skipped, JSON.stringify for
// everything else), and hashJson, which feeds the hash without building the text, to the hash of
// that text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson, hashString } from '../../src/sim/hash';
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

/** Values where a fast path could go wrong: escapes, surrogates, odd numbers, holes, many keys. */
const AWKWARD: unknown[] = [
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
  Object.fromEntries('zyxwvutsrqponmlkji'.split('').map((k, i) => [k, i])),
];

const ANY = fc.anything({ withSparseArray: true, withNullPrototype: true });

describe('canonicalJson', () => {
  it('writes the same text as the definition for any value', () => {
    fc.assert(
      fc.property(ANY, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same text for values where a fast path could go wrong', () => {
    for (const value of AWKWARD) expect(canonicalJson(value)).toBe(reference(value));
  });
});

describe('hashJson', () => {
  it('is the hash of the canonical text, for any value', () => {
    fc.assert(
      fc.property(ANY, (value) => {
        expect(hashJson(value)).toBe(hashString(reference(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the hash of the canonical text for values where a fast path could go wrong', () => {
    for (const value of AWKWARD) expect(hashJson(value)).toBe(hashString(reference(value)));
  });
});

describe('a whole game', () => {
  it('has the text and the hash of the definition', () => {
    const { state } = playGame(ukraine(), gameSeed('hash', 1), {});
    expect(canonicalJson(state)).toBe(reference(state));
    expect(hashJson(state)).toBe(hashString(reference(state)));
  });
});
