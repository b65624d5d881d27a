// "Luck or choice": the humans' orders of a finished game replayed, turn by turn, over other seeds.
// Where the player's ending still comes up with other dice, it was their choice; where it rarely
// does, it was their luck. Orders that an alternative game no longer allows (locked, unaffordable,
// over the per-turn limit) are dropped and counted; turns the record has no orders for are played
// without human orders and counted too. Runs on the plain path (`plainGame`) for speed, and in
// slices (`from`, `count`) that merge into the same result, whatever the chunking.
import { gameSeed } from './batch';
import { createGame, plainGame } from './engine';
import { replay } from './record/replay';
import type { GameRecord } from './record/types';
import { isAvailable } from './rules';
import type { CompiledScenario } from './scenario/compile';
import { whatIfVariant } from './scenario/what-if';
import type { WhatIfChoice } from './scenario/types';
import { selectScores } from './scoring';
import type { GameState, Order, OrderError } from './state';

/** The ending id of a game that stopped without one (only an unfinished record can). */
export const NO_ENDING = 'unfinished';
/** Scores are binned 0–9, 10–19, … 90–100 (100 goes into the last bin). */
export const SCORE_BINS = 10;

export interface LuckOptions {
  /** How many other seeds in the whole run. */
  seeds: number;
  /** Game `i` is played with seed `gameSeed(baseSeed, i)`; by default derived from the record's seed. */
  baseSeed?: string;
  /** The slice of the run to play: games `from` to `from + count - 1` (default: all of them). */
  from?: number;
  count?: number;
  /** The record prepared once by `prepareLuck`, so that many slices do not replay it again. */
  plan?: LuckPlan;
  /**
   * The what-if switches the other games are played under: by default the record's own, so the
   * same orders can also be compared under another assumption.
   */
  whatIf?: WhatIfChoice;
}

export interface LuckScores {
  /** The sum of the role's scores over the games (an integer, so merging is exact). */
  total: number;
  mean: number;
  /** Games per 10-point bin: [0–9, 10–19, …, 90–100]. */
  histogram: number[];
  /** Games in which the role scored less than, and the same as, in the player's game. */
  below: number;
  equal: number;
}

export interface LuckPlayer {
  seed: string;
  /** The hash of the recorded game's final state. */
  hash: string;
  humans: string[];
  ending: string;
  endingTurn: number;
  /** Turns the record gives orders for, and the human actions in them. */
  turns: number;
  actions: number;
  /** Every role's score in the player's game. */
  scores: Record<string, number>;
}

export interface LuckResult {
  baseSeed: string;
  /** The what-if switches the other games were played under ({} for the model as built). */
  whatIf: Record<string, string>;
  /** The size of the whole run, and how many of its games this result holds. */
  seeds: number;
  games: number;
  /** Games per ending id, in the scenario's order of endings. */
  endings: Record<string, number>;
  /** Per role (every role, in scenario order). */
  scores: Record<string, LuckScores>;
  /** The human actions the record asked for in the turns the other games reached. */
  actionsReplayed: number;
  /** Of those, the ones another game did not allow, and why. */
  skippedActions: number;
  skippedWhy: { locked: number; unaffordable: number; overLimit: number };
  gamesWithSkips: number;
  /** Facilitator injects that another game did not allow (the event had already happened). */
  skippedInjects: number;
  /** Turns played after the record's orders ran out (the humans gave none), and in how many games. */
  idleTurns: number;
  longerGames: number;
  /** Games that ended before the record's last turn. */
  shorterGames: number;
  player: LuckPlayer;
}

export interface TurnPlan {
  submissions: { role: string; actions: string[]; rationale?: string }[];
  injects: string[];
}

/** A record ready to be replayed over other seeds (plain JSON, so it can cross to a worker). */
export interface LuckPlan {
  humans: string[];
  turns: TurnPlan[];
  player: LuckPlayer;
}

