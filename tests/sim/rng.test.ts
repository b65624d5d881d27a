// The generator restored from a game's state is seedrandom's alea, written out in rng.ts: it must
// draw exactly what seedrandom draws from the same state, or every recorded game would change.
import alea from 'seedrandom/lib/alea';
import { describe, expect, it } from 'vitest';
import { restoreRng, seedRng } from '../../src/sim';

describe('the restored generator', () => {
  it('draws what seedrandom’s alea draws from the same state, and keeps the same state', () => {
    for (let seed = 0; seed < 200; seed++) {
      const state = seedRng(`rng-${seed}`);
      const ours = restoreRng(state);
      const theirs = alea('', { state });
      for (let i = 0; i < 500; i++) {
        const n = 1 + ((seed * 31 + i * 7) % 1000);
        expect(ours.below(n)).toBe(Math.floor(theirs() * n));
      }
      expect(ours.state()).toEqual(theirs.state());
      expect(Object.keys(ours.state())).toEqual(Object.keys(theirs.state()));
    }
  });
});
