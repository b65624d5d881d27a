// The computer's choice of orders for a role it plays. Each legal option gets a score, the sum of
// named terms in tenths of a point (the value of its effects to the role, capital spent,
// escalation risk, face, offers on the table, the war calculus, seeded noise); the best
// affordable options with a positive score are taken. The terms of the chosen options and of the
// next best are logged so the debrief can say why.
//
// What does not depend on the state (the value of an action's certain effects to its role) is
// computed once per scenario; a turn only adds the terms that do.
import { heldValue } from './action-values';
import { chanceOf } from './conditions';
import type { CompiledScenario } from './scenario/compile';
import type { Action, Condition, Role } from './scenario/types';
import type { AiDecision, AiOption, AiTerm, GameState } from './state';
import type { Rng } from './rng';
import { isAvailable, lockReason, warStageOf } from './rules';

const LOGGED_ALTERNATIVES = 2;
/**
 * The seeded random term as the log has always named it (it is part of recorded states); players
 * read it as "other considerations" (selectors.ts).
 */
export const NOISE_TERM = 'unpredictability';
export interface AiChoice {
  actions: string[];
  decision: AiDecision;
}

interface Scored {
  action: Action;
  score: number;
  noise: number;
  index: number;
}

export function chooseOrders(
  sc: CompiledScenario,
  state: GameState,
  roleId: string,
  rng: Rng,
): AiChoice {
  const role = sc.roles[roleId]!;
  const options: Scored[] = [];
  const blocked: Action[] = [];
  const actions = sc.actionsByRole[roleId]!;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (!isAvailable(sc, state, action)) {
      if (action.ai?.kind === 'war') blocked.push(action);
      continue;
    }
    const noise = rng.below(role.ai.noise + 1);
    const score = scoreAction(sc, state, role, action, null) + noise;
    options.push({ action, score, noise, index });
  }
  options.sort((a, b) => b.score - a.score || a.index - b.index);

  const chosen: Scored[] = [];
  const rest: Scored[] = [];
  let capital = state.capital[roleId] ?? 0;
  for (const option of options) {
    const fits =
      option.score > 0 && chosen.length < role.maxActionsPerTurn && option.action.cost <= capital;
    if (fits) {
      chosen.push(option);
      capital -= option.action.cost;
    } else if (rest.length < LOGGED_ALTERNATIVES) {
      rest.push(option);
    }
  }

  const considered: AiOption[] = [];
  for (const o of [...chosen, ...rest]) {
    const terms: AiTerm[] = [];
    scoreAction(sc, state, role, o.action, terms);
    if (o.noise !== 0) terms.push({ term: NOISE_TERM, value: o.noise });
    considered.push({ action: o.action.id, score: o.score, terms });
  }
  // A hard gate is worth logging when it stopped a move the AI would otherwise have wanted.
  for (const action of blocked) {
    if (scoreAction(sc, state, role, action, null) <= 0) continue;
    const terms: AiTerm[] = [];
    const score = scoreAction(sc, state, role, action, terms);
    considered.push({
      action: action.id,
      score,
      terms,
      blocked: lockReason(sc, state, action) ?? '',
    });
  }
  const ids = chosen.map((o) => o.action.id);
  return { actions: ids, decision: { role: roleId, chosen: ids, considered } };
}

/** Adds a named term to `terms` when given; returns the value, for summing. */
function term(terms: AiTerm[] | null, name: string, value: number): number {
  if (terms && value !== 0) terms.push({ term: name, value });
  return value;
}

/** The risk of escalating, in tenths: the act's escalation class, the role's aversion, the tension. */
function escalationRisk(
  sc: CompiledScenario,
  state: GameState,
  role: Role,
  action: Action,
): number {
  const rules = sc.rules;
  const tension = (state.vars[sc.scenario.mechanics.tension] ?? 0) + rules.escalationRiskOffset;
  return -Math.trunc(
    (action.escalationClass * role.ai.escalationAversion * tension) / rules.escalationRiskPer,
  );
}

/** The score of one option in tenths, without noise; fills `terms` when given. */
export function scoreAction(
  sc: CompiledScenario,
  state: GameState,
  role: Role,
  action: Action,
  terms: AiTerm[] | null,
): number {
  const fixed = sc.actionValues[action.id]!;
  let total = fixed.fixed;
  if (terms) {
    terms.push(...fixed.effectTerms);
    term(terms, 'political capital spent', -action.cost * role.ai.capitalValue);
    term(terms, 'standing preference', (action.ai?.bias ?? 0) * 10);
  }
  if (action.roll) {
    const chance = chanceOf(action.roll.chance, state.vars);
    const expected = Math.trunc(
      (chance * fixed.rollSuccess + (100 - chance) * fixed.rollFailure) / 100,
    );
    total += expected;
    if (terms && expected !== 0) {
      terms.push({
        term: `expected result of "${action.roll.label}" (${chance}%)`,
        value: expected,
      });
    }
  }
  total += term(terms, 'escalation risk', escalationRisk(sc, state, role, action));
  switch (action.ai?.kind) {
    case 'war':
      total += warCalculus(sc, state, action.warStage ?? 1, terms);
      if (sc.rules.lookAheadTurns > 0) total += lookAhead(sc, state, role, action, terms);
      break;
    case 'offer':
      total += term(terms, 'value of the offers on the table', offerValue(sc, state, role));
      break;
    case 'backdown':
      total += backdownCalculus(sc, state, terms);
      break;
    case 'buildup':
      total += buildupValue(sc, state, terms);
      break;
  }
  return total;
}