/**
 * The record's orders grouped by turn: what each human submitted (the last submission of a turn
 * counts, as in the game) and what the facilitator injected before each end of turn. Orders
 * after the last end of turn (a turn never resolved) are left out.
 */
function planTurns(record: GameRecord): TurnPlan[] {
  const turns: TurnPlan[] = [];
  let current: TurnPlan = { submissions: [], injects: [] };
  for (const order of record.orders) {
    switch (order.type) {
      case 'orders/submitted': {
        const submission = {
          role: order.role,
          actions: [...order.actions],
          ...(order.rationale !== undefined ? { rationale: order.rationale } : {}),
        };
        const at = current.submissions.findIndex((s) => s.role === order.role);
        if (at >= 0) current.submissions[at] = submission;
        else current.submissions.push(submission);
        break;
      }
      case 'facilitator/eventInjected':
        current.injects.push(order.event);
        break;
      case 'turn/ended':
        turns.push(current);
        current = { submissions: [], injects: [] };
        break;
    }
  }
  return turns;
}

function scoresOf(sc: CompiledScenario, state: GameState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of selectScores(sc, state)) out[s.role] = s.score;
  return out;
}

/**
 * Replays the record itself (it must replay and match its hash) and groups its orders by turn.
 * Throws when the record does not replay in this scenario.
 */
export function prepareLuck(sc: CompiledScenario, record: GameRecord): LuckPlan {
  const replayed = replay(sc, record, { plain: true });
  if (!replayed.ok) {
    throw new Error(
      `Luck or choice needs a game record that replays: ${replayed.errors.map((e) => e.message).join(' ')}`,
    );
  }
  const state = replayed.value.state;
  // Scored by the rules it was played under (replay built the same variant).
  const own = whatIfVariant(sc, record.whatIf);
  const turns = planTurns(record);
  let actions = 0;
  for (const turn of turns) for (const s of turn.submissions) actions += s.actions.length;
  return {
    humans: [...state.humans],
    turns,
    player: {
      seed: record.seed,
      hash: replayed.value.hash,
      humans: [...state.humans],
      ending: state.ending?.id ?? NO_ENDING,
      endingTurn: state.ending?.turn ?? state.turn,
      turns: turns.length,
      actions,
      scores: scoresOf(own.ok ? own.value : sc, state),
    },
  };
}

function emptyResult(
  sc: CompiledScenario,
  baseSeed: string,
  seeds: number,
  player: LuckPlayer,
): LuckResult {
  const endings: Record<string, number> = {};
  for (const e of sc.scenario.endings) endings[e.id] = 0;
  const scores: Record<string, LuckScores> = {};
  for (const role of sc.roleOrder) {
    scores[role] = {
      total: 0,
      mean: 0,
      histogram: new Array<number>(SCORE_BINS).fill(0),
      below: 0,
      equal: 0,
    };
  }
  const result: LuckResult = {
    baseSeed,
    whatIf: { ...sc.whatIf },
    seeds,
    games: 0,
    endings,
    scores,
    actionsReplayed: 0,
    skippedActions: 0,
    skippedWhy: { locked: 0, unaffordable: 0, overLimit: 0 },
    gamesWithSkips: 0,
    skippedInjects: 0,
    idleTurns: 0,
    longerGames: 0,
    shorterGames: 0,
    player,
  };
  return result;
}

/**
 * The part of a recorded submission that this game allows, in the recorded order: an action is
 * dropped when it is locked now, when it would go over the per-turn limit, or when the capital
 * left after the actions kept before it does not cover it.
 */
