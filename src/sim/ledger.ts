// Every change to a number goes through here, so each one is recorded with its cause and the
// recorded deltas of a turn add up exactly to how far each number moved.
import type { CompiledScenario } from './scenario/compile';
import type { Cause, GameState, RollRecord, TurnReport } from './state';
import type { Rng } from './rng';

/** What a handler resolving a turn works with. `state` is an immer draft or a plain copy. */
export interface TurnContext {
  readonly sc: CompiledScenario;
  readonly state: GameState;
  readonly rng: Rng;
  readonly report: TurnReport;
}

export const CAPITAL_PREFIX = 'capital:';

export function applyChange(ctx: TurnContext, key: string, amount: number, cause: Cause): number {
  if (amount === 0) return 0;
  let delta: number;
  if (key.startsWith(CAPITAL_PREFIX)) {
    const role = key.slice(CAPITAL_PREFIX.length);
    const max = ctx.sc.roles[role]?.capital.max ?? 0;
    const before = ctx.state.capital[role] ?? 0;
    const after = Math.max(0, Math.min(max, before + amount));
    delta = after - before;
    ctx.state.capital[role] = after;
  } else {
    const v = ctx.sc.variables[key];
    if (!v) return 0;
    const before = ctx.state.vars[key] ?? v.initial;
    const after = Math.max(v.min, Math.min(v.max, before + amount));
    delta = after - before;
    ctx.state.vars[key] = after;
  }
  if (delta !== 0) ctx.report.changes.push({ key, delta, cause });
  return delta;
}

/** Rolls a chance in whole percent and logs it; succeeds when the draw (0–99) is below it. */
export function roll(
  ctx: TurnContext,
  chance: number,
  record: Omit<RollRecord, 'chance' | 'draw' | 'success'>,
): boolean {
  const draw = ctx.rng.below(100);
  const success = draw < chance;
  const entry: RollRecord = { label: record.label, chance, draw, success };
  if (record.role !== undefined) entry.role = record.role;
  if (record.action !== undefined) entry.action = record.action;
  if (record.event !== undefined) entry.event = record.event;
  ctx.report.rolls.push(entry);
  return success;
}
