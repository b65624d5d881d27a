// Runs numbered games inline or across worker threads. Work goes out in small chunks to whichever
// worker is free; results are put back in game order, so the output is the same for any worker count.
// `runBatch` is simulate's and bench's batch; `runGames` takes any work split the same way.
import type { CompiledScenario, GameSummary } from '../sim';
import { CliError } from './errors';
import { playGames, type BatchJob } from './games';
import { startTypeScriptWorker } from './threads';

export interface PoolOptions {
  runs: number;
  workers: number;
  /** Called with the number of games finished so far, after each chunk. */
  onProgress?: (done: number) => void;
  /** Called once every worker has loaded the scenario and play begins (for timing). */
  onStarted?: () => void;
  /** Use worker threads even for one worker (a fresh thread, for a fair timing). */
  alwaysThreads?: boolean;
}

export interface BatchOptions extends BatchJob, PoolOptions {}

/** Games 0 to runs − 1, played here by `play` or in threads by `entry` (see pool-worker.ts). */
export interface Work<Job, Result> {
  entry: URL;
  /** What each thread starts from: data only, copied to the thread (functions cannot be). */
  job: Job;
  /** Plays games `start` to `end − 1` on this thread, one result each. */
  play: (start: number, end: number) => Result[];
}

export type ToWorker = { type: 'play'; chunk: number; start: number; end: number };
export type FromWorker<Result = GameSummary> =
  | { type: 'ready' }
  | { type: 'played'; chunk: number; summaries: Result[] }
  | { type: 'failed'; message: string; exitCode: 1 | 2 };

const WORKER_ENTRY = new URL('./simulate-worker.ts', import.meta.url);

export function runBatch(sc: CompiledScenario, options: BatchOptions): Promise<GameSummary[]> {
  const job: BatchJob = {
    scenarioText: options.scenarioText,
    scenarioFile: options.scenarioFile,
    seed: options.seed,
    policies: options.policies,
    ...(options.whatIf ? { whatIf: options.whatIf } : {}),
    ...(options.recordsDir ? { recordsDir: options.recordsDir } : {}),
  };
  return runGames(options, {
    entry: WORKER_ENTRY,
    job,
    play: (start, end) => playGames(sc, options, start, end),
  });
}

export function runGames<Job, Result>(
  options: PoolOptions,
  work: Work<Job, Result>,
): Promise<Result[]> {
  const chunks = chunksOf(options.runs, options.workers);
  if (options.workers <= 1 && !options.alwaysThreads)
    return Promise.resolve(runInline(options, work, chunks));
  return runInWorkers(options, work, chunks);
}
/** Enough chunks for an even spread and a smooth progress bar, few enough to keep messages cheap. */
function chunksOf(runs: number, workers: number): [number, number][] {
  const size = Math.max(1, Math.min(250, Math.ceil(runs / (Math.max(1, workers) * 20))));
  const chunks: [number, number][] = [];
  for (let start = 0; start < runs; start += size)
    chunks.push([start, Math.min(runs, start + size)]);
  return chunks;
}

function runInline<Result>(
  options: PoolOptions,
  work: Work<unknown, Result>,
  chunks: [number, number][],
): Result[] {
  options.onStarted?.();
  const results: Result[] = [];
  for (const [start, end] of chunks) {
    results.push(...work.play(start, end));
    options.onProgress?.(end);
  }
  return results;
}

function runInWorkers<Job, Result>(
  options: PoolOptions,
  work: Work<Job, Result>,
  chunks: [number, number][],
): Promise<Result[]> {
  const count = Math.min(options.workers, chunks.length);
  const results: Result[][] = [];
  let next = 0;
  let ready = 0;
  let done = 0;
  let settled = false;

  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: count }, () =>
      startTypeScriptWorker(work.entry, work.job),
    );
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results.flat());
    };
    const giveWork = (index: number) => {
      const chunk = chunks[next];
      if (!chunk) return;
      const message: ToWorker = { type: 'play', chunk: next++, start: chunk[0], end: chunk[1] };
      workers[index]!.postMessage(message);
    };
    workers.forEach((worker, index) => {
      worker.on('message', (message: FromWorker<Result>) => {
        switch (message.type) {
          case 'ready':
            // Start together once all are up, so a timed run measures play, not start-up.
            if (++ready === count) {
              options.onStarted?.();
              workers.forEach((_, i) => giveWork(i));
            }
            return;
          case 'played':
            results[message.chunk] = message.summaries;
            done += message.summaries.length;
            options.onProgress?.(done);
            if (done === options.runs) finish();
            else giveWork(index);
            return;
          case 'failed':
            finish(new CliError(message.message, message.exitCode));
            return;
        }
      });
      worker.on('error', (error) =>
        finish(new CliError(`a worker thread failed: ${error.message}`)),
      );
      worker.on('exit', (code) =>
        finish(new CliError(`a worker thread stopped early (exit ${code})`)),
      );
    });
  });
}
