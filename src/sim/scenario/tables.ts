// The scenario as integer-indexed tables, for the engine's working form of a state (work.ts): each
// variable and each role's political capital is a slot of one array, each action and event a
// place in another, and what a turn reads again and again about them (conditions, chances,
// effects, tension pushes) is worked out here once, against those indexes. Looking a number up by
// string id costs several times an array read, and a turn reads thousands.
import { addDays } from '../calendar';
import { read, rungOn, type Work } from '../work';
import { tensionPush } from '../rules';
import type { Cause } from '../state';
import type { RuleValues } from './rules';
import type {
  Action,
  Chance,
  Condition,
  Effect,
  GameEvent,
  Mechanics,
  Roll,
  Scenario,
} from './types';
import { TRACKS } from './types';

/** A condition of the scenario, tested against the working form. */
export type WorkTest = (w: Work) => boolean;

/** A chance with its variables as slots. */
export interface SlotChance {
  readonly base: number;
  readonly slots: Int32Array;
  readonly pivots: Int32Array;
  readonly perTens: Int32Array;
  readonly min: number;
  readonly max: number;
}

/**
 * An effect with its variable as a slot (`nowhere` for an intelligence effect), its fields always
 * present (0 for none) so every effect has one shape.
 */
export interface SlotEffect {
  readonly slot: number;
  /** The variable id, as pending effects and changes record it ('' for an intelligence effect). */
  readonly key: string;
  readonly amount: number;
  readonly delay: number;
  readonly holds: number;
  /** For an intelligence effect: the points it narrows estimates by, and who learns. */
  readonly intel: number;
  readonly who: string;
}

export interface SlotRoll {
  readonly roll: Roll;
  readonly chance: SlotChance;
  readonly success: readonly SlotEffect[];
  readonly failure: readonly SlotEffect[];
}

/**
 * An action as the engine reads it every turn, every field present, so that all rows share one
 * shape (the scenario's actions have many, by their optional fields, and reading a field across
 * many shapes is slow).
 */
export interface ActionRow {
  readonly action: Action;
  readonly index: number;
  readonly id: string;
  readonly role: number;
  readonly cost: number;
  readonly escalationClass: number;
  readonly once: boolean;
  readonly cooldown: number | undefined;
  readonly warStage: number | undefined;
  /** The stage of war as the AI counts it (1 when the action names none). */
  readonly stage: number;
  /** Its kind for the AI (`ai.kind`), if any. */
  readonly kind: string | undefined;
  readonly signal: string;
  /** Whether its role is on the deterrer's side (its signals move credibility). */
  readonly byDeterrer: boolean;
  readonly redLine: boolean;
  /** Its track's place in TRACKS. */
  readonly track: number;
  readonly requires: WorkTest | undefined;
  readonly tensionPush: number;
  readonly goldstein: number;
  readonly effects: readonly SlotEffect[];
  readonly roll: SlotRoll | undefined;
  /** The causes its changes are recorded with, made once (see `shared`). */
  readonly causes: {
    readonly action: Cause;
    readonly spent: Cause;
    readonly tension: Cause;
    readonly signal: Cause;
  };
}

export interface EventRow {
  readonly event: GameEvent;
  readonly index: number;
  readonly id: string;
  /** The label of its roll to happen. */
  readonly label: string;
  readonly repeatable: boolean;
  readonly turn: number | undefined;
  readonly escalationClass: number;
  readonly when: WorkTest | undefined;
  readonly chance: SlotChance | undefined;
  readonly tensionPush: number;
  readonly goldstein: number;
  readonly effects: readonly SlotEffect[];
  readonly roll: SlotRoll | undefined;
  /** The causes its changes are recorded with, made once (see `shared`). */
  readonly causes: { readonly event: Cause; readonly tension: Cause };
}

/** The slots of the variables the mechanics name (see Mechanics). */
export interface MechanicSlots {
  readonly tension: number;
  readonly warStage: number;
  readonly credibility: number;
  readonly cohesion: number;
  readonly face: number;
  readonly prepared: number;
  readonly imposed: number;
  readonly erodes: number;
  readonly forces: number;
  readonly preparation: number;
  readonly allied: number;
  readonly defender: number;
  readonly progress: number;
  readonly channels: number;
  readonly flank: number;
  readonly dilemmaDefender: number;
  /** By role index: the slot of the support a red line of the role's costs, or NOWHERE. */
  readonly support: Int32Array;
}

