// The event phase: scheduled events on their turn, events a facilitator injected, then the
// conditional ones, each rolling its chance (logged) while its condition holds.
import { applyChange, roll, type TurnContext } from '../ledger';
import type { EventRow } from '../scenario/tables';
import { chanceOn, markHappened } from '../work';
import { applyEffects, applyRoll } from './effects';

export function runEvents(ctx: TurnContext): void {
  const { state, work } = ctx;
  const injected = state.injected;
  for (const row of work.tables.events) {
    if (injected.length > 0 && injected.includes(row.id)) {
      happen(ctx, row);
      continue;
    }
    const happened = work.happened[row.index]!;
    if (!row.repeatable && happened === happened) continue;
    if (row.turn !== undefined) {
      if (row.turn === state.turn && (!row.when || row.when(work))) happen(ctx, row);
      continue;
    }
    if (row.when && !row.when(work)) continue;
    const chance = row.chance ? chanceOn(work, row.chance) : 100;
    if (roll(ctx, chance, row.label, undefined, undefined, row.id)) happen(ctx, row);
  }
}

function happen(ctx: TurnContext, row: EventRow): void {
  const { state, report } = ctx;
  const cause = row.causes.event;
  markHappened(ctx.work, row.index, state.turn);
  report.events.push(row.id);
  report.escalationScore += row.escalationClass;
  report.goldsteinSum += row.goldstein;
  applyChange(ctx, ctx.work.tables.mechanics.tension, row.tensionPush, row.causes.tension);
  applyEffects(ctx, row.effects, cause);
  if (row.roll) applyRoll(ctx, row.roll, cause);
}
