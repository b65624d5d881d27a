// A validated scenario with the indexes the engine looks things up by.
import type { Action, GameEvent, Role, Scenario, Variable } from './types';

export interface CompiledScenario {
  readonly scenario: Scenario;
  /** Content hash of the scenario file, recorded in every game record. */
  readonly hash: string;
  readonly variables: Readonly<Record<string, Variable>>;
  readonly roles: Readonly<Record<string, Role>>;
  readonly roleOrder: readonly string[];
  readonly actions: Readonly<Record<string, Action>>;
  readonly actionsByRole: Readonly<Record<string, readonly Action[]>>;
  readonly events: Readonly<Record<string, GameEvent>>;
}

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

export function compileScenario(scenario: Scenario, hash: string): CompiledScenario {
  const actionsByRole: Record<string, Action[]> = {};
  for (const role of scenario.roles) actionsByRole[role.id] = [];
  for (const action of scenario.actions) actionsByRole[action.role]?.push(action);
  return {
    scenario,
    hash,
    variables: byId(scenario.variables),
    roles: byId(scenario.roles),
    roleOrder: scenario.roles.map((r) => r.id),
    actions: byId(scenario.actions),
    actionsByRole,
    events: byId<GameEvent>(scenario.events),
  };
}