export interface Tables {
  /** Slots: the variables in scenario order, then each role's capital, then NOWHERE. */
  readonly slotCount: number;
  readonly variableCount: number;
  /** Slot → the key changes are recorded under (a variable id, or `capital:<role>`). */
  readonly slotKeys: readonly string[];
  readonly slotMin: Float64Array;
  readonly slotMax: Float64Array;
  /** What an absent value counts as when it is changed: a variable's initial value, or 0. */
  readonly slotAbsent: Float64Array;
  /**
   * The variables at their initial values, for a new game to copy. Made in one go: filled key by
   * key, an object of this many keys becomes a hash table in V8, and so would every copy, slower to
   * copy and to walk (summaries and hashes read every variable).
   */
  readonly initialVars: Readonly<Record<string, number>>;
  /** Key (variable id or `capital:<role>`) → slot; without a prototype. */
  readonly slotOf: Readonly<Record<string, number>>;
  /** A slot that is never written: any id that is not a variable of the scenario reads from it. */
  readonly nowhere: number;
  readonly roleIds: readonly string[];
  readonly roleOf: Readonly<Record<string, number>>;
  readonly actionIds: readonly string[];
  readonly actionOf: Readonly<Record<string, number>>;
  readonly actions: readonly ActionRow[];
  readonly eventIds: readonly string[];
  readonly eventOf: Readonly<Record<string, number>>;
  readonly events: readonly EventRow[];
  /**
   * Any condition of the scenario as a test of the working form, compiled the first time it is
   * asked for (the parts of a `requires`, to say which do not hold).
   */
  readonly testOf: (cond: Condition) => WorkTest;
  readonly endings: readonly {
    readonly id: string;
    readonly atDeadline: boolean;
    readonly when: WorkTest;
  }[];
  readonly mechanics: MechanicSlots;
  /** Variables that drift, with their slots. */
  readonly drift: readonly {
    readonly slot: number;
    readonly initial: number;
    readonly target: number;
    readonly tenths: number;
  }[];
  /** By role index: the cause its income is recorded with, made once (see `shared`). */
  readonly incomeCauses: readonly Cause[];
  /** The date each turn begins, turn 1 first, to the scenario's last turn. */
  readonly turnDates: readonly string[];
  /** The rungs of the ladder. */
  readonly rungs: readonly {
    readonly level: number;
    readonly minTension: number;
    readonly minWarStage: number | undefined;
  }[];
}

export const CAPITAL_PREFIX = 'capital:';

/**
 * A cause recorded with many changes, made once and frozen: the changes of every game refer to the
 * same object, which nothing may change (states are read-only once made, as immer has them).
 */
export function shared(cause: Cause): Cause {
  return Object.freeze(cause);
}

/** Indexes without a prototype, so an id such as "constructor" finds nothing. */
function indexOf(ids: readonly string[], offset = 0): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  ids.forEach((id, i) => (out[id] = i + offset));
  return out;
}

