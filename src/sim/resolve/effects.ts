// Applies the effects of an action or event: at once, or scheduled as pending for a later turn.
// An effect that only holds for some turns (a political promise) schedules its own lapse: what it
// actually moved is moved back then, through the ledger, with a cause that says so.
import { narrowEstimates } from '../intel';
import { applyChange, applyChangeTo, roll, type TurnContext } from '../ledger';
import type { SlotEffect, SlotRoll } from '../scenario/tables';
import { chanceOn } from '../work';
import type { Cause } from '../state';

export function applyEffects(
  ctx: TurnContext,
  effects: readonly SlotEffect[],
  cause: Cause,
  actor?: string,
): void {
  for (const effect of effects) {
    if (effect.intel !== 0) {
      for (const role of ctx.sc.roleOrder) {
        const informed =
          effect.who === 'actor' ? role === actor : ctx.sc.roles[role]!.side === effect.who;
        if (informed) narrowEstimates(ctx.sc, ctx.state, role, effect.intel);
      }
    } else if (effect.delay) {
      ctx.state.pending.push({
        key: effect.key,
        amount: effect.amount,
        landsOnTurn: ctx.state.turn + effect.delay,
        orderedOnTurn: ctx.state.turn,
        cause,
        ...(effect.holds ? { holds: effect.holds } : {}),
      });
    } else {
      const moved = applyChange(ctx, effect.slot, effect.amount, cause);
      if (effect.holds) scheduleLapse(ctx, effect.key, moved, effect.holds, ctx.state.turn, cause);
    }
  }
}

/** Rolls, logs and applies the outcome that came up. Returns whether it succeeded. */
export function applyRoll(ctx: TurnContext, r: SlotRoll, cause: Cause, actor?: string): boolean {
  const chance = chanceOn(ctx.work, r.chance);
  const success = roll(
    ctx,
    chance,
    r.roll.label,
    cause.role || undefined,
    cause.action || undefined,
    cause.event || undefined,
  );
  applyEffects(
    ctx,
    success ? r.success : r.failure,
    { ...cause, roll: { chance, success } },
    actor,
  );
  return success;
}

/** Moves back, `holds` turns from now, what a political effect moved (nothing if it moved nothing). */
function scheduleLapse(
  ctx: TurnContext,
  key: string,
  moved: number,
  holds: number,
  orderedOnTurn: number,
  cause: Cause,
): void {
  if (moved === 0) return;
  ctx.state.pending.push({
    key,
    amount: -moved,
    landsOnTurn: ctx.state.turn + holds,
    orderedOnTurn,
    cause,
    lapse: true,
  });
}

/** Effects whose delay runs out this turn, and political effects that lapse this turn. */
export function landPending(ctx: TurnContext): void {
  const turn = ctx.state.turn;
  const waiting = ctx.state.pending;
  let due = false;
  for (const p of waiting) if (p.landsOnTurn <= turn) due = true;
  if (!due) return;
  const later = [];
  for (const p of waiting) if (p.landsOnTurn > turn) later.push(p);
  ctx.state.pending = later;
  for (const p of waiting) {
    if (p.landsOnTurn > turn) continue;
    const kind = p.lapse ? 'lapse' : 'pending';
    const moved = applyChangeTo(ctx, p.key, p.amount, {
      ...p.cause,
      kind,
      fromTurn: p.orderedOnTurn,
    });
    if (p.holds) scheduleLapse(ctx, p.key, moved, p.holds, p.orderedOnTurn, p.cause);
  }
}
