// Every change to a number goes through here, so each one is recorded with its cause and the
// recorded deltas of a turn add up exactly to how far each number moved.
import type { CompiledScenario } from './scenario/compile';
import { CAPITAL_PREFIX } from './scenario/tables';
import type { Cause, GameState, RollRecord, TurnReport } from './state';
import type { Rng } from './rng';
import { setValue, type Work } from './work';

export { CAPITAL_PREFIX };

/**
 * What a handler resolving a turn works with. `state` is a plain state (or a plain working copy of
 * an immer draft); its numbers are read and written in `work` until the turn is stored.
 */
export interface TurnContext {
  readonly sc: CompiledScenario;
  readonly state: GameState;
  readonly work: Work;
  readonly rng: Rng;
  readonly report: TurnReport;
}

/** Changes the number in a slot (tables.ts) within its limits; returns how far it moved. */
export function applyChange(ctx: TurnContext, slot: number, amount: number, cause: Cause): number {
  if (amount === 0) return 0;
  const t = ctx.work.tables;
  if (slot === t.nowhere) return 0;
  const values = ctx.work.values;
  const now = values[slot]!;
  const before = now === now ? now : t.slotAbsent[slot]!;
  const after = Math.max(t.slotMin[slot]!, Math.min(t.slotMax[slot]!, before + amount));
  setValue(ctx.work, slot, after);
  const delta = after - before;
  if (delta !== 0) ctx.report.changes.push({ key: t.slotKeys[slot]!, delta, cause });
  return delta;
}

/**
 * `applyChange` by the key a change is recorded under (a variable id or `capital:<role>`), for
 * effects kept in the state as pending. A variable the scenario lacks moves nothing; the capital of
 * a role it lacks has no room (its maximum is 0).
 */
export function applyChangeTo(ctx: TurnContext, key: string, amount: number, cause: Cause): number {
  const slot = ctx.work.tables.slotOf[key];
  if (slot !== undefined) return applyChange(ctx, slot, amount, cause);
  if (amount === 0 || !key.startsWith(CAPITAL_PREFIX)) return 0;
  const role = key.slice(CAPITAL_PREFIX.length);
  const before = ctx.state.capital[role] ?? 0;
  const after = Math.max(0, Math.min(0, before + amount));
  ctx.state.capital[role] = after;
  const delta = after - before;
  if (delta !== 0) ctx.report.changes.push({ key, delta, cause });
  return delta;
}

/**
 * Rolls a chance in whole percent and logs it with what rolled; succeeds when the draw (0–99) is
 * below it.
 */
export function roll(
  ctx: TurnContext,
  chance: number,
  label: string,
  role: string | undefined,
  action: string | undefined,
  event: string | undefined,
): boolean {
  const draw = ctx.rng.below(100);
  const success = draw < chance;
  const entry: RollRecord = { label, chance, draw, success };
  if (role !== undefined) entry.role = role;
  if (action !== undefined) entry.action = action;
  if (event !== undefined) entry.event = event;
  ctx.report.rolls.push(entry);
  return success;
}