export function buildTables(scenario: Scenario, rules: RuleValues): Tables {
  const variables = scenario.variables;
  const roleIds = scenario.roles.map((r) => r.id);
  const variableCount = variables.length;
  const slotCount = variableCount + roleIds.length + 1;
  const nowhere = slotCount - 1;
  const slotKeys = [...variables.map((v) => v.id), ...roleIds.map((r) => CAPITAL_PREFIX + r), ''];
  const slotMin = new Float64Array(slotCount);
  const slotMax = new Float64Array(slotCount);
  const slotAbsent = new Float64Array(slotCount);
  variables.forEach((v, i) => {
    slotMin[i] = v.min;
    slotMax[i] = v.max;
    slotAbsent[i] = v.initial;
  });
  scenario.roles.forEach((role, i) => (slotMax[variableCount + i] = role.capital.max));
  const slotOf = indexOf(slotKeys.slice(0, nowhere));
  const slot = (key: string) => slotOf[key] ?? nowhere;
  const actionIds = scenario.actions.map((a) => a.id);
  const eventIds = scenario.events.map((e) => e.id);
  const partial = {
    slotOf,
    nowhere,
    actionOf: indexOf(actionIds),
    eventOf: indexOf(eventIds),
    mechanics: mechanicSlots(scenario.mechanics, roleIds, slot),
  };
  const roleOf = indexOf(roleIds);
  const sideOf = Object.fromEntries(scenario.roles.map((r) => [r.id, r.side]));
  const test = (cond: Condition | undefined) => (cond ? testOf(cond, partial) : undefined);
  const tests = new WeakMap<Condition, WorkTest>();
  const testFor = (cond: Condition) => {
    let compiled = tests.get(cond);
    if (!compiled) {
      compiled = testOf(cond, partial);
      tests.set(cond, compiled);
    }
    return compiled;
  };
  const effects = (list: readonly Effect[]): SlotEffect[] =>
    list.map((effect) =>
      'intel' in effect
        ? {
            slot: nowhere,
            key: '',
            amount: 0,
            delay: 0,
            holds: 0,
            intel: effect.intel,
            who: effect.who,
          }
        : {
            slot: slot(effect.var),
            key: effect.var,
            amount: effect.amount,
            delay: effect.delay ?? 0,
            holds: effect.holds ?? 0,
            intel: 0,
            who: '',
          },
    );
  const chance = (c: Chance) => slotChance(c, slot);
  const roll = (r: Roll | undefined): SlotRoll | undefined =>
    r && {
      roll: r,
      chance: chance(r.chance),
      success: effects(r.success),
      failure: effects(r.failure),
    };
  return {
    ...partial,
    slotCount,
    variableCount,
    slotKeys,
    slotMin,
    slotMax,
    slotAbsent,
    initialVars: Object.fromEntries(variables.map((v) => [v.id, v.initial])),
    roleIds,
    roleOf,
    actionIds,
    actions: scenario.actions.map((action, index) => ({
      action,
      index,
      id: action.id,
      role: roleOf[action.role] ?? -1,
      cost: action.cost,
      escalationClass: action.escalationClass,
      once: !!action.once,
      cooldown: action.cooldown,
      warStage: action.warStage,
      stage: action.warStage ?? 1,
      kind: action.ai?.kind,
      signal: action.signal,
      byDeterrer: sideOf[action.role] === scenario.mechanics.deterrer.side,
      redLine: !!action.redLine,
      track: TRACKS.indexOf(action.track),
      requires: test(action.requires),
      tensionPush: tensionPush(rules, action),
      goldstein: Math.round(action.goldstein * 10),
      effects: effects(action.effects),
      roll: roll(action.roll),
      causes: {
        action: shared({ kind: 'action', role: action.role, action: action.id }),
        spent: shared({ kind: 'rule', rule: 'spent', role: action.role, action: action.id }),
        tension: shared({ kind: 'rule', rule: 'tension', role: action.role, action: action.id }),
        signal: shared({ kind: 'rule', rule: 'signal', role: action.role, action: action.id }),
      },
    })),
    eventIds,
    events: scenario.events.map((event, index) => ({
      event,
      index,
      id: event.id,
      label: `${event.name} happens`,
      repeatable: !!event.repeatable,
      turn: event.turn,
      escalationClass: event.escalationClass,
      when: test(event.when),
      chance: event.chance ? chance(event.chance) : undefined,
      tensionPush: tensionPush(rules, event),
      goldstein: Math.round(event.goldstein * 10),
      effects: effects(event.effects),
      roll: roll(event.roll),
      causes: {
        event: shared({ kind: 'event', event: event.id }),
        tension: shared({ kind: 'rule', rule: 'tension', event: event.id }),
      },
    })),
    testOf: testFor,
    endings: scenario.endings.map((e) => ({
      id: e.id,
      atDeadline: !!e.atDeadline,
      when: testOf(e.when, partial),
    })),
    drift: variables.flatMap((v, i) =>
      v.drift
        ? [{ slot: i, initial: v.initial, target: v.drift.target, tenths: v.drift.tenths }]
        : [],
    ),
    incomeCauses: roleIds.map((role) => shared({ kind: 'rule', rule: 'income', role })),
    turnDates: Array.from({ length: scenario.turns }, (_, i) =>
      addDays(scenario.startDate, i * scenario.daysPerTurn),
    ),
    rungs: scenario.rungs.map((r) => ({
      level: r.level,
      minTension: r.minTension,
      minWarStage: r.minWarStage,
    })),
  };
}

