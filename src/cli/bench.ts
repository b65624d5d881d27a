// `brink bench`: how fast the core runs, measured in one go and printed, never asserted.
//  (a) the reducer on the immer path and on the plain path, folding the same orders of the same games
//  (b) whole AI-played games, inline on one core and across the worker pool
//  (c) the heap before and after
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  createGame,
  gameSeed,
  hashState,
  hashStateV1,
  playGame,
  reduce,
  reducePlain,
  type CompiledScenario,
  type GameState,
  type Order,
} from '../sim';
import { parseCommand, wholeNumber } from './args';
import { CliError } from './errors';
import { formatCount, table } from './format';
import { runBatch } from './pool';
import { findScenario } from './scenarios';
import { DEFAULT_SCENARIO } from './simulate';

// About 0.3–0.5 ms per AI-played game on the plain path and 1–1.5 ms on the immer path here
// (0.6–0.9 and 4–6 ms before turns were resolved on the working form, src/sim/work.ts); the figures
// move several-fold with the load on the machine.
const DEFAULT_GAMES = 20_000;
const DEFAULT_REDUCER_GAMES = 2_000;
/** Games that warm the immer path up before it is timed, then check both paths against playGame. */
const WARM_UP = 50;

export const BENCH_USAGE = `Usage: brink bench [--games N] [--reducer-games M] [--seed S] [--scenario ID|FILE] [--workers K]

Measures, in one run, with every role played by the AI:
  (a) reducer steps and games per second on the immer path (reduce) and the plain path
      (reducePlain), folding the same orders of the same M games (default ${formatCount(DEFAULT_REDUCER_GAMES)}),
      and the time to hash a finished game's state against a game's
  (b) whole games per second with playGame on one core and on K worker threads
      (default: every core), N games each (default ${formatCount(DEFAULT_GAMES)})
  (c) heap used before and after
Timings vary from run to run and machine to machine.`;

