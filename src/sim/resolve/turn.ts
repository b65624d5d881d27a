// Resolves a turn once every human role has given its orders. The order is fixed and documented:
//  1. the computer chooses orders for the roles it plays (from the same information as the humans)
//  2. every role pays political capital for its orders
//  3. orders take effect track by track (diplomacy, sanctions, deterrence), roles in scenario order
//  4. pending effects whose time has come land
//  5. reactions: pre-agreed sanctions fire when the challenger goes to war; red lines are tested
//  6. events: scheduled, injected by a facilitator, then conditional ones by chance
//  7. drift and slow dynamics (sanctions bite, visible disunity erodes credibility)
//  8. assessment: endings; then income and the next turn
import { current, isDraft } from 'immer';
import { chooseOrders } from '../ai';
import { addDays } from '../calendar';
import { currentRung } from '../conditions';
import { applyChange, CAPITAL_PREFIX, type TurnContext } from '../ledger';
import type { Rng } from '../rng';
import type { CompiledScenario } from '../scenario/compile';
import { TRACKS, type Action } from '../scenario/types';
import type { Cause, GameState, TurnReport } from '../state';
import { signalCredibility, tensionPush, warStageOf } from '../rules';
import { applyEffects, applyRoll, landPending } from './effects';
import { runEvents } from './events';
import { checkEndings } from './endings';

export function resolveTurn(sc: CompiledScenario, state: GameState, rng: Rng): void {
  if (isDraft(state)) {
    // Under immer every read of a draft goes through a proxy, and a turn reads thousands of
    // values: resolve it on a plain working copy of the parts it changes, then write those back
    // in one go. The phases are the same code on both paths.
    const work = workingCopy(current(state));
    resolvePhases(sc, work, rng);
    Object.assign(state, work);
    return;
  }
  resolvePhases(sc, state, rng);
}

/** A plain state whose changeable parts are fresh copies; the rest is shared, read-only. */
function workingCopy(base: GameState): GameState {
  const intel: GameState['intel'] = {};
  for (const role in base.intel) intel[role] = { ...base.intel[role]! };
  return {
    ...base,
    vars: { ...base.vars },
    capital: { ...base.capital },
    taken: { ...base.taken },
    happened: { ...base.happened },
    pending: [...base.pending],
    reports: [...base.reports],
    intel,
  };
}

function resolvePhases(sc: CompiledScenario, state: GameState, rng: Rng): void {
  const rungBefore = currentRung(sc, state);
  const report: TurnReport = {
    turn: state.turn,
    date: addDays(sc.scenario.startDate, (state.turn - 1) * sc.scenario.daysPerTurn),
    orders: [],
    ai: [],
    rolls: [],
    events: [],
    injected: [...state.injected],
    changes: [],
    escalationScore: 0,
    goldsteinSum: 0,
    rungBefore,
    rungAfter: rungBefore,
  };
  const ctx: TurnContext = { sc, state, rng, report };

  const orders = gatherOrders(ctx);
  payCapital(ctx, orders);
  const warStageBefore = warStageOf(sc, state);
  for (const track of TRACKS) {
    for (const { role, actions } of orders) {
      for (const action of actions) if (action.track === track) takeAction(ctx, role, action);
    }
  }
  landPending(ctx);
  react(ctx, orders, warStageBefore);
  runEvents(ctx);
  drift(ctx);

  report.rungAfter = currentRung(sc, state);
  const ending = checkEndings(sc, state);
  if (!ending) payIncome(ctx);
  state.reports.push(report);
  state.submitted = {};
  state.injected = [];
  if (ending) {
    state.ending = ending;
    state.phase = 'over';
  } else {
    state.turn += 1;
  }
}

interface RoleOrders {
  role: string;
  actions: Action[];
}

function gatherOrders(ctx: TurnContext): RoleOrders[] {
  const { sc, state, report } = ctx;
  const out: RoleOrders[] = [];
  for (const role of sc.roleOrder) {
    let ids: string[];
    const human = state.humans.includes(role);
    if (human) {
      const submission = state.submitted[role];
      ids = submission ? [...submission.actions] : [];
      report.orders.push({
        role,
        actions: ids,
        byAi: false,
        ...(submission?.rationale ? { rationale: submission.rationale } : {}),
      });
    } else {
      const choice = chooseOrders(sc, state, role, ctx.rng);
      ids = choice.actions;
      report.ai.push(choice.decision);
      report.orders.push({ role, actions: ids, byAi: true });
    }
    out.push({ role, actions: ids.map((id) => sc.actions[id]!) });
  }
  return out;
}

function payCapital(ctx: TurnContext, orders: readonly RoleOrders[]): void {
  for (const { role, actions } of orders) {
    for (const action of actions) {
      const cause = { kind: 'rule' as const, rule: 'spent' as const, role, action: action.id };
      applyChange(ctx, CAPITAL_PREFIX + role, -action.cost, cause);
    }
  }
}

