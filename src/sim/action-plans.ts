// What the engine and the computer player look up for an action every turn, worked out once when
// the scenario is compiled (compile.ts): its compiled `requires`, its value to its role, and for a
// war, the gates that hold it back and the larger wars its role could wait for. Kept apart from
// ai.ts so compiling a scenario does not import the AI.
import type { ActionValue } from './action-values';
import type { ActionRow, Tables } from './scenario/tables';
import type { Action, Condition } from './scenario/types';

/** A gate of a war's `requires`: a variable's slot (or, for null, the turn) that must reach `atLeast`. */
export interface Gate {
  readonly slot: number | null;
  readonly atLeast: number;
  /** How far the role's build-up actions, all taken together, move it in a turn (1 for the turn). */
  readonly rate: number;
}

export interface ActionPlan {
  readonly action: Action;
  /** Its place in its role's list of actions. */
  readonly index: number;
  readonly value: ActionValue;
  /** Its row in the scenario's tables (its compiled `requires`, chances and effects). */
  readonly row: ActionRow;
  /** For a war: the `var ≥ n` and `turn ≥ n` parts of its `requires` (an `all` is looked into). */
  readonly gates: readonly Gate[];
  /** For a war: its role's wars of a larger stage, in the role's order. */
  readonly largerWars: readonly ActionPlan[];
}

export function planActions(
  actionsByRole: Readonly<Record<string, readonly Action[]>>,
  values: Readonly<Record<string, ActionValue>>,
  tables: Tables,
): Record<string, ActionPlan[]> {
  const out = Object.create(null) as Record<string, ActionPlan[]>;
  for (const role in actionsByRole) {
    const actions = actionsByRole[role]!;
    const plans = actions.map((action, index) => ({
      action,
      index,
      value: values[action.id]!,
      row: tables.actions[tables.actionOf[action.id]!]!,
      gates:
        action.ai?.kind === 'war'
          ? gatesOf(action.requires).map((g) => ({
              slot: g.var === null ? null : (tables.slotOf[g.var] ?? tables.nowhere),
              atLeast: g.atLeast,
              rate: g.var === null ? 1 : buildupRate(actions, g.var),
            }))
          : [],
      largerWars: [] as ActionPlan[],
    }));
    for (const plan of plans) {
      if (plan.action.ai?.kind !== 'war') continue;
      const stage = plan.action.warStage ?? 1;
      for (const larger of plans) {
        if (larger.action.ai?.kind === 'war' && (larger.action.warStage ?? 1) > stage)
          plan.largerWars.push(larger);
      }
    }
    out[role] = plans;
  }
  return out;
}

function gatesOf(cond: Condition | undefined): { var: string | null; atLeast: number }[] {
  if (!cond) return [];
  if ('all' in cond) return cond.all.flatMap(gatesOf);
  if ('var' in cond && 'gte' in cond && cond.gte !== undefined)
    return [{ var: cond.var, atLeast: cond.gte }];
  if ('turnGte' in cond && cond.turnGte !== undefined)
    return [{ var: null, atLeast: cond.turnGte }];
  return [];
}

/** What a role's build-up actions add to a variable in a turn, all taken together. */
function buildupRate(actions: readonly Action[], key: string): number {
  let rate = 0;
  for (const a of actions) {
    if (a.ai?.kind !== 'buildup') continue;
    for (const e of a.effects) if ('var' in e && e.var === key && e.amount > 0) rate += e.amount;
  }
  return rate;
}