function allowedPart(
  sc: CompiledScenario,
  state: GameState,
  role: string,
  wanted: readonly string[],
  result: LuckResult,
): string[] {
  const max = sc.roles[role]?.maxActionsPerTurn ?? 0;
  let left = state.capital[role] ?? 0;
  const kept: string[] = [];
  for (const id of wanted) {
    const action = sc.actions[id];
    if (!action || action.role !== role || kept.includes(id) || !isAvailable(sc, state, action)) {
      result.skippedWhy.locked++;
    } else if (kept.length >= max) {
      result.skippedWhy.overLimit++;
    } else if (action.cost > left) {
      result.skippedWhy.unaffordable++;
    } else {
      kept.push(id);
      left -= action.cost;
    }
  }
  return kept;
}

function submit(
  give: (order: Order) => OrderError | null,
  role: string,
  actions: string[],
  rationale?: string,
): void {
  const error = give({
    type: 'orders/submitted',
    role,
    actions,
    ...(rationale !== undefined ? { rationale } : {}),
  });
  if (error)
    throw new Error(`Luck or choice: an order checked as legal was refused: ${error.message}`);
}

/** Plays one alternative game with the record's orders and adds it to `result`. */
function playOne(sc: CompiledScenario, plan: LuckPlan, seed: string, result: LuckResult): void {
  const state = createGame(sc, { seed, humans: plan.humans });
  const give = plainGame(sc, state);
  const skippedBefore = result.skippedActions;
  let turn = 0;
  let idle = 0;
  while (state.phase === 'orders') {
    const orders = plan.turns[turn];
    if (orders) {
      for (const event of orders.injects) {
        if (give({ type: 'facilitator/eventInjected', event })) result.skippedInjects++;
      }
      for (const s of orders.submissions) {
        const kept = allowedPart(sc, state, s.role, s.actions, result);
        result.actionsReplayed += s.actions.length;
        result.skippedActions += s.actions.length - kept.length;
        submit(give, s.role, kept, s.rationale);
      }
    } else {
      idle++;
    }
    for (const role of state.humans) if (!state.submitted[role]) submit(give, role, []);
    const error = give({ type: 'turn/ended' });
    if (error) throw new Error(`Luck or choice: a turn could not end: ${error.message}`);
    turn++;
    if (turn > 10_000) throw new Error('Luck or choice: a game did not end.');
  }
  if (result.skippedActions > skippedBefore) result.gamesWithSkips++;
  if (idle > 0) {
    result.idleTurns += idle;
    result.longerGames++;
  }
  if (turn < plan.turns.length) result.shorterGames++;

  const ending = state.ending?.id ?? NO_ENDING;
  result.endings[ending] = (result.endings[ending] ?? 0) + 1;
  for (const s of selectScores(sc, state)) {
    const tally = result.scores[s.role]!;
    const mine = plan.player.scores[s.role] ?? 0;
    tally.total += s.score;
    tally.histogram[Math.min(SCORE_BINS - 1, Math.floor(s.score / 10))]!++;
    if (s.score < mine) tally.below++;
    else if (s.score === mine) tally.equal++;
  }
  result.games++;
}

function setMeans(result: LuckResult): void {
  for (const tally of Object.values(result.scores)) {
    tally.mean = result.games > 0 ? Math.round((tally.total * 10) / result.games) / 10 : 0;
  }
}

/** A count from the options: a whole number ≥ 0, or `fallback` when missing or not a number. */
function whole(n: number | undefined, fallback: number): number {
  return n === undefined || !Number.isFinite(n) ? fallback : Math.max(0, Math.floor(n));
}

/** The default base seed of a luck-or-choice run for a record. */
export function luckBaseSeed(record: GameRecord): string {
  return `${record.seed}/luck`;
}

/**
 * Replays the record's human orders over `options.seeds` other seeds (or the slice `from`,
 * `count` of them). Throws when the record does not replay in this scenario. Slices of one run
 * merge with `mergeLuck` into exactly the result of the whole run.
 */