function takeAction(ctx: TurnContext, role: string, action: Action): void {
  const { sc, state, report } = ctx;
  const m = sc.scenario.mechanics;
  const id = action.id;
  const cause: Cause = { kind: 'action', role, action: id };
  state.taken[id] = state.turn;
  report.escalationScore += action.escalationClass;
  report.goldsteinSum += Math.round(action.goldstein * 10);
  const push = tensionPush(sc.rules, action);
  if (push !== 0)
    applyChange(ctx, m.tension, push, { kind: 'rule', rule: 'tension', role, action: id });
  if (sc.roles[role]!.side === m.deterrer.side) {
    const credibility = signalCredibility(
      sc.rules,
      action.signal,
      state.vars[m.deterrer.credibility] ?? 0,
    );
    if (credibility !== 0) {
      applyChange(ctx, m.deterrer.credibility, credibility, {
        kind: 'rule',
        rule: 'signal',
        role,
        action: id,
      });
    }
    if (action.redLine && !state.redLines.some((r) => r.role === role)) {
      state.redLines = [...state.redLines, { role, action: id, turn: state.turn }];
    }
  }
  if (action.warStage !== undefined) {
    applyChange(ctx, m.warStage, action.warStage - warStageOf(sc, state), cause);
  }
  applyEffects(ctx, action.effects, cause, role);
  if (action.roll) applyRoll(ctx, action.roll, cause, role);
}

function react(ctx: TurnContext, orders: readonly RoleOrders[], warStageBefore: number): void {
  const { sc, state } = ctx;
  const m = sc.scenario.mechanics;
  const vars = state.vars;
  const warStage = warStageOf(sc, state);
  if (warStage > warStageBefore) {
    // Pre-agreed packages fire automatically: the costly part of a prepared threat.
    const prepared = vars[m.sanctions.prepared] ?? 0;
    const imposed = vars[m.sanctions.imposed] ?? 0;
    const fire = warStage >= 2 ? prepared - imposed : Math.min(1, prepared - imposed);
    if (fire > 0) applyChange(ctx, m.sanctions.imposed, fire, { kind: 'rule', rule: 'snapback' });
    if (warStage >= 2)
      applyChange(ctx, m.deterrer.cohesion, sc.rules.rally, { kind: 'rule', rule: 'rally' });
  }

  // Red lines are tested when the challenger climbs a war stage: prepared sanctions firing or a costly
  // answer the same turn back them; otherwise the role that drew them pays audience costs.
  if (warStage <= warStageBefore) return;
  const snapback = (vars[m.sanctions.imposed] ?? 0) > 0 && (vars[m.sanctions.prepared] ?? 0) > 0;
  for (const line of state.redLines) {
    const answered =
      snapback ||
      orders.some((o) => o.role === line.role && o.actions.some((a) => a.signal === 'costly'));
    const cause = { role: line.role, action: line.action };
    if (answered) {
      applyChange(ctx, m.deterrer.credibility, sc.rules.redLineBacked, {
        ...cause,
        kind: 'rule',
        rule: 'redLineBacked',
      });
    } else {
      const broken: Cause = { ...cause, kind: 'rule', rule: 'redLineBroken' };
      applyChange(ctx, m.deterrer.credibility, -sc.rules.audienceCost, broken);
      const support = m.deterrer.support?.[line.role];
      if (support) applyChange(ctx, support, -sc.rules.audienceCost, broken);
    }
  }
}

function drift(ctx: TurnContext): void {
  const { sc, state } = ctx;
  const m = sc.scenario.mechanics;
  const vars = state.vars;
  for (const v of sc.scenario.variables) {
    if (!v.drift) continue;
    const value = vars[v.id] ?? v.initial;
    const step = Math.trunc(((v.drift.target - value) * v.drift.tenths) / 10);
    applyChange(ctx, v.id, step, { kind: 'drift' });
  }
  const bite = (vars[m.sanctions.imposed] ?? 0) * sc.rules.sanctionsBite;
  applyChange(ctx, m.sanctions.erodes, -bite, { kind: 'rule', rule: 'sanctionsBite' });
  const cohesion = vars[m.deterrer.cohesion] ?? 50;
  const { disunityBelow, disunityPer } = sc.rules;
  if (cohesion < disunityBelow) {
    const loss = -Math.trunc((disunityBelow - cohesion) / disunityPer);
    applyChange(ctx, m.deterrer.credibility, loss, { kind: 'rule', rule: 'disunity' });
  }
}

/** Next turn's political capital, recorded in this turn's report so its changes add up. */
function payIncome(ctx: TurnContext): void {
  for (const role of ctx.sc.roleOrder) {
    const cause = { kind: 'rule' as const, rule: 'income' as const, role };
    applyChange(ctx, CAPITAL_PREFIX + role, ctx.sc.roles[role]!.capital.perTurn, cause);
  }
}
