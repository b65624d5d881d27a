// The event phase: scheduled events on their turn, events a facilitator injected, then the
// conditional ones, each rolling its chance (logged) while its condition holds.
import { chanceOf, holds } from '../conditions';
import { applyChange, roll, type TurnContext } from '../ledger';
import type { GameEvent } from '../scenario/types';
import { tensionPush } from '../rules';
import { applyEffects, applyRoll } from './effects';

export function runEvents(ctx: TurnContext): void {
  const { sc, state } = ctx;
  for (const event of sc.scenario.events) {
    if (state.injected.includes(event.id)) {
      happen(ctx, event);
      continue;
    }
    if (!event.repeatable && state.happened[event.id] !== undefined) continue;
    if (event.turn !== undefined) {
      if (event.turn === state.turn && holds(sc, state, event.when)) happen(ctx, event);
      continue;
    }
    if (!holds(sc, state, event.when)) continue;
    const chance = event.chance ? chanceOf(event.chance, state.vars) : 100;
    if (roll(ctx, chance, { label: `${event.name} happens`, event: event.id })) happen(ctx, event);
  }
}

function happen(ctx: TurnContext, event: GameEvent): void {
  const { state, report } = ctx;
  const cause = { kind: 'event' as const, event: event.id };
  state.happened[event.id] = state.turn;
  report.events.push(event.id);
  report.escalationScore += event.escalationClass;
  report.goldsteinSum += Math.round(event.goldstein * 10);
  applyChange(ctx, ctx.sc.scenario.mechanics.tension, tensionPush(ctx.sc.rules, event), {
    kind: 'rule',
    rule: 'tension',
    event: event.id,
  });
  applyEffects(ctx, event.effects, cause);
  if (event.roll) applyRoll(ctx, event.roll, cause);
}
