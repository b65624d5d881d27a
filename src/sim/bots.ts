// Scripted players for batch runs and balance tests. Each gives legal, affordable orders for a
// role from what that role can see; "ai" means the role is left to the built-in AI.
import { scoreOn } from './ai';
import type { BotName } from './bot-names';
import type { CompiledScenario } from './scenario/compile';
import type { Action, Track } from './scenario/types';
import type { GameState } from './state';
import type { Rng } from './rng';
import { holds } from './conditions';
import { isAvailable } from './rules';
import { loadWork } from './work';

export { BOTS, isBotName, type BotName } from './bot-names';

/** Role → turn → action ids, as in a scenario's `historical` part. */
export type Plan = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export const BOT_DESCRIPTIONS: Record<BotName, string> = {
  ai: 'the built-in AI: weighs gains, costs, escalation risk and offers, with seeded noise',
  dove: 'only cooperative or neutral moves, the most cooperative first',
  hawk: 'only conflictual moves, the most conflictual first',
  'sanctions-first': 'spends on the sanctions track first, then the rest',
  'deterrence-first': 'spends on the deterrence track first, then the rest',
  random: 'random legal moves',
  greedy: 'the moves with the best immediate value, without noise',
  historical: 'what the real government did that week, where the scenario records it',
};

export function legalActions(sc: CompiledScenario, state: GameState, role: string): Action[] {
  return (sc.actionsByRole[role] ?? []).filter((a) => isAvailable(sc, state, a));
}

export function botOrders(
  sc: CompiledScenario,
  state: GameState,
  roleId: string,
  bot: Exclude<BotName, 'ai'>,
  rng: Rng,
  /** For the historical bot: turns that replace the scenario's plan (a calibration line's). */
  plan?: Plan,
): string[] {
  const role = sc.roles[roleId]!;
  const legal = legalActions(sc, state, roleId);
  const work = loadWork(sc, state);
  const score = (a: Action) => scoreOn(work, role, a, null);
  let ranked: Action[];
  switch (bot) {
    case 'dove':
      ranked = legal
        .filter((a) => a.goldstein >= 0)
        .sort((a, b) => b.goldstein - a.goldstein || a.cost - b.cost);
      break;
    case 'hawk':
      ranked = legal
        .filter((a) => a.goldstein < 0)
        .sort((a, b) => a.goldstein - b.goldstein || a.cost - b.cost);
      break;
    case 'sanctions-first':
      ranked = trackFirst(legal, 'sanctions', score);
      break;
    case 'deterrence-first':
      ranked = trackFirst(legal, 'deterrence', score);
      break;
    case 'greedy':
      ranked = byScore(legal, score).filter((a) => score(a) > 0);
      break;
    case 'random':
      ranked = shuffle(legal, rng).slice(0, 1 + rng.below(role.maxActionsPerTurn));
      break;
    case 'historical': {
      const turn = String(state.turn);
      const override = plan?.[roleId]?.[turn];
      const planned = override ?? sc.scenario.historical[roleId]?.[turn] ?? [];
      // A planned order with a condition (sanctions only once Russia has moved, as in 2022)
      // waits for it; a calibration line's own turns are played as written.
      const when = override ? {} : (sc.scenario.historicalWhen ?? {});
      ranked = planned
        .map((id) => sc.actions[id])
        .filter((a): a is Action => !!a && legal.includes(a) && holds(sc, state, when[a.id]));
      break;
    }
  }
  return fill(ranked, state.capital[roleId] ?? 0, role.maxActionsPerTurn);
}

function byScore(actions: Action[], score: (a: Action) => number): Action[] {
  const scored = actions.map((a) => ({ a, s: score(a) }));
  scored.sort((x, y) => y.s - x.s);
  return scored.map((x) => x.a);
}

function trackFirst(actions: Action[], track: Track, score: (a: Action) => number): Action[] {
  const ranked = byScore(actions, score);
  return [
    ...ranked.filter((a) => a.track === track),
    ...ranked.filter((a) => a.track !== track && score(a) > 0),
  ];
}

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Takes actions in order while they are affordable, up to the per-turn limit. */
function fill(ranked: readonly Action[], capital: number, max: number): string[] {
  const chosen: string[] = [];
  let left = capital;
  for (const a of ranked) {
    if (chosen.length >= max) break;
    if (a.cost > left) continue;
    chosen.push(a.id);
    left -= a.cost;
  }
  return chosen;
}
