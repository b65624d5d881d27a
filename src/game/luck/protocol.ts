// The messages between the page and the luck-or-choice worker: plain data only.
import type { GameRecord, LuckResult } from '../../sim';

export interface LuckRequest {
  type: 'run';
  id: number;
  /** The scenario as JSON text or already-parsed data; the worker validates it with `loadScenario`. */
  scenario: unknown;
  record: GameRecord;
  /** The size of the whole run; this worker plays games `from` to `from + count - 1` of it. */
  seeds: number;
  from?: number;
  count?: number;
  baseSeed?: string;
  /** The what-if switches the other games are played under (default: the record's own). */
  whatIf?: Record<string, string>;
  /** Games per progress report (about 50). */
  chunk?: number;
}

export type LuckMessage =
  /** `done` of this worker's `total` games played so far. */
  | { type: 'progress'; id: number; done: number; total: number; ms: number }
  | { type: 'done'; id: number; result: LuckResult; ms: number; loadMs: number }
  | { type: 'error'; id: number; message: string };

/** The largest run the worker accepts. */
export const MAX_LUCK_SEEDS = 100_000;
export const LUCK_CHUNK = 50;