export function luckOrChoice(
  sc: CompiledScenario,
  record: GameRecord,
  options: LuckOptions,
): LuckResult {
  const seeds = whole(options.seeds, 0);
  const from = Math.min(seeds, whole(options.from, 0));
  const count = Math.min(seeds - from, whole(options.count, seeds - from));
  const baseSeed = options.baseSeed ?? luckBaseSeed(record);
  const plan = options.plan ?? prepareLuck(sc, record);
  const variant = whatIfVariant(sc, options.whatIf ?? record.whatIf);
  if (!variant.ok) {
    throw new Error(
      `Luck or choice: ${variant.errors.map((e) => `${e.path}: ${e.message}`).join(' ')}`,
    );
  }
  const played = variant.value;
  const result = emptyResult(played, baseSeed, seeds, plan.player);
  for (let i = from; i < from + count; i++) playOne(played, plan, gameSeed(baseSeed, i), result);
  setMeans(result);
  return result;
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [key, n] of Object.entries(b)) out[key] = (out[key] ?? 0) + n;
  return out;
}

/** Two slices of the same run (same record, base seed and size) as one result. */
export function mergeLuck(a: LuckResult, b: LuckResult): LuckResult {
  if (
    a.baseSeed !== b.baseSeed ||
    a.seeds !== b.seeds ||
    a.player.hash !== b.player.hash ||
    JSON.stringify(a.whatIf) !== JSON.stringify(b.whatIf)
  ) {
    throw new Error('Luck or choice: only slices of the same run can be merged.');
  }
  const scores: Record<string, LuckScores> = {};
  for (const role of new Set([...Object.keys(a.scores), ...Object.keys(b.scores)])) {
    const x = a.scores[role];
    const y = b.scores[role];
    const histogram = new Array<number>(SCORE_BINS).fill(0);
    for (let i = 0; i < SCORE_BINS; i++)
      histogram[i] = (x?.histogram[i] ?? 0) + (y?.histogram[i] ?? 0);
    scores[role] = {
      total: (x?.total ?? 0) + (y?.total ?? 0),
      mean: 0,
      histogram,
      below: (x?.below ?? 0) + (y?.below ?? 0),
      equal: (x?.equal ?? 0) + (y?.equal ?? 0),
    };
  }
  const merged: LuckResult = {
    baseSeed: a.baseSeed,
    whatIf: a.whatIf,
    seeds: a.seeds,
    games: a.games + b.games,
    endings: addCounts(a.endings, b.endings),
    scores,
    actionsReplayed: a.actionsReplayed + b.actionsReplayed,
    skippedActions: a.skippedActions + b.skippedActions,
    skippedWhy: {
      locked: a.skippedWhy.locked + b.skippedWhy.locked,
      unaffordable: a.skippedWhy.unaffordable + b.skippedWhy.unaffordable,
      overLimit: a.skippedWhy.overLimit + b.skippedWhy.overLimit,
    },
    gamesWithSkips: a.gamesWithSkips + b.gamesWithSkips,
    skippedInjects: a.skippedInjects + b.skippedInjects,
    idleTurns: a.idleTurns + b.idleTurns,
    longerGames: a.longerGames + b.longerGames,
    shorterGames: a.shorterGames + b.shorterGames,
    player: a.player,
  };
  setMeans(merged);
  return merged;
}