/** The challenger's chance of a quick win as it sees it, in percent. */
export function quickWinChance(sc: CompiledScenario, state: GameState): number {
  const v = state.vars;
  const r = sc.rules;
  const q = sc.scenario.mechanics.quickWin;
  const p =
    state.hidden.quickWinBelief +
    Math.trunc(
      ((v[q.forces] ?? r.quickWinForcesPivot) - r.quickWinForcesPivot) / r.quickWinForcesPer,
    ) +
    Math.trunc(((v[q.preparation] ?? 0) - r.quickWinReadinessPivot) / r.quickWinReadinessPer) +
    Math.trunc((v[q.allied] ?? 0) / r.quickWinBelarusPer) -
    Math.trunc(
      ((v[q.defender] ?? r.quickWinUkrainePivot) - r.quickWinUkrainePivot) / r.quickWinUkrainePer,
    );
  return Math.max(0, Math.min(r.quickWinMax, p));
}

/**
 * Keeping the military option open: worth more the more the challenger wants its demands met
 * (resolve), and, as the security dilemma has it, the more the deterrer arms the defender and
 * reinforces its flank (the mechanics name both); progress toward a deal reassures and makes it
 * worth less.
 */
function buildupValue(sc: CompiledScenario, state: GameState, terms: AiTerm[] | null): number {
  const r = sc.rules;
  const m = sc.scenario.mechanics;
  const v = state.vars;
  const above = (key: string) => Math.max(0, (v[key] ?? 0) - (sc.variables[key]?.initial ?? 0));
  return (
    term(
      terms,
      'keeping the military option open',
      Math.trunc(((state.hidden.resolve - r.buildupResolvePivot) * r.buildupPerResolve) / 3),
    ) +
    term(
      terms,
      m.terms.securityDilemma,
      Math.trunc(
        (above(m.securityDilemma.flank) * r.buildupPerFlank +
          above(m.securityDilemma.defender) * r.buildupPerUkraine) /
          10,
      ),
    ) +
    term(
      terms,
      'reassured by progress in talks',
      -Math.trunc((heldValue(r, state, m.bargaining.progress) * r.buildupPerDeal) / 10),
    )
  );
}

/** Fearon's expected value of war: chance of a quick win times what is at stake, less the expected costs. */
function warCalculus(
  sc: CompiledScenario,
  state: GameState,
  stage: number,
  terms: AiTerm[] | null,
  warStage = warStageOf(sc, state),
): number {
  const r = sc.rules;
  const m = sc.scenario.mechanics;
  const v = state.vars;
  const { resolve, costTolerance } = state.hidden;
  const p = stage === 1 ? 100 : quickWinChance(sc, state);
  const gain = Math.trunc((resolve * p * r.warStageGain[stage]!) / 100);
  const threatened =
    r.threatBase +
    r.threatPerTier * Math.max(v[m.sanctions.prepared] ?? 0, v[m.sanctions.imposed] ?? 0);
  const credible = Math.trunc((threatened * (v[m.deterrer.credibility] ?? 0)) / 100);
  const felt = Math.trunc(
    (credible * (100 + r.sanctionsFeltAbove - costTolerance) * r.warStageCost[stage]!) / 100,
  );
  const fighting =
    stage >= 2 ? Math.trunc(((v[m.quickWin.defender] ?? 0) * stage * 10) / r.fightingPer) : 0;
  const onTable = heldValue(r, state, m.bargaining.progress);
  const forfeited = Math.trunc((onTable * (100 - resolve)) / r.offersForfeitedPer);
  const unprepared = stage >= 2 && warStage < 1 ? r.noPretextCost : 0;
  return (
    term(terms, 'expected gain (chance of a quick win × resolve)', gain) +
    term(terms, 'expected cost of sanctions (threat × credibility)', -felt) +
    term(terms, m.terms.fighting, -fighting) +
    term(terms, 'offers forfeited', -forfeited) +
    term(terms, m.terms.noPretext, -unprepared)
  );
}

/** The war stage each gated condition of `cond` waits for: `var ≥ n` and `turn ≥ n` parts of an `all`. */
function gatesOf(cond: Condition | undefined): { var: string | null; atLeast: number }[] {
  if (!cond) return [];
  if ('all' in cond) return cond.all.flatMap(gatesOf);
  if ('var' in cond && 'gte' in cond && cond.gte !== undefined)
    return [{ var: cond.var, atLeast: cond.gte }];
  if ('turnGte' in cond && cond.turnGte !== undefined)
    return [{ var: null, atLeast: cond.turnGte }];
  return [];
}

