// A validated scenario with the indexes the engine looks things up by.
import { planActions, type ActionPlan } from '../action-plans';
import { valueActions, type ActionValue } from '../action-values';
import { predicateOf, type Predicate } from '../conditions';
import { ruleValues, type RuleValues } from './rules';
import { buildTables, type Tables } from './tables';
import type { Action, GameEvent, Role, Scenario, Variable, WhatIfChoice } from './types';

export interface CompiledScenario {
  readonly scenario: Scenario;
  /** Content hash of what changes outcomes (content-hash.ts), recorded in every game record. */
  readonly hash: string;
  /** Every scenario hash whose records replay here: its own and its compatible versions'. */
  readonly hashes: readonly string[];
  readonly variables: Readonly<Record<string, Variable>>;
  readonly roles: Readonly<Record<string, Role>>;
  readonly roleOrder: readonly string[];
  readonly actions: Readonly<Record<string, Action>>;
  readonly actionsByRole: Readonly<Record<string, readonly Action[]>>;
  readonly events: Readonly<Record<string, GameEvent>>;
  /** Each action's `requires`, compiled (checked for every option of every role every turn). */
  readonly requires: Readonly<Record<string, Predicate>>;
  /** The model's general numbers (the scenario's rules, or the first format's). */
  readonly rules: RuleValues;
  /** What each action is worth to its role's AI, before the state is considered. */
  readonly actionValues: Readonly<Record<string, ActionValue>>;
  /** Per role, its actions in order with what is looked up for each every turn (action-plans.ts). */
  readonly plansByRole: Readonly<Record<string, readonly ActionPlan[]>>;
  /** The same plans by action id. */
  readonly plans: Readonly<Record<string, ActionPlan>>;
  /** The scenario as integer-indexed tables, for the engine's working form of a state (work.ts). */
  readonly tables: Tables;
  /** The what-if switches this compilation is played under (what-if.ts); none for the model as built. */
  readonly whatIf: WhatIfChoice;
  /** For a what-if variant: the scenario as built that it was made from. */
  readonly asBuilt?: CompiledScenario;
}

const AS_BUILT: WhatIfChoice = Object.freeze({});

/** Indexes without a prototype, so an id such as "constructor" finds nothing. */
function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const item of items) out[item.id] = item;
  return out;
}

function requirements(actions: readonly Action[]): Record<string, Predicate> {
  const out = Object.create(null) as Record<string, Predicate>;
  for (const action of actions) if (action.requires) out[action.id] = predicateOf(action.requires);
  return out;
}

export function compileScenario(scenario: Scenario, hash: string): CompiledScenario {
  const actionsByRole = Object.create(null) as Record<string, Action[]>;
  for (const role of scenario.roles) actionsByRole[role.id] = [];
  for (const action of scenario.actions) actionsByRole[action.role]?.push(action);
  const variables = byId(scenario.variables);
  const roles = byId(scenario.roles);
  // A copy made in one go: built key by key, an object of this many keys becomes a hash table in
  // V8, slower to read (the rules are read for every option of every role every turn).
  const rules = { ...ruleValues(scenario.rules) };
  const actionValues = valueActions(
    roles,
    scenario.actions,
    (key) => variables[key]?.name ?? key,
    rules,
    scenario.mechanics,
  );
  const tables = buildTables(scenario, rules);
  const plansByRole = planActions(actionsByRole, actionValues, tables);
  const plans = Object.create(null) as Record<string, ActionPlan>;
  for (const role in plansByRole)
    for (const plan of plansByRole[role]!) plans[plan.action.id] = plan;
  return {
    scenario,
    hash,
    hashes: [hash, ...(scenario.compatibleWith ?? []).map((c) => c.hash)],
    variables,
    roles,
    roleOrder: scenario.roles.map((r) => r.id),
    actions: byId(scenario.actions),
    actionsByRole,
    events: byId<GameEvent>(scenario.events),
    requires: requirements(scenario.actions),
    rules,
    actionValues,
    plansByRole,
    plans,
    tables,
    whatIf: AS_BUILT,
  };
}
