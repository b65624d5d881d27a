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
import { chooseOrdersOn } from '../ai';
import { addDays } from '../calendar';
import { applyChange, type TurnContext } from '../ledger';
import type { Rng } from '../rng';
import type { CompiledScenario } from '../scenario/compile';
import { shared, type ActionRow } from '../scenario/tables';
import { TRACKS } from '../scenario/types';
import type { Cause, GameState, TurnReport } from '../state';
import { signalCredibility } from '../rules';
import { loadWork, markTaken, read, rungOn, storeWork, type Work } from '../work';
import { applyEffects, applyRoll, landPending } from './effects';
import { runEvents } from './events';
import { checkEndings } from './endings';

/**
 * Resolves the turn; `work` is the working form of a plain `state`, when its caller keeps one (and
 * writes it back into `state` when it needs to: see plainGame).
 */
export function resolveTurn(sc: CompiledScenario, state: GameState, rng: Rng, work?: Work): void {
  if (isDraft(state)) {
    // Under immer every read of a draft goes through a proxy, and a turn reads thousands of
    // values: resolve it on a plain working copy of the parts it changes, then write those back
    // in one go. The phases are the same code on both paths. What the turn made is frozen here,
    // as immer would freeze it on leaving `produce`, so immer finds it frozen and need not walk it.
    const base = current(state);
    const work = workingCopy(base);
    resolvePhases(sc, work, rng);
    for (const key of Object.keys(work) as (keyof GameState)[])
      if (work[key] !== base[key]) deepFreeze(work[key]);
    Object.assign(state, work);
    return;
  }
  resolvePhases(sc, state, rng, work);
}

/** Freezes a value and everything in it not frozen yet (what immer's `produce` does to new values). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  // `for in`, not Object.values: no array made for each of the turn's hundreds of new objects.
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
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

/**
 * The turn's phases on the working form of `state`: `kept`, or one read for the turn and written
 * back into `state` at its end.
 */
function resolvePhases(sc: CompiledScenario, state: GameState, rng: Rng, kept?: Work): void {
  const work = kept ?? loadWork(sc, state);
  const rungBefore = rungOn(work);
  const report: TurnReport = {
    turn: state.turn,
    date:
      work.tables.turnDates[state.turn - 1] ??
      addDays(sc.scenario.startDate, (state.turn - 1) * sc.scenario.daysPerTurn),
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
  const ctx: TurnContext = { sc, state, work, rng, report };

  const orders = gatherOrders(ctx);
  payCapital(ctx, orders);
  const warStageBefore = warStageNow(ctx);
  for (let track = 0; track < TRACKS.length; track++) {
    for (const { role, actions } of orders) {
      for (const row of actions) if (row.track === track) takeAction(ctx, role, row);
    }
  }
  landPending(ctx);
  react(ctx, orders, warStageBefore);
  runEvents(ctx);
  drift(ctx);

  report.rungAfter = rungOn(work);
  const ending = checkEndings(work);
  if (!ending) payIncome(ctx);
  if (!kept) storeWork(work);
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
  /** Its index in the tables. */
  roleIndex: number;
  actions: ActionRow[];
}

function warStageNow(ctx: TurnContext): number {
  return read(ctx.work, ctx.work.tables.mechanics.warStage, 0);
}

function gatherOrders(ctx: TurnContext): RoleOrders[] {
  const { state, report, work } = ctx;
  const t = work.tables;
  const out: RoleOrders[] = [];
  for (let roleIndex = 0; roleIndex < t.roleIds.length; roleIndex++) {
    const role = t.roleIds[roleIndex]!;
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
      const choice = chooseOrdersOn(work, role, ctx.rng);
      ids = choice.actions;
      report.ai.push(choice.decision);
      report.orders.push({ role, actions: ids, byAi: true });
    }
    const actions: ActionRow[] = [];
    for (const id of ids) actions.push(t.actions[t.actionOf[id]!]!);
    out.push({ role, roleIndex, actions });
  }
  return out;
}

function payCapital(ctx: TurnContext, orders: readonly RoleOrders[]): void {
  const t = ctx.work.tables;
  for (const { roleIndex, actions } of orders) {
    for (const row of actions)
      applyChange(ctx, t.variableCount + roleIndex, -row.cost, row.causes.spent);
  }
}

