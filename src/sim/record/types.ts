import type { Order } from '../state';

/** The version of the record format this code writes. */
export const RECORD_FORMAT = 1;

/** Everything needed to reproduce a game exactly: scenario, seed, who was human, and the orders. */
export interface GameRecord {
  format: typeof RECORD_FORMAT;
  scenario: { id: string; version: string; hash: string };
  seed: string;
  humans: string[];
  /** Accepted orders in the sequence they were given, facilitator injects included. */
  orders: Order[];
  /** The hash of the final state, when the record was saved; replay checks it. */
  finalHash?: string;
  /** Minutes a turn on the class clock, when the game was played under one (facilitator mode). */
  clock?: number;
  /** For a game branched from another: the parent's final hash and the turn it branched at. */
  parent?: { hash: string; turn: number };
  /** The what-if switches the game was played under (switch → option); absent for the model as built. */
  whatIf?: Record<string, string>;
}
