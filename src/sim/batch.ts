// Whole games played by bots and the AI on the plain-object path, for simulate, balance and bench.
import { botOrders, type BotName, type Plan } from './bots';
import { createGame, plainGame } from './engine';
import { restoreRng, seedRng } from './rng';
import type { CompiledScenario } from './scenario/compile';
import { selectScores } from './scoring';
import type { GameState, Order } from './state';
import { RECORD_FORMAT, type GameRecord } from './record/types';

export type Policies = Readonly<Record<string, BotName>>;

export interface GameSummary {
  seed: string;
  ending: string;
  endingTurn: number;
  scores: Record<string, number>;
  victories: Record<string, boolean>;
  finalVars: Record<string, number>;
  escalationTotal: number;
  peakTension: number;
}

export interface PlayedGame {
  state: GameState;
  orders: Order[];
}

export interface PlayOptions {
  /** Turns of the historical bot's plan to play instead of the scenario's (see bots.ts). */
  plan?: Plan;
}

/** Plays one game to its end. Roles without a policy (or with "ai") are played by the AI. */
export function playGame(
  sc: CompiledScenario,
  seed: string,
  policies: Policies,
  options: PlayOptions = {},
): PlayedGame {
  const humans = sc.roleOrder.filter((r) => policies[r] !== undefined && policies[r] !== 'ai');
  const state = createGame(sc, { seed, humans });
  // Only bots draw from it: an AI-only game need not seed it.
  const botRng = humans.length > 0 ? restoreRng(seedRng(`${seed}/bots`)) : undefined;
  const orders: Order[] = [];
  // Bots read the state every turn; the AI alone needs it only at the end.
  const reducer = plainGame(sc, state, { readAtEnd: humans.length === 0 });
  const give = (order: Order) => {
    const error = reducer(order);
    if (error) throw new Error(`bot order rejected (${error.code}): ${error.message}`);
    orders.push(order);
  };
  while (state.phase === 'orders') {
    for (const role of humans) {
      const bot = policies[role] as Exclude<BotName, 'ai'>;
      give({
        type: 'orders/submitted',
        role,
        actions: botOrders(sc, state, role, bot, botRng!, options.plan),
      });
    }
    give({ type: 'turn/ended' });
  }
  return { state, orders };
}

export function summarize(sc: CompiledScenario, state: GameState): GameSummary {
  const scores: Record<string, number> = {};
  const victories: Record<string, boolean> = {};
  for (const s of selectScores(sc, state)) {
    scores[s.role] = s.score;
    victories[s.role] = s.victory;
  }
  let escalationTotal = 0;
  const key = sc.scenario.mechanics.tension;
  let peakTension = sc.variables[key]?.initial ?? 0;
  let tension = peakTension;
  for (const report of state.reports) {
    escalationTotal += report.escalationScore;
    for (const c of report.changes) if (c.key === key) tension += c.delta;
    peakTension = Math.max(peakTension, tension);
  }
  return {
    seed: state.seed,
    ending: state.ending?.id ?? 'unfinished',
    endingTurn: state.ending?.turn ?? state.turn,
    scores,
    victories,
    finalVars: { ...state.vars },
    escalationTotal,
    peakTension,
  };
}

export function recordOf(sc: CompiledScenario, played: PlayedGame, finalHash?: string): GameRecord {
  return {
    format: RECORD_FORMAT,
    scenario: { id: sc.scenario.id, version: sc.scenario.version, hash: sc.hash },
    seed: played.state.seed,
    humans: [...played.state.humans],
    orders: played.orders,
    ...(finalHash ? { finalHash } : {}),
    ...(played.state.whatIf ? { whatIf: { ...played.state.whatIf } } : {}),
  };
}

/** The seed of game `index` in a batch with base seed `base`. */
export function gameSeed(base: string, index: number): string {
  return `${base}#${index}`;
}