/** 1234567 → "1,234,567" (the same on every machine, unlike toLocaleString). */
export function formatCount(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** A share of the games as a whole percent; "<1" for a share that is not zero but rounds to it. */
export function luckPercent(n: number, games: number): string {
  if (games <= 0) return '0';
  const p = Math.round((n * 100) / games);
  return p === 0 && n > 0 ? '<1' : String(p);
}

export function endingName(sc: CompiledScenario, id: string): string {
  if (id === NO_ENDING) return 'no ending (the game was not finished)';
  return sc.scenario.endings.find((e) => e.id === id)?.name ?? id;
}

/** The endings that came up, most frequent first (ties in the scenario's order). */
export function luckEndings(result: LuckResult): { id: string; games: number }[] {
  return Object.entries(result.endings)
    .map(([id, games], order) => ({ id, games, order }))
    .filter((e) => e.games > 0)
    .sort((a, b) => b.games - a.games || a.order - b.order)
    .map(({ id, games }) => ({ id, games }));
}

/** The result in sentences for the debrief, from the point of view of `role`. */
export function describeLuck(sc: CompiledScenario, result: LuckResult, role: string): string[] {
  const games = result.games;
  const pct = (n: number) => `${luckPercent(n, games)}%`;
  const seeds = `${formatCount(games)} other seed${games === 1 ? '' : 's'}`;
  if (games === 0) return [`Your orders have not been replayed over any other seed yet.`];
  const player = result.player;
  const finished = player.ending !== NO_ENDING;
  const mine = result.endings[player.ending] ?? 0;
  const others = luckEndings(result).filter((e) => e.id !== player.ending);
  const otherText = others.length
    ? others.map((e) => `${endingName(sc, e.id)} ${pct(e.games)}`).join(', ')
    : 'no other ending came up';
  const lines = [
    finished
      ? `Your orders over ${seeds}: your ending (${endingName(sc, player.ending)}) came up in ${pct(mine)} of them; ${otherText}.`
      : `Your game has not ended yet. Your orders over ${seeds}, played to the end: ${otherText}.`,
  ];

  const score = player.scores[role];
  const tally = result.scores[role];
  if (score !== undefined && tally) {
    const equal = tally.equal > 0 ? `, equalled it in ${pct(tally.equal)}` : '';
    const yours = finished
      ? `Your score of ${score}`
      : `Your score so far, ${score} (objectives that depend on the ending not yet counted),`;
    lines.push(
      `${yours} beat ${pct(tally.below)} of them${equal}; the mean score with your orders was ${tally.mean}.`,
    );
  }

  if (result.skippedActions > 0) {
    const why = [
      [result.skippedWhy.locked, 'locked'],
      [result.skippedWhy.unaffordable, 'not affordable'],
      [result.skippedWhy.overLimit, 'over the limit of orders a turn'],
    ] as const;
    const reasons = why
      .filter(([n]) => n > 0)
      .map(([n, word]) => `${formatCount(n)} ${word}`)
      .join(', ');
    lines.push(
      `${formatCount(result.skippedActions)} of the ${formatCount(result.actionsReplayed)} actions replayed from your orders (${luckPercent(result.skippedActions, result.actionsReplayed)}%) were impossible in their game and skipped (${reasons}), in ${formatCount(result.gamesWithSkips)} of the ${formatCount(games)} games.`,
    );
  } else if (result.actionsReplayed > 0) {
    lines.push('Every one of your actions was possible in every other game.');
  }
  if (result.skippedInjects > 0) {
    lines.push(
      `${formatCount(result.skippedInjects)} facilitator injects were skipped: the event had already happened in that game.`,
    );
  }
  if (result.shorterGames > 0) {
    lines.push(
      `${formatCount(result.shorterGames)} games ended before your last turn (turn ${player.turns}); the rest of your orders were not needed.`,
    );
  }
  if (result.longerGames > 0) {
    lines.push(
      `${formatCount(result.longerGames)} games went on after your orders ran out: ${formatCount(result.idleTurns)} turns were played with no orders from you.`,
    );
  }

  const share = (mine * 100) / games;
  const top = others[0];
  if (!finished) return lines;
  if (share >= 50) {
    lines.push('Mostly choice: with your orders, most other seeds end the way your game did.');
  } else if (top && top.games > mine) {
    lines.push(
      `Luck played a large part: with the same orders, other seeds most often ended in ${endingName(sc, top.id)} (${pct(top.games)}).`,
    );
  } else {
    lines.push(
      'Luck and choice both: your ending was the most common with your orders, but far from certain.',
    );
  }
  return lines;
}
