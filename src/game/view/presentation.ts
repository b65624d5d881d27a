// How the pages present a scenario beyond its variables and actions: the scenario's own
// `presentation` block (the variables the crisis room shows first, the four the debrief charts,
// the tracks' names, whose intent is hidden), or plain defaults for a scenario without one, so a
// new scenario plays before anyone writes one.
import type { CompiledScenario, Presentation } from '../../sim';

export type { Presentation };

export function presentationOf(sc: CompiledScenario): Presentation {
  const own = sc.scenario.presentation;
  if (own) return own;
  const first = (n: number) => sc.scenario.variables.slice(0, n).map((v) => v.id);
  return {
    mainVariables: first(12),
    charted: ['tension', 'allianceCohesion', 'channelHealth', 'dealProgress'],
    compared: first(9),
    tracks: { diplomacy: 'Diplomacy', sanctions: 'Pressure', deterrence: 'Deterrence' },
    intentOf: "the other side's",
  };
}

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
