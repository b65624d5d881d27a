// The words for a scenario's turns on the game page. (How a scenario is presented, its main,
// charted and compared variables, is the scenario's data: `presentationOf` in the core.)
import type { CompiledScenario } from '../../sim';

export { presentationOf } from '../../sim';

/** "week", "day" or "N days": one turn of this scenario. */
export function turnSpan(sc: CompiledScenario): string {
  const days = sc.scenario.daysPerTurn;
  return days === 7 ? 'week' : days === 1 ? 'day' : `${days} days`;
}

/** "weekly", "daily" or "N-day": the turns of this scenario. */
export function turnly(sc: CompiledScenario): string {
  const days = sc.scenario.daysPerTurn;
  return days === 7 ? 'weekly' : days === 1 ? 'daily' : `${days}-day`;
}
