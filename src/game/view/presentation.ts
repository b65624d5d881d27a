// How the game page presents each scenario beyond its own data: the variables the crisis room
// shows first and the debrief charts, the names of the three tracks, whose intent is hidden, and
// the word for a turn. A scenario the page has no entry for gets plain defaults, so a new scenario
// plays before anyone writes one. (The main variables would sit better in the scenario's data.)
import type { CompiledScenario } from '../../sim';

export interface Presentation {
  /** The variables the crisis room shows first and the debrief charts, in order. */
  mainVariables: readonly string[];
  /** Each track's heading over its action cards. */
  tracks: Readonly<Record<'diplomacy' | 'sanctions' | 'deterrence', string>>;
  /** Whose intent is hidden, possessive ("Russia's"). */
  intentOf: string;
  /** The four variables the debrief charts turn by turn (0–100 each). */
  charted: readonly [string, string, string, string];
}

const PRESENTATIONS: Record<string, Presentation> = {
  'ukraine-2021': {
    mainVariables: [
      'tension',
      'russianForces',
      'readiness',
      'belarusForces',
      'allianceCohesion',
      'deterrenceCredibility',
      'sanctionsPrepared',
      'sanctionsImposed',
      'ukraineMilitary',
      'channelHealth',
      'dealProgress',
      'russianEconomy',
    ],
    tracks: { diplomacy: 'Diplomacy', sanctions: 'Sanctions', deterrence: 'Deterrence' },
    intentOf: "Russia's",
    charted: ['tension', 'deterrenceCredibility', 'allianceCohesion', 'dealProgress'],
  },
  'cuba-1962': {
    mainVariables: [
      'tension',
      'missileReadiness',
      'usStrikeReadiness',
      'quarantineImposed',
      'seaLine',
      'quarantineFleet',
      'sovietAlert',
      'usCredibility',
      'allianceCohesion',
      'sovietPrestige',
      'channelHealth',
      'dealProgress',
    ],
    tracks: {
      diplomacy: 'Diplomacy and back channels',
      sanctions: 'Quarantine and pressure',
      deterrence: 'Military signalling',
    },
    intentOf: 'Khrushchev’s',
    charted: ['tension', 'missileReadiness', 'usCredibility', 'dealProgress'],
  },
};

export function presentationOf(sc: CompiledScenario): Presentation {
  const known = PRESENTATIONS[sc.scenario.id];
  if (known) return known;
  return {
    mainVariables: sc.scenario.variables.slice(0, 12).map((v) => v.id),
    tracks: { diplomacy: 'Diplomacy', sanctions: 'Pressure', deterrence: 'Deterrence' },
    intentOf: "the other side's",
    charted: ['tension', 'allianceCohesion', 'channelHealth', 'dealProgress'],
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
