// How each role scores against its objectives: a weighted mean of its objectives' values (0–100),
// each measured from a variable or from the ending reached, and whether that meets the role's
// mark, or partly meets it. Used by the debrief, the classroom pages, the bots' balance and
// calibration, and luck or choice.
import type { CompiledScenario } from './scenario/compile';
import type { ObjectiveMeasure } from './scenario/types';
import type { GameState } from './state';

export interface RoleScore {
  role: string;
  name: string;
  score: number;
  victory: boolean;
  /** Not met, but partly: the objective the role names for it reached its mark. */
  partial: boolean;
  objectives: { id: string; text: string; weight: number; value: number }[];
}

/** How a role meets its objectives, in a sentence for briefings and printed role cards. */
export function describeVictoryRule(sc: CompiledScenario, roleId: string): string {
  const role = sc.roles[roleId];
  if (!role) return '';
  const met = `You meet your objectives with a score of ${role.victoryScore} or more out of 100.`;
  const mark = role.partialSuccess;
  const objective = mark && role.objectives.find((o) => o.id === mark.objective);
  if (!mark || !objective) return met;
  return `${met} Short of that, you partly meet them if "${objective.text}" scores ${mark.atLeast} or more.`;
}

/** "met", "partly met" or "not met". */
export function verdictOf(score: Pick<RoleScore, 'victory' | 'partial'>): string {
  return score.victory ? 'met' : score.partial ? 'partly met' : 'not met';
}

function measure(sc: CompiledScenario, state: GameState, m: ObjectiveMeasure): number {
  if ('endings' in m) return state.ending ? (m.endings[state.ending.id] ?? 0) : 0;
  const v = sc.variables[m.var];
  const from = m.from ?? v?.min ?? 0;
  const to = m.to ?? v?.max ?? 100;
  const value = state.vars[m.var] ?? 0;
  const share = Math.trunc(((value - from) * 100) / Math.max(1, to - from));
  const clamped = Math.max(0, Math.min(100, share));
  return m.better === 'higher' ? clamped : 100 - clamped;
}

/** Each role's score against its objectives, 0–100 (ending-based objectives count only once the game is over). */
export function selectScores(sc: CompiledScenario, state: GameState): RoleScore[] {
  return sc.scenario.roles.map((role) => {
    let total = 0;
    let weights = 0;
    const objectives = role.objectives.map((o) => {
      const value = measure(sc, state, o.measure);
      total += value * o.weight;
      weights += o.weight;
      return { id: o.id, text: o.text, weight: o.weight, value };
    });
    const score = weights > 0 ? Math.trunc(total / weights) : 0;
    const victory = score >= role.victoryScore;
    const mark = role.partialSuccess;
    const partial =
      !victory &&
      mark !== undefined &&
      (objectives.find((o) => o.id === mark.objective)?.value ?? 0) >= mark.atLeast;
    return { role: role.id, name: role.name, score, victory, partial, objectives };
  });
}
