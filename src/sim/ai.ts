// The computer's choice of orders for a role it plays. Each legal option gets a score, the sum of
// named terms in tenths of a point (gain, cost, escalation risk, face, offers, the war calculus,
// seeded noise); the best affordable options with a positive score are taken. The terms of the
// chosen options and of the next best are logged so the debrief can say why.
import { chanceOf } from './conditions';
import type { CompiledScenario } from './scenario/compile';
import type { Action, Effect, Role } from './scenario/types';
import type { AiDecision, AiOption, AiTerm, GameState } from './state';
import type { Rng } from './rng';
import { lockReason, SIGNAL_CREDIBILITY, tensionPush } from './rules';

const LOGGED_ALTERNATIVES = 2;

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
  const actions = sc.actionsByRole[roleId] ?? [];
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (lockReason(sc, state, action) !== null) {
      if (action.ai?.kind === 'war') blocked.push(action);
      continue;
    }
    const noise = rng.below(role.ai.noise + 1);
    options.push({
      action,
      score: scoreAction(sc, state, role, action, null) + noise,
      noise,
      index,
    });
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

  const considered: AiOption[] = [...chosen, ...rest].map((o) => explain(sc, state, role, o));
  for (const action of blocked) {
    const terms: AiTerm[] = [];
    const score = scoreAction(sc, state, role, action, terms);
    considered.push({
      action: action.id,
      score,
      terms,
      blocked: lockReason(sc, state, action) ?? '',
    });
  }
  return {
    actions: chosen.map((o) => o.action.id),
    decision: { role: roleId, chosen: chosen.map((o) => o.action.id), considered },
  };
}

function explain(sc: CompiledScenario, state: GameState, role: Role, option: Scored): AiOption {
  const terms: AiTerm[] = [];
  scoreAction(sc, state, role, option.action, terms);
  if (option.noise !== 0) terms.push({ term: 'unpredictability', value: option.noise });
  return { action: option.action.id, score: option.score, terms };
}

/** The score of one option in tenths, without noise; fills `terms` when given. */
export function scoreAction(
  sc: CompiledScenario,
  state: GameState,
  role: Role,
  action: Action,
  terms: AiTerm[] | null,
): number {
  const values = role.ai.values;
  const vars = state.vars;
  let total = 0;
  const add = (term: string, value: number) => {
    if (value === 0) return;
    total += value;
    terms?.push({ term, value });
  };

  const gains: Record<string, number> = {};
  addEffects(gains, action.effects, 100, role);
  if (action.roll) {
    const chance = chanceOf(action.roll.chance, vars);
    addEffects(gains, action.roll.success, chance, role);
    addEffects(gains, action.roll.failure, 100 - chance, role);
  }
  gains.tension = (gains.tension ?? 0) + tensionPush(action) * 100;
  if (role.side === 'west') {
    gains.deterrenceCredibility =
      (gains.deterrenceCredibility ?? 0) + SIGNAL_CREDIBILITY[action.signal] * 100;
  }
  for (const key in gains) {
    const value = Math.trunc(((values[key] ?? 0) * gains[key]!) / 100);
    add(
      key === 'intel' ? 'better intelligence' : `effect on ${sc.variables[key]?.name ?? key}`,
      value,
    );
  }

  add('political capital spent', -action.cost * role.ai.capitalValue);
  const tension = vars.tension ?? 0;
  add(
    'escalation risk',
    -Math.trunc((action.escalationClass * role.ai.escalationAversion * (tension + 20)) / 120),
  );
  if (action.ai?.bias) add('standing preference', action.ai.bias * 10);

  switch (action.ai?.kind) {
    case 'war':
      warCalculus(state, action.warStage ?? 1, add);
      break;
    case 'offer':
      add('value of the offers on the table', offerValue(state, role));
      break;
    case 'backdown':
      backdownCalculus(state, add);
      break;
  }
  return total;
}

function addEffects(
  gains: Record<string, number>,
  effects: readonly Effect[],
  weight: number,
  role: Role,
) {
  for (const effect of effects) {
    if ('intel' in effect) {
      if (role.estimatesIntent) gains.intel = (gains.intel ?? 0) + effect.intel * weight;
      continue;
    }
    // Effects that take time to land count for less.
    const discount = effect.delay ? Math.max(1, 4 - effect.delay) : 4;
    gains[effect.var] =
      (gains[effect.var] ?? 0) + Math.trunc((effect.amount * weight * discount) / 4);
  }
}

/** Russia's chance of a quick win as it sees it, in percent. */
export function quickWinChance(state: GameState): number {
  const v = state.vars;
  const p =
    state.hidden.quickWinBelief +
    Math.trunc(((v.russianForces ?? 100) - 100) / 2) +
    Math.trunc(((v.readiness ?? 0) - 50) / 3) +
    Math.trunc((v.belarusForces ?? 0) / 2) -
    ((v.ukraineMilitary ?? 45) - 45);
  return Math.max(0, Math.min(95, p));
}

const STAGE_GAIN = [0, 4, 8, 12];
const STAGE_COST = [0, 5, 8, 10];

/** Fearon's expected value of war: chance of a quick win times what is at stake, less the expected costs. */
function warCalculus(state: GameState, stage: number, add: (term: string, value: number) => void) {
  const v = state.vars;
  const { resolve, costTolerance } = state.hidden;
  const p = stage === 1 ? 100 : quickWinChance(state);
  add(
    'expected gain (chance of a quick win × resolve)',
    Math.trunc((resolve * p * STAGE_GAIN[stage]!) / 100),
  );
  const threatened = 10 + 8 * Math.max(v.sanctionsPrepared ?? 0, v.sanctionsImposed ?? 0);
  const credible = Math.trunc((threatened * (v.deterrenceCredibility ?? 0)) / 100);
  const felt = Math.trunc((credible * (110 - costTolerance) * STAGE_COST[stage]!) / 100);
  add('expected cost of sanctions (threat × credibility)', -felt);
  if (stage >= 2)
    add(
      'expected cost of fighting Ukraine',
      -Math.trunc(((v.ukraineMilitary ?? 0) * stage * 10) / 6),
    );
  add('offers forfeited', -Math.trunc(((v.dealProgress ?? 0) * (100 - resolve)) / 20));
}

function offerValue(state: GameState, role: Role): number {
  const v = state.vars;
  const onTable = (v.dealProgress ?? 0) + (v.channelHealth ?? 0);
  if (!role.estimatesIntent) return Math.trunc(onTable / 2);
  // The West weighs an offer by how open it believes Russia is to a deal (its estimate of resolve).
  const estimate = state.intel[role.id]?.resolve;
  const believedResolve = estimate ? Math.trunc((estimate.low + estimate.high) / 2) : 50;
  return Math.trunc((onTable * (100 - believedResolve)) / 100);
}

function backdownCalculus(state: GameState, add: (term: string, value: number) => void) {
  const v = state.vars;
  const { resolve, costTolerance } = state.hidden;
  add('loss of face', -Math.trunc(((v.supportRussia ?? 50) * resolve) / 100));
  add(
    'sanctions it avoids',
    Math.trunc(((v.deterrenceCredibility ?? 0) * (100 - costTolerance)) / 60),
  );
  add(
    'value of the offers on the table',
    Math.trunc(((v.dealProgress ?? 0) * (100 - resolve)) / 40),
  );
}