function takeAction(ctx: TurnContext, role: string, row: ActionRow): void {
  const { sc, state, report, work } = ctx;
  const m = work.tables.mechanics;
  const id = row.id;
  const cause = row.causes.action;
  markTaken(work, row.index, state.turn);
  report.escalationScore += row.escalationClass;
  report.goldsteinSum += row.goldstein;
  if (row.tensionPush !== 0) applyChange(ctx, m.tension, row.tensionPush, row.causes.tension);
  if (row.byDeterrer) {
    const credibility = signalCredibility(
      sc.rules,
      row.action.signal,
      read(work, m.credibility, 0),
    );
    if (credibility !== 0) applyChange(ctx, m.credibility, credibility, row.causes.signal);
    if (row.redLine && !state.redLines.some((r) => r.role === role)) {
      state.redLines = [...state.redLines, { role, action: id, turn: state.turn }];
    }
  }
  if (row.warStage !== undefined) {
    applyChange(ctx, m.warStage, row.warStage - warStageNow(ctx), cause);
  }
  applyEffects(ctx, row.effects, cause, role);
  if (row.roll) applyRoll(ctx, row.roll, cause, role);
}

/** The causes of the rules' own changes, made once (see `shared`). */
const SNAPBACK = shared({ kind: 'rule', rule: 'snapback' });
const RALLY = shared({ kind: 'rule', rule: 'rally' });
const DRIFT = shared({ kind: 'drift' });
const SANCTIONS_BITE = shared({ kind: 'rule', rule: 'sanctionsBite' });
const DISUNITY = shared({ kind: 'rule', rule: 'disunity' });

function react(ctx: TurnContext, orders: readonly RoleOrders[], warStageBefore: number): void {
  const { sc, state, work } = ctx;
  const m = work.tables.mechanics;
  const warStage = warStageNow(ctx);
  if (warStage > warStageBefore) {
    // Pre-agreed packages fire automatically: the costly part of a prepared threat.
    const prepared = read(work, m.prepared, 0);
    const imposed = read(work, m.imposed, 0);
    const fire = warStage >= 2 ? prepared - imposed : Math.min(1, prepared - imposed);
    if (fire > 0) applyChange(ctx, m.imposed, fire, SNAPBACK);
    if (warStage >= 2) applyChange(ctx, m.cohesion, sc.rules.rally, RALLY);
  }

  // Red lines are tested when the challenger climbs a war stage: prepared sanctions firing or a costly
  // answer the same turn back them; otherwise the role that drew them pays audience costs.
  if (warStage <= warStageBefore) return;
  const snapback = read(work, m.imposed, 0) > 0 && read(work, m.prepared, 0) > 0;
  for (const line of state.redLines) {
    const answered =
      snapback ||
      orders.some((o) => o.role === line.role && o.actions.some((a) => a.signal === 'costly'));
    const cause = { role: line.role, action: line.action };
    if (answered) {
      applyChange(ctx, m.credibility, sc.rules.redLineBacked, {
        ...cause,
        kind: 'rule',
        rule: 'redLineBacked',
      });
    } else {
      const broken: Cause = { ...cause, kind: 'rule', rule: 'redLineBroken' };
      applyChange(ctx, m.credibility, -sc.rules.audienceCost, broken);
      const roleIndex = work.tables.roleOf[line.role];
      const support = roleIndex === undefined ? -1 : m.support[roleIndex]!;
      if (support >= 0) applyChange(ctx, support, -sc.rules.audienceCost, broken);
    }
  }
}

function drift(ctx: TurnContext): void {
  const { sc, work } = ctx;
  const m = work.tables.mechanics;
  for (const d of work.tables.drift) {
    const value = read(work, d.slot, d.initial);
    const step = Math.trunc(((d.target - value) * d.tenths) / 10);
    applyChange(ctx, d.slot, step, DRIFT);
  }
  const bite = read(work, m.imposed, 0) * sc.rules.sanctionsBite;
  applyChange(ctx, m.erodes, -bite, SANCTIONS_BITE);
  const cohesion = read(work, m.cohesion, 50);
  const { disunityBelow, disunityPer } = sc.rules;
  if (cohesion < disunityBelow) {
    const loss = -Math.trunc((disunityBelow - cohesion) / disunityPer);
    applyChange(ctx, m.credibility, loss, DISUNITY);
  }
}

/** Next turn's political capital, recorded in this turn's report so its changes add up. */
function payIncome(ctx: TurnContext): void {
  const t = ctx.work.tables;
  for (let roleIndex = 0; roleIndex < t.roleIds.length; roleIndex++) {
    const perTurn = ctx.sc.roles[t.roleIds[roleIndex]!]!.capital.perTurn;
    applyChange(ctx, t.variableCount + roleIndex, perTurn, t.incomeCauses[roleIndex]!);
  }
}