function mechanicSlots(
  m: Mechanics,
  roleIds: readonly string[],
  slot: (key: string) => number,
): MechanicSlots {
  const support = new Int32Array(roleIds.length);
  roleIds.forEach((role, i) => {
    const key = m.deterrer.support?.[role];
    support[i] = key ? slot(key) : -1;
  });
  return {
    tension: slot(m.tension),
    warStage: slot(m.warStage),
    credibility: slot(m.deterrer.credibility),
    cohesion: slot(m.deterrer.cohesion),
    face: slot(m.challenger.face),
    prepared: slot(m.sanctions.prepared),
    imposed: slot(m.sanctions.imposed),
    erodes: slot(m.sanctions.erodes),
    forces: slot(m.quickWin.forces),
    preparation: slot(m.quickWin.preparation),
    allied: slot(m.quickWin.allied),
    defender: slot(m.quickWin.defender),
    progress: slot(m.bargaining.progress),
    channels: slot(m.bargaining.channels),
    flank: slot(m.securityDilemma.flank),
    dilemmaDefender: slot(m.securityDilemma.defender),
    support,
  };
}

function slotChance(c: Chance, slot: (key: string) => number): SlotChance {
  const terms = c.terms ?? [];
  return {
    base: c.base,
    slots: Int32Array.from(terms, (t) => slot(t.var)),
    pivots: Int32Array.from(terms, (t) => t.pivot),
    perTens: Int32Array.from(terms, (t) => t.perTen),
    min: c.min ?? 5,
    max: c.max ?? 95,
  };
}

type Indexes = Pick<Tables, 'slotOf' | 'nowhere' | 'actionOf' | 'eventOf'>;

/**
 * A condition as a test of the working form: the same meaning as conditions.ts's predicate over
 * the JSON state (a test holds both to it on many states). An id the scenario does not have reads
 * as absent, as it does in a state the engine made.
 */
function testOf(cond: Condition, ix: Indexes): WorkTest {
  const ranges = rangesTest('all' in cond ? cond.all : [cond], ix);
  if (ranges) return ranges;
  if ('all' in cond) {
    const parts = cond.all.map((c) => testOf(c, ix));
    return (w) => {
      for (const part of parts) if (!part(w)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => testOf(c, ix));
    return (w) => {
      for (const part of parts) if (part(w)) return true;
      return false;
    };
  }
  if ('not' in cond) {
    const inner = testOf(cond.not, ix);
    return (w) => !inner(w);
  }
  if ('actionTaken' in cond) {
    const { byTurnsAgo } = cond;
    const index = ix.actionOf[cond.actionTaken];
    if (index === undefined) return () => false;
    return (w) => {
      const turn = w.taken[index]!;
      if (turn !== turn) return false;
      return byTurnsAgo === undefined || w.state.turn - turn >= byTurnsAgo;
    };
  }
  if ('eventHappened' in cond) {
    const index = ix.eventOf[cond.eventHappened];
    if (index === undefined) return () => false;
    return (w) => w.happened[index] === w.happened[index];
  }
  if ('rungGte' in cond || 'rungLte' in cond) {
    const { rungGte, rungLte } = cond;
    return (w) => inRange(rungOn(w), rungGte, rungLte);
  }
  const { turnGte, turnLte } = cond as { turnGte?: number; turnLte?: number };
  return (w) => inRange(w.state.turn, turnGte, turnLte);
}

/**
 * A test that each of `conds`, all of them variables' ranges, holds: one loop, not a function per
 * part (the commonest shape of a `requires`, and the test runs for every option every turn). Null
 * when any is another kind of condition.
 */
function rangesTest(conds: readonly Condition[], ix: Indexes): WorkTest | null {
  const ranges: { slot: number; gte?: number; lte?: number }[] = [];
  for (const c of conds) {
    if (!('var' in c)) return null;
    ranges.push({ slot: ix.slotOf[c.var] ?? ix.nowhere, gte: c.gte, lte: c.lte });
  }
  const slots = Int32Array.from(ranges, (r) => r.slot);
  const lows = Float64Array.from(ranges, (r) => r.gte ?? -Infinity);
  const highs = Float64Array.from(ranges, (r) => r.lte ?? Infinity);
  if (slots.length === 1) {
    const [slot, low, high] = [slots[0]!, lows[0]!, highs[0]!];
    return (w) => {
      const value = read(w, slot, 0);
      return value >= low && value <= high;
    };
  }
  return (w) => {
    for (let i = 0; i < slots.length; i++) {
      const value = read(w, slots[i]!, 0);
      if (value < lows[i]! || value > highs[i]!) return false;
    }
    return true;
  };
}

function inRange(value: number, gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || value >= gte) && (lte === undefined || value <= lte);
}