export async function benchCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommand('bench', args, {
    help: { type: 'boolean', short: 'h' },
    games: { type: 'string' },
    'reducer-games': { type: 'string' },
    seed: { type: 'string', default: 'bench' },
    scenario: { type: 'string', default: DEFAULT_SCENARIO },
    workers: { type: 'string' },
  });
  if (values.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const games = wholeNumber('bench', 'games', values.games, DEFAULT_GAMES);
  const reducerGames = wholeNumber(
    'bench',
    'reducer-games',
    values['reducer-games'],
    DEFAULT_REDUCER_GAMES,
  );
  const workers = wholeNumber('bench', 'workers', values.workers, availableParallelism(), 1, 64);
  const heapAtStart = process.memoryUsage().heapUsed;
  const { file, text, sc } = findScenario(values.scenario, 'bench');
  const seed = values.seed;

  const say = (line = '') => console.log(line);
  say(
    `${sc.scenario.id} ${sc.scenario.version}, seed "${seed}", Node ${process.version}, ${availableParallelism()} cores`,
  );

  const load = loadavg()[0]!;
  if (load >= 0.5) {
    say(
      `The machine was busy (load average ${load.toFixed(1)}) as the bench started: figures may be low.`,
    );
  }

  // (a) The reducer on both paths over the same games.
  const played = Array.from({ length: reducerGames }, (_, i) => {
    const game = playGame(sc, gameSeed(seed, i), {});
    // The whole state's fingerprint, the reports' accounts included, to hold the paths to.
    const hash = i < WARM_UP ? hashStateV1(game.state) : '';
    return { seed: game.state.seed, orders: game.orders, hash };
  });
  const steps = played.reduce((n, g) => n + g.orders.length, 0);
  // playGame has just warmed the plain path up; the immer path gets its warm-up below.
  const plain = time(() => {
    for (const g of played) foldPlain(sc, g.seed, g.orders);
  });
  for (const g of played.slice(0, WARM_UP)) foldImmer(sc, g.seed, g.orders);
  const immer = time(() => {
    for (const g of played) foldImmer(sc, g.seed, g.orders);
  });
  checkPathsAgree(sc, played.slice(0, WARM_UP));
  // The final-state hash every record and link carries, over finished games, against a game.
  const finals = played.slice(0, WARM_UP).map((g) => foldPlain(sc, g.seed, g.orders));
  // Once untimed, as the paths were warmed up: the first calls run before the JIT compiles it.
  for (const state of finals) hashState(state);
  const hashRounds = 20;
  const hashing = time(() => {
    for (let r = 0; r < hashRounds; r++) for (const state of finals) hashState(state);
  });
  const perHash = hashing / (hashRounds * finals.length);
  // The first definition (the whole state's canonical JSON), which older records carry.
  const hashingV1 = time(() => {
    for (const state of finals) hashStateV1(state);
  });
  const perHashV1 = hashingV1 / finals.length;
  const perGame = plain / reducerGames;
  const heapAfterReducer = process.memoryUsage().heapUsed;
  say();
  say(
    `(a) Reducer: the same ${formatCount(reducerGames)} games (${formatCount(steps)} steps) folded on each path`,
  );
  const reducerRow = (name: string, seconds: number) => [
    name,
    formatCount(Math.round(steps / seconds)),
    formatCount(Math.round(reducerGames / seconds)),
    ((seconds * 1e6) / steps).toFixed(1),
    seconds.toFixed(2),
  ];
  for (const line of table([
    ['', 'steps/s', 'games/s', 'µs/step', 'seconds'],
    reducerRow('immer (reduce, inside produce)', immer),
    reducerRow('plain (reducePlain, mutable copy)', plain),
  ]))
    say(line);
  say(`  immer / plain: ${(immer / plain).toFixed(2)}× the time per step`);
  say(
    `  (the whole final states of both paths checked equal to playGame's on ${Math.min(WARM_UP, reducerGames)} games)`,
  );
  say(
    `  hashing a finished game's state: ${(perHash * 1000).toFixed(3)} ms, ${(perHash / perGame).toFixed(2)}× a game on the plain path (${(perGame * 1000).toFixed(2)} ms)`,
  );
  say(
    `  (the first definition, which records made before 30 November 2026 carry: ${(perHashV1 * 1000).toFixed(2)} ms, ${(perHashV1 / perGame).toFixed(2)}× a game)`,
  );

  // (b) Whole games on the same code path as `brink simulate`. One worker thread against K, so both
  // figures pay the same start-up and messaging; timed from when every worker has loaded.
  const job = { scenarioText: text, scenarioFile: file, seed, policies: {}, runs: games };
  const timedBatch = async (count: number) => {
    let started = 0;
    const begun = performance.now();
    const summaries = await runBatch(sc, {
      ...job,
      workers: count,
      alwaysThreads: true,
      onStarted: () => (started = performance.now()),
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, startup: (started - begun) / 1000, summaries };
  };
  const single = await timedBatch(1);
  const pool = await timedBatch(workers);
  const heapAfterBatch = process.memoryUsage().heapUsed;
  say();
  say(`(b) Whole games (playGame + summarize, every role the AI), ${formatCount(games)} games`);
  const batchRow = (name: string, run: { seconds: number; startup: number }) => [
    name,
    formatCount(Math.round(games / run.seconds)),
    run.seconds.toFixed(2),
    run.startup.toFixed(2),
  ];
  for (const line of table([
    ['', 'games/s', 'seconds', 'start-up s'],
    batchRow('1 worker thread', single),
    batchRow(`${workers} worker threads`, pool),
  ]))
    say(line);
  say(`  speed-up: ${(single.seconds / pool.seconds).toFixed(2)}×`);

  // (c) Memory of this (main) thread; workers have heaps of their own.
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  say();
  say('(c) Heap used (main thread)');
  for (const line of table([
    ['before', mb(heapAtStart)],
    [`after (a), ${formatCount(reducerGames)} games' orders held`, mb(heapAfterReducer)],
    [`after (b), ${formatCount(pool.summaries.length)} summaries held`, mb(heapAfterBatch)],
  ]))
    say(line);
  say(`  resident set size now ${mb(process.memoryUsage().rss)}`);
  return 0;
}

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

function foldImmer(sc: CompiledScenario, seed: string, orders: readonly Order[]): GameState {
  let state = createGame(sc, { seed, humans: [] });
  for (const order of orders) {
    const result = reduce(sc, state, order);
    if (result.error)
      throw new CliError(`bench: the immer path rejected an order: ${result.error.message}`);
    state = result.state;
  }
  return state;
}

function foldPlain(sc: CompiledScenario, seed: string, orders: readonly Order[]): GameState {
  const state = createGame(sc, { seed, humans: [] });
  for (const order of orders) {
    const error = reducePlain(sc, state, order);
    if (error) throw new CliError(`bench: the plain path rejected an order: ${error.message}`);
  }
  return state;
}

/** Both paths must reach the state playGame reached, or the timings compared different work. */
function checkPathsAgree(
  sc: CompiledScenario,
  games: readonly { seed: string; orders: Order[]; hash: string }[],
) {
  for (const g of games) {
    const expected = g.hash;
    const immer = hashStateV1(foldImmer(sc, g.seed, g.orders));
    const plain = hashStateV1(foldPlain(sc, g.seed, g.orders));
    if (immer !== expected || plain !== expected) {
      throw new CliError(
        `bench: game ${g.seed} ends differently: playGame ${expected}, immer ${immer}, plain ${plain}`,
      );
    }
  }
}
