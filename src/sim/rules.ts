// Small rules shared by the resolution, the AI, the bots and the selectors.
import { unmet, unmetWith, type ConditionFacts, type Predicate } from './conditions';
import type { CompiledScenario } from './scenario/compile';
import type { RuleValues } from './scenario/rules';
import type { ActionRow } from './scenario/tables';
import type { Action, GameEvent, SignalKind } from './scenario/types';
import type { GameState } from './state';
import { read, rungOn, type Work } from './work';

/** How far an act pushes tension: from its Goldstein weight and its escalation class. */
export function tensionPush(
  rules: RuleValues,
  act: Pick<Action | GameEvent, 'goldstein' | 'escalationClass'>,
): number {
  return (
    Math.trunc(-Math.round(act.goldstein * 10) / rules.tensionGoldsteinPer) +
    Math.trunc(act.escalationClass / rules.tensionEscalationPer)
  );
}

/** How far a Western signal moves Russia's belief in Western resolve (Fearon: costly beats cheap). */
export function signalStrength(rules: RuleValues, signal: SignalKind): number {
  return signal === 'costly' ? rules.signalCostly : signal === 'cheap' ? rules.signalCheap : 0;
}

/**
 * The credibility a signal actually adds: the full amount from a low base, less as belief is
 * already high (a tenth less for every 10 points above the rule's line), so piling up signals has
 * diminishing returns.
 */
export function signalCredibility(
  rules: RuleValues,
  signal: SignalKind,
  credibility: number,
): number {
  const scale = Math.max(
    0,
    Math.min(10, 10 - Math.trunc((credibility - rules.signalFullBelow) / 10)),
  );
  return Math.trunc((signalStrength(rules, signal) * scale) / 10);
}

/** The stage of war the state stands at (0: none). */
export function warStageOf(sc: CompiledScenario, state: Pick<GameState, 'vars'>): number {
  return state.vars[sc.scenario.mechanics.warStage] ?? 0;
}

/** Whether the action can be ordered now (the fast check; `lockReason` says why not). */
export function isAvailable(sc: CompiledScenario, state: GameState, action: Action): boolean {
  return availableWith(sc, state, action, sc.requires[action.id]);
}

/** `isAvailable` on the working form of the state (a test holds the two to the same answers). */
export function availableOn(w: Work, row: ActionRow): boolean {
  const takenOn = w.taken[row.index]!;
  if (takenOn === takenOn) {
    if (row.once) return false;
    if (row.cooldown !== undefined && w.state.turn - takenOn < row.cooldown) return false;
  }
  if (row.warStage !== undefined && read(w, w.tables.mechanics.warStage, 0) >= row.warStage)
    return false;
  return row.requires === undefined || row.requires(w);
}

function availableWith(
  sc: CompiledScenario,
  state: GameState,
  action: Action,
  requires: Predicate | undefined,
): boolean {
  const takenOn = state.taken[action.id];
  if (takenOn !== undefined) {
    if (action.once) return false;
    if (action.cooldown !== undefined && state.turn - takenOn < action.cooldown) return false;
  }
  if (action.warStage !== undefined && warStageOf(sc, state) >= action.warStage) return false;
  return requires === undefined || requires(sc, state);
}

/** Why the action cannot be ordered now, or null when it can. */
export function lockReason(sc: CompiledScenario, state: GameState, action: Action): string | null {
  return lockWords(action, state.taken[action.id], state.turn, warStageOf(sc, state), () =>
    unmet(sc, state, action.requires),
  );
}

/** `lockReason` on the working form (a test holds the two to the same words). */
export function lockReasonOn(w: Work, row: ActionRow): string | null {
  const takenOn = w.taken[row.index]!;
  const warStage = read(w, w.tables.mechanics.warStage, 0);
  return lockWords(
    row.action,
    takenOn === takenOn ? takenOn : undefined,
    w.state.turn,
    warStage,
    () => unmetWith(w.sc, factsOn(w), row.action.requires),
  );
}

function lockWords(
  action: Action,
  takenOn: number | undefined,
  turn: number,
  warStage: number,
  missing: () => string[],
): string | null {
  if (action.once && takenOn !== undefined) {
    return `Already done on turn ${takenOn}; it can be done once.`;
  }
  if (action.cooldown !== undefined && takenOn !== undefined && turn - takenOn < action.cooldown) {
    return `Done on turn ${takenOn}; it can be done again from turn ${takenOn + action.cooldown}.`;
  }
  if (action.warStage !== undefined && warStage >= action.warStage) {
    return 'The war has already gone this far or further.';
  }
  const parts = missing();
  return parts.length > 0 ? `Needs ${parts.join('; ')}.` : null;
}

function factsOn(w: Work): ConditionFacts {
  const t = w.tables;
  return {
    value: (key) => read(w, t.slotOf[key] ?? t.nowhere, 0),
    rung: () => rungOn(w),
    turn: w.state.turn,
    holds: (cond) => t.testOf(cond)(w),
  };
}

export function costOf(actions: readonly Action[]): number {
  let total = 0;
  for (const a of actions) total += a.cost;
  return total;
}
