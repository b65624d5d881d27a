// The engine's working form of a state: the numbers a turn reads and writes most (the variables,
// political capital, when each action was last taken and each event happened) as arrays indexed
// by the scenario's tables (scenario/tables.ts), beside the JSON state for everything else. A turn
// is resolved on it and written back into the JSON state at the end, which stays the state of
// record (saves, records, hashes and the immer path all see only JSON).
//
// An absent value is NaN: the state the engine makes has every variable and every role's capital,
// but the rules read a missing one with their own defaults, so absence is kept, not filled in.
import type { CompiledScenario } from './scenario/compile';
import type { SlotChance, Tables } from './scenario/tables';
import type { GameState } from './state';

export interface Work {
  readonly sc: CompiledScenario;
  readonly tables: Tables;
  readonly state: GameState;
  /** By slot (tables.ts): the variables, then each role's capital, then one never written. */
  readonly values: number[];
  /** By action index: the last turn it was taken, NaN if never. */
  readonly taken: number[];
  /** By event index: the turn it happened, NaN if never. */
  readonly happened: number[];
  /** Slots changed, and actions and events marked, since last stored, in the order first changed. */
  readonly changed: number[];
  readonly takenNow: number[];
  readonly happenedNow: number[];
  /** By slot, action and event: 1 once it is in `changed`, `takenNow` or `happenedNow`. */
  readonly dirty: number[];
  readonly takenDirty: number[];
  readonly happenedDirty: number[];
}

const number = (value: unknown) => (typeof value === 'number' ? value : NaN);

export function loadWork(sc: CompiledScenario, state: GameState): Work {
  const t = sc.tables;
  const values = new Array<number>(t.slotCount).fill(NaN);
  const { vars, capital } = state;
  for (let i = 0; i < t.variableCount; i++) values[i] = number(vars[t.slotKeys[i]!]);
  for (let i = 0; i < t.roleIds.length; i++)
    values[t.variableCount + i] = number(capital[t.roleIds[i]!]);
  const taken = new Array<number>(t.actionIds.length).fill(NaN);
  for (const id in state.taken) {
    const index = t.actionOf[id];
    if (index !== undefined) taken[index] = number(state.taken[id]);
  }
  const happened = new Array<number>(t.eventIds.length).fill(NaN);
  for (const id in state.happened) {
    const index = t.eventOf[id];
    if (index !== undefined) happened[index] = number(state.happened[id]);
  }
  const dirty = new Array<number>(t.slotCount).fill(0);
  const takenDirty = new Array<number>(t.actionIds.length).fill(0);
  const happenedDirty = new Array<number>(t.eventIds.length).fill(0);
  return {
    sc,
    tables: t,
    state,
    values,
    taken,
    happened,
    changed: [],
    takenNow: [],
    happenedNow: [],
    dirty,
    takenDirty,
    happenedDirty,
  };
}

/** Writes the numbers changed since loading (or last storing) back into the JSON state. */
export function storeWork(w: Work): void {
  const t = w.tables;
  const { vars, capital } = w.state;
  for (const slot of w.changed) {
    w.dirty[slot] = 0;
    if (slot < t.variableCount) vars[t.slotKeys[slot]!] = w.values[slot]!;
    else capital[t.roleIds[slot - t.variableCount]!] = w.values[slot]!;
  }
  for (const index of w.takenNow) {
    w.takenDirty[index] = 0;
    w.state.taken[t.actionIds[index]!] = w.taken[index]!;
  }
  for (const index of w.happenedNow) {
    w.happenedDirty[index] = 0;
    w.state.happened[t.eventIds[index]!] = w.happened[index]!;
  }
  w.changed.length = 0;
  w.takenNow.length = 0;
  w.happenedNow.length = 0;
}

/** Sets the number in a slot (never `nowhere`), to be written back. */
export function setValue(w: Work, slot: number, value: number): void {
  if (w.dirty[slot] === 0) {
    w.dirty[slot] = 1;
    w.changed.push(slot);
  }
  w.values[slot] = value;
}

export function markTaken(w: Work, index: number, turn: number): void {
  if (w.takenDirty[index] === 0) {
    w.takenDirty[index] = 1;
    w.takenNow.push(index);
  }
  w.taken[index] = turn;
}

export function markHappened(w: Work, index: number, turn: number): void {
  if (w.happenedDirty[index] === 0) {
    w.happenedDirty[index] = 1;
    w.happenedNow.push(index);
  }
  w.happened[index] = turn;
}

/** The value in a slot, or `absent` when the state has none. */
export function read(w: Work, slot: number, absent: number): number {
  const value = w.values[slot]!;
  return value === value ? value : absent;
}

/** `chanceOf` (conditions.ts) on the working form. */
export function chanceOn(w: Work, c: SlotChance): number {
  let value = c.base;
  const { slots, pivots, perTens } = c;
  for (let i = 0; i < slots.length; i++) {
    value += Math.trunc(((read(w, slots[i]!, 0) - pivots[i]!) * perTens[i]!) / 10);
  }
  return Math.max(c.min, Math.min(c.max, value));
}

/** `currentRung` (conditions.ts) on the working form. */
export function rungOn(w: Work): number {
  const t = w.tables;
  const tension = read(w, t.mechanics.tension, 0);
  const warStage = read(w, t.mechanics.warStage, 0);
  let level = 1;
  for (const rung of t.rungs) {
    const byWar = rung.minWarStage !== undefined && warStage >= rung.minWarStage;
    if (byWar || tension >= rung.minTension) level = Math.max(level, rung.level);
  }
  return level;
}
