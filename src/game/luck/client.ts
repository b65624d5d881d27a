// Runs luck or choice in Web Workers, off the page's thread: `runLuck` starts the workers for one
// run (one per core, at most four: each plays a contiguous share of the seeds, and the shares
// merge into exactly the result of a single worker) and gives a promise of the result with a
// `cancel` that stops them at once.
import { mergeLuck, type GameRecord, type LuckResult } from '../../sim';
import { LUCK_CHUNK, type LuckMessage, type LuckRequest } from './protocol';

export interface LuckProgress {
  done: number;
  total: number;
}

export interface LuckRunOptions {
  /** The scenario the record was played in, as built (no what-if), as JSON text or data. */
  scenario: unknown;
  baseSeed?: string;
  /** The what-if switches the other games are played under (default: the record's own). */
  whatIf?: Record<string, string>;
  /** Games per progress report. */
  chunk?: number;
  /** How many workers share the run (default: one per core, at most four). */
  workers?: number;
}

/** A run in progress: a promise of the result that can be cancelled. */
export type LuckRun = Promise<LuckResult> & { cancel(): void };

/** The error a cancelled run rejects with. */
export class LuckCancelled extends Error {
  constructor() {
    super('Luck or choice was stopped.');
    this.name = 'LuckCancelled';
  }
}

export function defaultWorkers(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores));
}

let nextId = 1;

export function runLuck(
  record: GameRecord,
  seeds: number,
  onProgress: (progress: LuckProgress) => void,
  options: LuckRunOptions,
): LuckRun {
  let cancel = () => {};
  const promise = new Promise<LuckResult>((resolve, reject) => {
    const count = Math.max(1, Math.min(Math.floor(options.workers ?? defaultWorkers()), seeds));
    const workers: Worker[] = [];
    const done: number[] = new Array<number>(count).fill(0);
    const results: (LuckResult | null)[] = new Array<LuckResult | null>(count).fill(null);
    let settled = false;
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      for (const w of workers) w.terminate();
      then();
    };
    cancel = () => finish(() => reject(new LuckCancelled()));

    for (let i = 0; i < count; i++) {
      // Worker i plays the seeds [from, from + share): contiguous shares, in order.
      const from = Math.floor((seeds * i) / count);
      const share = Math.floor((seeds * (i + 1)) / count) - from;
      let worker: Worker;
      try {
        worker = new Worker(new URL('./worker.ts', import.meta.url), {
          type: 'module',
          name: `brink-luck-${i + 1}`,
        });
      } catch (error) {
        finish(() =>
          reject(new Error(`The luck-or-choice worker could not start: ${String(error)}`)),
        );
        return;
      }
      workers.push(worker);
      const id = nextId++;
      worker.addEventListener('message', (event: MessageEvent<LuckMessage>) => {
        const message = event.data;
        if (settled || (message.id !== id && message.id !== -1)) return;
        switch (message.type) {
          case 'progress':
            done[i] = message.done;
            onProgress({ done: done.reduce((a, b) => a + b, 0), total: seeds });
            break;
          case 'done':
            results[i] = message.result;
            if (results.every((r) => r !== null)) {
              const merged = (results as LuckResult[]).reduce((a, b) => mergeLuck(a, b));
              finish(() => resolve(merged));
            }
            break;
          case 'error':
            finish(() => reject(new Error(message.message)));
            break;
        }
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        const why = event.message || 'the worker script failed to load or crashed';
        finish(() => reject(new Error(`The luck-or-choice worker failed: ${why}`)));
      });
      worker.addEventListener('messageerror', () =>
        finish(() =>
          reject(new Error('The luck-or-choice worker sent a message that could not be read.')),
        ),
      );
      const request: LuckRequest = {
        type: 'run',
        id,
        scenario: options.scenario,
        record,
        seeds,
        from,
        count: share,
        chunk: options.chunk ?? LUCK_CHUNK,
        ...(options.baseSeed ? { baseSeed: options.baseSeed } : {}),
        ...(options.whatIf ? { whatIf: options.whatIf } : {}),
      };
      worker.postMessage(request);
    }
  });
  return Object.assign(promise, { cancel: () => cancel() });
}
