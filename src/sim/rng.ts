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

/**
 * The generator restored from its state: seedrandom's alea step, written out here (restoring
 * through seedrandom first seeds a generator, then overwrites it, every turn). The same
 * operations in the same order, so the same numbers; a test holds it to seedrandom's.
 */
export function restoreRng(state: RngState): Rng {
  return new Alea(state);
}

class Alea implements Rng {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(state: RngState) {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  below(n: number): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return Math.floor(this.s2 * n);
  }

  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}
