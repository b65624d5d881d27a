// Conditions and chances from scenario data, evaluated against the state and described in words.
import type { CompiledScenario } from './scenario/compile';
import type { Chance, Condition } from './scenario/types';
import type { GameState } from './state';

/** The rung of the escalation ladder the state stands on (1 = lowest). */
export function currentRung(sc: CompiledScenario, state: Pick<GameState, 'vars'>): number {
  const m = sc.scenario.mechanics;
  const tension = state.vars[m.tension] ?? 0;
  const warStage = state.vars[m.warStage] ?? 0;
  let level = 1;
  for (const rung of sc.scenario.rungs) {
    const byWar = rung.minWarStage !== undefined && warStage >= rung.minWarStage;
    if (byWar || tension >= rung.minTension) level = Math.max(level, rung.level);
  }
  return level;
}

export type Predicate = (sc: CompiledScenario, state: GameState) => boolean;

// Conditions are data; each is turned into a function once and reused (they are checked for every
// option of every role every turn).
const compiled = new WeakMap<Condition, Predicate>();

export function holds(
  sc: CompiledScenario,
  state: GameState,
  cond: Condition | undefined,
): boolean {
  return cond ? predicateOf(cond)(sc, state) : true;
}

/** The condition as a function, compiled once. */
export function predicateOf(cond: Condition): Predicate {
  let predicate = compiled.get(cond);
  if (!predicate) {
    predicate = compile(cond);
    compiled.set(cond, predicate);
  }
  return predicate;
}

function compile(cond: Condition): Predicate {
  if ('all' in cond) {
    const parts = cond.all.map(compile);
    return (sc, state) => {
      for (const part of parts) if (!part(sc, state)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map(compile);
    return (sc, state) => {
      for (const part of parts) if (part(sc, state)) return true;
      return false;
    };
  }
  if ('not' in cond) {
    const inner = compile(cond.not);
    return (sc, state) => !inner(sc, state);
  }
  if ('var' in cond) {
    const { var: key, gte, lte } = cond;
    return (_sc, state) => inRange(state.vars[key] ?? 0, gte, lte);
  }
  if ('actionTaken' in cond) {
    const { actionTaken, byTurnsAgo } = cond;
    return (_sc, state) => {
      const turn = state.taken[actionTaken];
      if (turn === undefined) return false;
      return byTurnsAgo === undefined || state.turn - turn >= byTurnsAgo;
    };
  }
  if ('eventHappened' in cond) {
    const { eventHappened } = cond;
    return (_sc, state) => state.happened[eventHappened] !== undefined;
  }
  if ('rungGte' in cond || 'rungLte' in cond) {
    const { rungGte, rungLte } = cond;
    return (sc, state) => inRange(currentRung(sc, state), rungGte, rungLte);
  }
  const { turnGte, turnLte } = cond as { turnGte?: number; turnLte?: number };
  return (_sc, state) => inRange(state.turn, turnGte, turnLte);
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

/**
 * What putting a condition into words reads from a game: a variable (0 when absent), the rung,
 * the turn, and whether a part of it holds. Read from the JSON state here, and from the engine's
 * working form by `lockReasonOn` (rules.ts), so both word it alike.
 */
export interface ConditionFacts {
  value(key: string): number;
  rung(): number;
  readonly turn: number;
  holds(cond: Condition): boolean;
}

function factsOf(sc: CompiledScenario, state: GameState): ConditionFacts {
  return {
    value: (key) => state.vars[key] ?? 0,
    rung: () => currentRung(sc, state),
    turn: state.turn,
    holds: (cond) => holds(sc, state, cond),
  };
}

/** The parts of a condition that do not hold, in words: "Tension at least 40 (now 32)". */
export function unmet(
  sc: CompiledScenario,
  state: GameState,
  cond: Condition | undefined,
): string[] {
  return unmetWith(sc, factsOf(sc, state), cond);
}

export function unmetWith(
  sc: CompiledScenario,
  facts: ConditionFacts,
  cond: Condition | undefined,
): string[] {
  const out: string[] = [];
  addUnmet(sc, facts, cond, out);
  return out;
}

function addUnmet(
  sc: CompiledScenario,
  facts: ConditionFacts,
  cond: Condition | undefined,
  out: string[],
): void {
  if (!cond || facts.holds(cond)) return;
  if ('all' in cond) for (const part of cond.all) addUnmet(sc, facts, part, out);
  else out.push(describeWith(sc, facts, cond));
}

export function describe(sc: CompiledScenario, state: GameState, cond: Condition): string {
  return describeWith(sc, factsOf(sc, state), cond);
}

function describeWith(sc: CompiledScenario, facts: ConditionFacts, cond: Condition): string {
  if ('all' in cond) return cond.all.map((c) => describeWith(sc, facts, c)).join(' and ');
  if ('any' in cond) return `one of: ${cond.any.map((c) => describeWith(sc, facts, c)).join('; ')}`;
  if ('not' in cond) return `not (${describeWith(sc, facts, cond.not)})`;
  if ('var' in cond) {
    const v = sc.variables[cond.var];
    const name = v?.name ?? cond.var;
    const now = facts.value(cond.var);
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
    return `escalation ${rangeWords(cond.rungGte, cond.rungLte, name)} (now ${name(facts.rung())})`;
  }
  const turns = cond as { turnGte?: number; turnLte?: number };
  return `turn ${rangeWords(turns.turnGte, turns.turnLte, String)} (now ${facts.turn})`;
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