/**
 * Turns until `action`'s gates could open if the role kept building up (each turn adding what its
 * build-up actions add); null when a gate cannot be reached that way.
 */
function turnsToReach(sc: CompiledScenario, state: GameState, action: Action): number | null {
  let turns = 0;
  for (const gate of gatesOf(action.requires)) {
    const now = gate.var === null ? state.turn : (state.vars[gate.var] ?? 0);
    const short = gate.atLeast - now;
    if (short <= 0) continue;
    const rate = gate.var === null ? 1 : buildupRate(sc, action.role, gate.var);
    if (rate <= 0) return null;
    turns = Math.max(turns, Math.trunc((short + rate - 1) / rate));
  }
  return turns;
}

const rates = new WeakMap<CompiledScenario, Map<string, number>>();

/** What a role's build-up actions add to a variable in a turn, all taken together. */
function buildupRate(sc: CompiledScenario, role: string, key: string): number {
  let byKey = rates.get(sc);
  if (!byKey) rates.set(sc, (byKey = new Map()));
  const id = `${role}\u0000${key}`;
  let rate = byKey.get(id);
  if (rate === undefined) {
    rate = 0;
    for (const a of sc.actionsByRole[role] ?? []) {
      if (a.ai?.kind !== 'buildup') continue;
      for (const e of a.effects) if ('var' in e && e.var === key && e.amount > 0) rate += e.amount;
    }
    byKey.set(id, rate);
  }
  return rate;
}

/**
 * Looking ahead: a larger war whose gates open within the rule's horizon is worth its value,
 * discounted per turn of waiting. A smaller war that would end the game first gives it up (the
 * difference is a cost); recognition, which prepares the pretext, keeps it open.
 */
function lookAhead(
  sc: CompiledScenario,
  state: GameState,
  role: Role,
  action: Action,
  terms: AiTerm[] | null,
): number {
  const stage = action.warStage ?? 1;
  let best = 0;
  for (const larger of sc.actionsByRole[role.id] ?? []) {
    if (larger.ai?.kind !== 'war' || (larger.warStage ?? 1) <= stage) continue;
    if (state.taken[larger.id] !== undefined) continue;
    const wait = turnsToReach(sc, state, larger);
    if (wait === null || wait > sc.rules.lookAheadTurns) continue;
    // Valued as if this step had been taken: recognition first means a war with a pretext.
    let value = warCalculus(
      sc,
      state,
      larger.warStage ?? 1,
      null,
      Math.max(stage, warStageOf(sc, state)),
    );
    value += escalationRisk(sc, state, role, larger);
    for (let i = 0; i < wait; i++) value = Math.trunc((value * sc.rules.lookAheadDiscount) / 100);
    best = Math.max(best, value);
  }
  if (best <= 0) return 0;
  if (stage >= 2) {
    const own = warCalculus(sc, state, stage, null);
    return term(terms, 'gives up a larger war within reach', -Math.max(0, best - own));
  }
  // Recognition: worth what the larger war gains by having its pretext prepared.
  return term(
    terms,
    'prepares the pretext for a larger war within reach',
    Math.trunc((best * sc.rules.pretextShare) / 100),
  );
}

function offerValue(sc: CompiledScenario, state: GameState, role: Role): number {
  const rules = sc.rules;
  const { progress, channels } = sc.scenario.mechanics.bargaining;
  const onTable = heldValue(rules, state, progress) + heldValue(rules, state, channels);
  if (!role.estimatesIntent) return Math.trunc(onTable / rules.offerValuePer);
  // The West weighs an offer by how open it believes Russia is to a deal (its estimate of resolve).
  const estimate = state.intel[role.id]?.resolve;
  const believedResolve = estimate ? Math.trunc((estimate.low + estimate.high) / 2) : 50;
  return Math.trunc((onTable * (100 - believedResolve)) / 100);
}

function backdownCalculus(sc: CompiledScenario, state: GameState, terms: AiTerm[] | null): number {
  const rules = sc.rules;
  const m = sc.scenario.mechanics;
  const v = state.vars;
  const { resolve, costTolerance } = state.hidden;
  return (
    term(terms, 'loss of face', -Math.trunc(((v[m.challenger.face] ?? 50) * resolve) / 100)) +
    term(
      terms,
      'sanctions it avoids',
      Math.trunc(
        ((v[m.deterrer.credibility] ?? 0) * (100 - costTolerance)) / rules.backdownSanctionsPer,
      ),
    ) +
    term(
      terms,
      'value of the offers on the table',
      Math.trunc(
        (heldValue(rules, state, m.bargaining.progress) * (100 - resolve)) /
          rules.backdownOffersPer,
      ),
    )
  );
}
