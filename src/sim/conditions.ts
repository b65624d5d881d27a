// Conditions and chances from scenario data, evaluated against the state and described in words.
import type { CompiledScenario } from './scenario/compile';
import type { Chance, Condition } from './scenario/types';
import type { GameState } from './state';

/** The rung of the escalation ladder the state stands on (1 = lowest). */
export function currentRung(sc: CompiledScenario, state: Pick<GameState, 'vars'>): number {
  const tension = state.vars.tension ?? 0;
  const warStage = state.vars.warStage ?? 0;
  let level = 1;
  for (const rung of sc.scenario.rungs) {
    const byWar = rung.minWarStage !== undefined && warStage >= rung.minWarStage;
    if (byWar || tension >= rung.minTension) level = Math.max(level, rung.level);
  }
  return level;
}

export function holds(
  sc: CompiledScenario,
  state: GameState,
  cond: Condition | undefined,
): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => holds(sc, state, c));
  if ('any' in cond) return cond.any.some((c) => holds(sc, state, c));
  if ('not' in cond) return !holds(sc, state, cond.not);
  if ('var' in cond) return inRange(state.vars[cond.var] ?? 0, cond.gte, cond.lte);
  if ('actionTaken' in cond) {
    const turn = state.taken[cond.actionTaken];
    if (turn === undefined) return false;
    return cond.byTurnsAgo === undefined || state.turn - turn >= cond.byTurnsAgo;
  }
  if ('eventHappened' in cond) return state.happened[cond.eventHappened] !== undefined;
  if ('rungGte' in cond || 'rungLte' in cond) {
    return inRange(currentRung(sc, state), cond.rungGte, cond.rungLte);
  }
  const turns = cond as { turnGte?: number; turnLte?: number };
  return inRange(state.turn, turns.turnGte, turns.turnLte);
}

function inRange(value: number, gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || value >= gte) && (lte === undefined || value <= lte);
}

/** The chance in whole percent. */
export function chanceOf(chance: Chance, vars: Readonly<Record<string, number>>): number {
  let value = chance.base;
  for (const t of chance.terms ?? []) {
    value += Math.trunc((((vars[t.var] ?? 0) - t.pivot) * t.perTen) / 10);
  }
  return Math.max(chance.min ?? 5, Math.min(chance.max ?? 95, value));
}

/** The parts of a condition that do not hold, in words: "Tension at least 40 (now 32)". */
export function unmet(
  sc: CompiledScenario,
  state: GameState,
  cond: Condition | undefined,
): string[] {
  if (!cond || holds(sc, state, cond)) return [];
  if ('all' in cond) return cond.all.flatMap((c) => unmet(sc, state, c));
  return [describe(sc, state, cond)];
}

export function describe(sc: CompiledScenario, state: GameState, cond: Condition): string {
  if ('all' in cond) return cond.all.map((c) => describe(sc, state, c)).join(' and ');
  if ('any' in cond) return `one of: ${cond.any.map((c) => describe(sc, state, c)).join('; ')}`;
  if ('not' in cond) return `not (${describe(sc, state, cond.not)})`;
  if ('var' in cond) {
    const v = sc.variables[cond.var];
    const name = v?.name ?? cond.var;
    const now = state.vars[cond.var] ?? 0;
    const show = (n: number) =>
      v?.labels?.[n] ?? `${n}${v?.unit && v.unit !== 'tier' ? ` ${v.unit}` : ''}`;
    const range = rangeWords(cond.gte, cond.lte, show);
    return `${name} ${range} (now ${show(now)})`;
  }
  if ('actionTaken' in cond) {
    const name = sc.actions[cond.actionTaken]?.name ?? cond.actionTaken;
    return cond.byTurnsAgo
      ? `${name} taken at least ${cond.byTurnsAgo} turns ago`
      : `${name} taken first`;
  }
  if ('eventHappened' in cond)
    return `after ${sc.events[cond.eventHappened]?.name ?? cond.eventHappened}`;
  if ('rungGte' in cond || 'rungLte' in cond) {
    const name = (level: number) =>
      sc.scenario.rungs.find((r) => r.level === level)?.name ?? `rung ${level}`;
    return `escalation ${rangeWords(cond.rungGte, cond.rungLte, name)} (now ${name(currentRung(sc, state))})`;
  }
  const turns = cond as { turnGte?: number; turnLte?: number };
  return `turn ${rangeWords(turns.turnGte, turns.turnLte, String)} (now ${state.turn})`;
}

function rangeWords(
  gte: number | undefined,
  lte: number | undefined,
  show: (n: number) => string,
): string {
  if (gte !== undefined && lte !== undefined) {
    return gte === lte ? `at ${show(gte)}` : `between ${show(gte)} and ${show(lte)}`;
  }
  if (gte !== undefined) return `at least ${show(gte)}`;
  if (lte !== undefined) return `at most ${show(lte)}`;
  return 'any';
}
