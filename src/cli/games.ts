// One stretch of a batch: games `start` to `end − 1` of a base seed, played on the plain path.
// The same function runs inline and inside worker threads, so the worker count changes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  gameSeed,
  hashState,
  playGame,
  recordOf,
  summarize,
  type CompiledScenario,
  type GameSummary,
  type Policies,
} from '../sim';

export interface BatchJob {
  /** The scenario file's text as the main thread read it; each worker loads it for itself. */
  scenarioText: string;
  /** The file it came from, to name in messages. */
  scenarioFile: string;
  seed: string;
  policies: Policies;
  /** The what-if switches the games are played under (checked by the main thread). */
  whatIf?: Readonly<Record<string, string>>;
  /** Where to write each game's record, if anywhere. */
  recordsDir?: string;
}

export function playGames(
  sc: CompiledScenario,
  job: BatchJob,
  start: number,
  end: number,
): GameSummary[] {
  const summaries: GameSummary[] = [];
  for (let i = start; i < end; i++) {
    const seed = gameSeed(job.seed, i);
    let played;
    try {
      played = playGame(sc, seed, job.policies);
    } catch (error) {
      throw new Error(`game ${seed}: ${(error as Error).message}`);
    }
    if (job.recordsDir) {
      const record = recordOf(sc, played, hashState(played.state));
      writeFileSync(
        join(job.recordsDir, recordFileName(seed)),
        `${JSON.stringify(record, null, 2)}\n`,
      );
    }
    summaries.push(summarize(sc, played.state));
  }
  return summaries;
}

/** "demo#12" → "demo-12.json": the seed with anything a file name should not hold replaced. */
export function recordFileName(seed: string): string {
  return `${seed.replace(/[^A-Za-z0-9._-]/g, '-')}.json`;
}
