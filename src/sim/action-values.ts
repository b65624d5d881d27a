// What each action is worth to the role that owns it before the state is considered (compiled
// once per scenario, compile.ts), and a variable as the computer counts what is on the table. The
// computer's choices that use them are in ai.ts; kept apart so compiling a scenario does not
// import the AI.
import type { RuleValues } from './scenario/rules';
import type { Action, Effect, Mechanics, Role } from './scenario/types';
import type { AiTerm, GameState } from './state';
import { signalStrength, tensionPush } from './rules';
import { read, type Work } from './work';

/** The value key of narrower intelligence estimates in a role's AI values. */
export const INTEL_VALUE = 'intel';

/** The state-independent part of an action's value to the role that owns it. */
export interface ActionValue {
  /** Value of each certain effect (tension and signal included), per variable, in tenths. */
  effectTerms: readonly AiTerm[];
  /**
   * The terms the AI logs for the action whatever the state: its effects', then the capital it
   * spends and the role's standing preference for it (each when not zero). Shared by every log.
   */
  terms: readonly AiTerm[];
  /** Their sum, with the capital and standing-preference terms. */
  fixed: number;
  /** Value of the roll's success and failure outcomes, were they certain. */
  rollSuccess: number;
  rollFailure: number;
}

export function valueActions(
  roles: Readonly<Record<string, Role>>,
  actions: readonly Action[],
  variableName: (key: string) => string,
  rules: RuleValues,
  mechanics: Mechanics,
): Record<string, ActionValue> {
  const out = Object.create(null) as Record<string, ActionValue>;
  for (const action of actions) {
    const role = roles[action.role]!;
    const gains: Record<string, number> = { [mechanics.tension]: tensionPush(rules, action) * 4 };
    // The full signal value: the AI does not discount it for credibility already high.
    if (role.side === mechanics.deterrer.side)
      gains[mechanics.deterrer.credibility] = signalStrength(rules, action.signal) * 4;
    addGains(gains, action.effects, role, rules);
    const effectTerms: AiTerm[] = [];
    let fixed = 0;
    for (const key in gains) {
      // Gains are counted in quarters (a delayed effect is worth less), values in tenths.
      const value = Math.trunc(((role.ai.values[key] ?? 0) * gains[key]!) / 4);
      if (value === 0) continue;
      const direction = gains[key]! > 0 ? 'up' : 'down';
      const term =
        key === INTEL_VALUE ? 'better intelligence' : `${variableName(key)} ${direction}`;
      effectTerms.push({ term, value });
      fixed += value;
    }
    const capital = -action.cost * role.ai.capitalValue;
    const preference = (action.ai?.bias ?? 0) * 10;
    fixed += capital + preference;
    const terms = [...effectTerms];
    if (capital !== 0) terms.push({ term: 'political capital spent', value: capital });
    if (preference !== 0) terms.push({ term: 'standing preference', value: preference });
    out[action.id] = {
      effectTerms,
      terms,
      fixed,
      rollSuccess: action.roll ? worth(action.roll.success, role, rules) : 0,
      rollFailure: action.roll ? worth(action.roll.failure, role, rules) : 0,
    };
  }
  return out;
}

function addGains(
  gains: Record<string, number>,
  effects: readonly Effect[],
  role: Role,
  rules: RuleValues,
): void {
  for (const effect of effects) {
    if ('intel' in effect) {
      if (role.estimatesIntent) gains[INTEL_VALUE] = (gains[INTEL_VALUE] ?? 0) + effect.intel * 4;
      continue;
    }
    // An effect that lands d turns later loses the rule's quarters per turn, keeping at least one;
    // one that lapses after h turns keeps the rule's quarters per turn it holds (commitment problem).
    let quarters = effect.delay ? Math.max(1, 4 - effect.delay * rules.delayQuartersLost) : 4;
    if (effect.holds) quarters = Math.min(quarters, heldQuarters(rules, effect.holds));
    gains[effect.var] = (gains[effect.var] ?? 0) + effect.amount * quarters;
  }
}

/** Quarters of its value (at most four) an effect keeps when it holds `turns` more turns. */
function heldQuarters(rules: RuleValues, turns: number): number {
  return Math.max(0, Math.min(4, turns * rules.heldQuartersPerTurn));
}

/**
 * A variable as the AI counts what is on the table: the parts that will lapse (political promises
 * not yet lapsed) keep only the quarters of their value that the turns they still hold are worth.
 */
export function heldValue(rules: RuleValues, state: GameState, key: string): number {
  let value = state.vars[key] ?? 0;
  for (const p of state.pending) {
    if (!p.lapse || p.key !== key) continue;
    const kept = heldQuarters(rules, p.landsOnTurn - state.turn);
    // The lapse entry holds the reversal (−amount): add the part of it not kept.
    value += Math.trunc((p.amount * (4 - kept)) / 4);
  }
  return value;
}

/** `heldValue` on the working form: the variable `key` in `slot`. */
export function heldOn(w: Work, slot: number, key: string): number {
  let value = read(w, slot, 0);
  const turn = w.state.turn;
  for (const p of w.state.pending) {
    if (!p.lapse || p.key !== key) continue;
    const kept = heldQuarters(w.sc.rules, p.landsOnTurn - turn);
    value += Math.trunc((p.amount * (4 - kept)) / 4);
  }
  return value;
}

function worth(effects: readonly Effect[], role: Role, rules: RuleValues): number {
  const gains: Record<string, number> = {};
  addGains(gains, effects, role, rules);
  let total = 0;
  for (const key in gains) total += Math.trunc(((role.ai.values[key] ?? 0) * gains[key]!) / 4);
  return total;
}
