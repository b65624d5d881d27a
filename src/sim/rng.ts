// seedrandom's alea generator, restored from and written back to the plain state it keeps in the
// game state. Integers only leave this module, so no caller needs floating-point care.
import alea from 'seedrandom/lib/alea';
import type { RngState } from './state';

export interface Rng {
  /** A whole number from 0 to n − 1. */
  below(n: number): number;
  state(): RngState;
}

export function seedRng(seed: string): RngState {
  return alea(seed, { state: true }).state();
}

export function restoreRng(state: RngState): Rng {
  const prng = alea('', { state });
  return {
    below: (n) => Math.floor(prng() * n),
    state: () => prng.state(),
  };
}
