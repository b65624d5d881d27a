// The computer's choice of orders for a role it plays. Each legal option gets a score, the sum of
// named terms in tenths of a point (the value of its effects to the role, capital spent,
// escalation risk, face, offers on the table, the war calculus, seeded noise); the best
// affordable options with a positive score are taken. The terms of the chosen options and of the
// next best are logged so the debrief can say why.
//
// What does not depend on the state (the value of an action's certain effects to its role) is
// computed once per scenario; a turn only adds the terms that do.
import { heldOn } from './action-values';
import type { CompiledScenario } from './scenario/compile';
import type { ActionPlan } from './action-plans';
import type { Action, Role } from './scenario/types';
import type { AiDecision, AiOption, AiTerm, GameState } from './state';
import type { Rng } from './rng';
import { availableOn, lockReasonOn } from './rules';
import { chanceOn, loadWork, read, type Work } from './work';

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

export function chooseOrders(
  sc: CompiledScenario,
  state: GameState,
  roleId: string,
  rng: Rng,
): AiChoice {
  return chooseOrdersOn(loadWork(sc, state), roleId, rng);
}

/** `chooseOrders` on the working form of the state. */
export function chooseOrdersOn(w: Work, roleId: string, rng: Rng): AiChoice {
  const sc = w.sc;
  const role = sc.roles[roleId]!;
  const outlook = outlookOf(w, role);
  const plans = sc.plansByRole[roleId]!;
  // By place in `plans`: each available option's score and noise; `ranked` holds those places
  // best first, in the role's order among equals (kept sorted as they come: a few dozen options).
  const { scores, noises, ranked } = scratchFor(plans.length);
  let count = 0;
  const blocked: ActionPlan[] = [];
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index]!;
    if (!availableOn(w, plan.row)) {
      if (plan.row.kind === 'war') blocked.push(plan);
      continue;
    }
    const noise = rng.below(role.ai.noise + 1);
    const score = weigh(outlook, plan) + noise;
    scores[index] = score;
    noises[index] = noise;
    let at = count++;
    while (at > 0 && scores[ranked[at - 1]!]! < score) {
      ranked[at] = ranked[at - 1]!;
      at--;
    }
    ranked[at] = index;
  }

  const chosen: number[] = [];
  const rest: number[] = [];
  let capital = read(w, w.tables.variableCount + w.tables.roleOf[roleId]!, 0);
  for (let i = 0; i < count; i++) {
    const index = ranked[i]!;
    const cost = plans[index]!.row.cost;
    const fits = scores[index]! > 0 && chosen.length < role.maxActionsPerTurn && cost <= capital;
    if (fits) {
      chosen.push(index);
      capital -= cost;
    } else if (rest.length < LOGGED_ALTERNATIVES) {
      rest.push(index);
    }
  }

  const considered: AiOption[] = [];
  for (let i = 0; i < chosen.length + rest.length; i++) {
    const index = i < chosen.length ? chosen[i]! : rest[i - chosen.length]!;
    const plan = plans[index]!;
    const terms = termsOf(outlook, plan);
    if (noises[index] !== 0) terms.push({ term: NOISE_TERM, value: noises[index]! });
    considered.push({ action: plan.row.id, score: scores[index]!, terms });
  }
  // A hard gate is worth logging when it stopped a move the AI would otherwise have wanted.
  for (const plan of blocked) {
    const score = weigh(outlook, plan);
    if (score <= 0) continue;
    considered.push({
      action: plan.action.id,
      score,
      terms: termsOf(outlook, plan),
      blocked: lockReasonOn(w, plan.row) ?? '',
    });
  }
  const ids = chosen.map((index) => plans[index]!.row.id);
  return { actions: ids, decision: { role: roleId, chosen: ids, considered } };
}

/** Where chooseOrdersOn ranks options, kept from one choice to the next (each runs to its end). */
let scratch = {
  scores: new Float64Array(64),
  noises: new Float64Array(64),
  ranked: new Int32Array(64),
};

function scratchFor(options: number): typeof scratch {
  if (scratch.ranked.length < options) {
    scratch = {
      scores: new Float64Array(options),
      noises: new Float64Array(options),
      ranked: new Int32Array(options),
    };
  }
  return scratch;
}

/**
 * What weighing one role's options against one state reads again and again: the tension, and the
 * terms that depend on an option's kind and war stage but not on the option itself, each worked
 * out the first time it is needed.
 */
interface Outlook {
  readonly w: Work;
  readonly role: Role;
  /** The role's escalation aversion. */
  readonly aversion: number;
  /** The tension plus the rule's offset, as escalation risk counts it. */
  readonly tension: number;
  /** By war stage: the war calculus, and the look-ahead. */
  readonly war: (number | undefined)[];
  readonly ahead: (number | undefined)[];
  offer: number | undefined;
  backdown: number | undefined;
  buildup: number | undefined;
  /**
   * The same as terms, worked out once an option of the kind is logged (most are weighed only):
   * the same term objects go into the log of every option of that kind this turn.
   */
  readonly warTerms: (readonly AiTerm[] | undefined)[];
  offerTerms: readonly AiTerm[] | undefined;
  backdownTerms: readonly AiTerm[] | undefined;
  buildupTerms: readonly AiTerm[] | undefined;
}

function outlookOf(w: Work, role: Role): Outlook {
  return {
    w,
    role,
    aversion: role.ai.escalationAversion,
    tension: read(w, w.tables.mechanics.tension, 0) + w.sc.rules.escalationRiskOffset,
    war: [],
    ahead: [],
    offer: undefined,
    backdown: undefined,
    buildup: undefined,
    warTerms: [],
    offerTerms: undefined,
    backdownTerms: undefined,
    buildupTerms: undefined,
  };
}

/** The score of one option without noise: scoreAction's without its terms, from the outlook. */
function weigh(o: Outlook, plan: ActionPlan): number {
  const { w, role } = o;
  const sc = w.sc;
  const row = plan.row;
  const fixed = plan.value;
  let total = fixed.fixed;
  const roll = row.roll;
  if (roll) {
    const chance = chanceOn(w, roll.chance);
    total += Math.trunc((chance * fixed.rollSuccess + (100 - chance) * fixed.rollFailure) / 100);
  }
  total -= Math.trunc((row.escalationClass * o.aversion * o.tension) / sc.rules.escalationRiskPer);
  switch (row.kind) {
    case 'war': {
      const stage = row.stage;
      total += o.war[stage] ??= warCalculus(w, stage, null);
      if (sc.rules.lookAheadTurns > 0) total += o.ahead[stage] ??= lookAhead(o, plan, null);
      break;
    }
    case 'offer':
      total += o.offer ??= offerValue(w, role);
      break;
    case 'backdown':
      total += o.backdown ??= backdownCalculus(w, null);
      break;
    case 'buildup':
      total += o.buildup ??= buildupValue(w, null);
      break;
  }
  return total;
}

const NO_TERMS: readonly AiTerm[] = [];

/** The terms an option's kind adds (a war's by its stage): `weigh`'s caches as terms. */
function kindTerms(o: Outlook, plan: ActionPlan): readonly AiTerm[] {
  const { w, role } = o;
  switch (plan.row.kind) {
    case 'war':
      return (o.warTerms[plan.row.stage] ??= termList((terms) => {
        warCalculus(w, plan.row.stage, terms);
        if (w.sc.rules.lookAheadTurns > 0) lookAhead(o, plan, terms);
      }));
    case 'offer':
      return (o.offerTerms ??= termList((terms) =>
        term(terms, 'value of the offers on the table', offerValue(w, role)),
      ));
    case 'backdown':
      return (o.backdownTerms ??= termList((terms) => backdownCalculus(w, terms)));
    case 'buildup':
      return (o.buildupTerms ??= termList((terms) => buildupValue(w, terms)));
  }
  return NO_TERMS;
}

function termList(fill: (terms: AiTerm[]) => unknown): AiTerm[] {
  const terms: AiTerm[] = [];
  fill(terms);
  return terms;
}

/** Adds a named term to `terms` when given; returns the value, for summing. */
function term(terms: AiTerm[] | null, name: string, value: number): number {
  if (terms && value !== 0) terms.push({ term: name, value });
  return value;
}

/** The risk of escalating, in tenths: the act's escalation class, the role's aversion, the tension. */
function escalationRisk(w: Work, role: Role, escalationClass: number): number {
  const rules = w.sc.rules;
  const tension = read(w, w.tables.mechanics.tension, 0) + rules.escalationRiskOffset;
  return -Math.trunc(
    (escalationClass * role.ai.escalationAversion * tension) / rules.escalationRiskPer,
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
  return scoreOn(loadWork(sc, state), role, action, terms);
}

/** `scoreAction` on the working form of the state. */
export function scoreOn(w: Work, role: Role, action: Action, terms: AiTerm[] | null): number {
  return scorePlan(w, role, w.sc.plans[action.id]!, terms);
}

function scorePlan(w: Work, role: Role, plan: ActionPlan, terms: AiTerm[] | null): number {
  const outlook = outlookOf(w, role);
  if (terms) terms.push(...termsOf(outlook, plan));
  return weigh(outlook, plan);
}

/**
 * The named terms of an option's score without noise (`weigh` gives their sum): those that do not
 * depend on the state, the expected result of its roll, the escalation risk, then its kind's.
 */
function termsOf(o: Outlook, plan: ActionPlan): AiTerm[] {
  const { w, role } = o;
  const fixed = plan.value;
  const terms = fixed.terms.slice();
  const roll = plan.row.roll;
  if (roll) {
    const chance = chanceOn(w, roll.chance);
    const expected = Math.trunc(
      (chance * fixed.rollSuccess + (100 - chance) * fixed.rollFailure) / 100,
    );
    if (expected !== 0) {
      terms.push({
        term: `expected result of "${roll.roll.label}" (${chance}%)`,
        value: expected,
      });
    }
  }
  term(terms, 'escalation risk', escalationRisk(w, role, plan.row.escalationClass));
  for (const t of kindTerms(o, plan)) terms.push(t);
  return terms;
}

/** The challenger's chance of a quick win as it sees it, in percent. */
export function quickWinChance(sc: CompiledScenario, state: GameState): number {
  return quickWinOn(loadWork(sc, state));
}

function quickWinOn(w: Work): number {
  const r = w.sc.rules;
  const q = w.tables.mechanics;
  const p =
    w.state.hidden.quickWinBelief +
    Math.trunc(
      (read(w, q.forces, r.quickWinForcesPivot) - r.quickWinForcesPivot) / r.quickWinForcesPer,
    ) +
    Math.trunc((read(w, q.preparation, 0) - r.quickWinReadinessPivot) / r.quickWinReadinessPer) +
    Math.trunc(read(w, q.allied, 0) / r.quickWinBelarusPer) -
    Math.trunc(
      (read(w, q.defender, r.quickWinUkrainePivot) - r.quickWinUkrainePivot) / r.quickWinUkrainePer,
    );
  return Math.max(0, Math.min(r.quickWinMax, p));
}

/** How far a variable stands above where it started (nothing below). */
function above(w: Work, slot: number): number {
  return Math.max(0, read(w, slot, 0) - w.tables.slotAbsent[slot]!);
}

/**
 * Keeping the military option open: worth more the more the challenger wants its demands met
 * (resolve), and, as the security dilemma has it, the more the deterrer arms the defender and
 * reinforces its flank (the mechanics name both); progress toward a deal reassures and makes it
 * worth less.
 */
function buildupValue(w: Work, terms: AiTerm[] | null): number {
  const r = w.sc.rules;
  const m = w.sc.scenario.mechanics;
  const slots = w.tables.mechanics;
  return (
    term(
      terms,
      'keeping the military option open',
      Math.trunc(((w.state.hidden.resolve - r.buildupResolvePivot) * r.buildupPerResolve) / 3),
    ) +
    term(
      terms,
      m.terms.securityDilemma,
      Math.trunc(
        (above(w, slots.flank) * r.buildupPerFlank +
          above(w, slots.dilemmaDefender) * r.buildupPerUkraine) /
          10,
      ),
    ) +
    term(
      terms,
      'reassured by progress in talks',
      -Math.trunc((heldOn(w, slots.progress, m.bargaining.progress) * r.buildupPerDeal) / 10),
    )
  );
}

/** Fearon's expected value of war: chance of a quick win times what is at stake, less the expected costs. */
function warCalculus(
  w: Work,
  stage: number,
  terms: AiTerm[] | null,
  warStage = read(w, w.tables.mechanics.warStage, 0),
): number {
  const r = w.sc.rules;
  const m = w.sc.scenario.mechanics;
  const slots = w.tables.mechanics;
  const { resolve, costTolerance } = w.state.hidden;
  const p = stage === 1 ? 100 : quickWinOn(w);
  const gain = Math.trunc((resolve * p * r.warStageGain[stage]!) / 100);
  const threatened =
    r.threatBase +
    r.threatPerTier * Math.max(read(w, slots.prepared, 0), read(w, slots.imposed, 0));
  const credible = Math.trunc((threatened * read(w, slots.credibility, 0)) / 100);
  const felt = Math.trunc(
    (credible * (100 + r.sanctionsFeltAbove - costTolerance) * r.warStageCost[stage]!) / 100,
  );
  const fighting =
    stage >= 2 ? Math.trunc((read(w, slots.defender, 0) * stage * 10) / r.fightingPer) : 0;
  const onTable = heldOn(w, slots.progress, m.bargaining.progress);
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

/**
 * Turns until a war's gates could open if the role kept building up (each turn adding what its
 * build-up actions add); null when a gate cannot be reached that way.
 */
function turnsToReach(w: Work, plan: ActionPlan): number | null {
  let turns = 0;
  for (const gate of plan.gates) {
    const now = gate.slot === null ? w.state.turn : read(w, gate.slot, 0);
    const short = gate.atLeast - now;
    if (short <= 0) continue;
    if (gate.rate <= 0) return null;
    turns = Math.max(turns, Math.trunc((short + gate.rate - 1) / gate.rate));
  }
  return turns;
}

/**
 * Looking ahead: a larger war whose gates open within the rule's horizon is worth its value,
 * discounted per turn of waiting. A smaller war that would end the game first gives it up (the
 * difference is a cost); recognition, which prepares the pretext, keeps it open.
 */
function lookAhead(o: Outlook, plan: ActionPlan, terms: AiTerm[] | null): number {
  const { w, role } = o;
  const rules = w.sc.rules;
  const stage = plan.row.stage;
  const warStage = read(w, w.tables.mechanics.warStage, 0);
  let best = 0;
  for (const larger of plan.largerWars) {
    const takenOn = w.taken[larger.row.index]!;
    if (takenOn === takenOn) continue;
    const wait = turnsToReach(w, larger);
    if (wait === null || wait > rules.lookAheadTurns) continue;
    // Valued as if this step had been taken: recognition first means a war with a pretext.
    let value = warCalculus(w, larger.row.stage, null, Math.max(stage, warStage));
    value += escalationRisk(w, role, larger.row.escalationClass);
    for (let i = 0; i < wait; i++) value = Math.trunc((value * rules.lookAheadDiscount) / 100);
    best = Math.max(best, value);
  }
  if (best <= 0) return 0;
  if (stage >= 2) {
    const own = warCalculus(w, stage, null);
    return term(terms, 'gives up a larger war within reach', -Math.max(0, best - own));
  }
  // Recognition: worth what the larger war gains by having its pretext prepared.
  return term(
    terms,
    'prepares the pretext for a larger war within reach',
    Math.trunc((best * rules.pretextShare) / 100),
  );
}

function offerValue(w: Work, role: Role): number {
  const rules = w.sc.rules;
  const { progress, channels } = w.sc.scenario.mechanics.bargaining;
  const slots = w.tables.mechanics;
  const onTable = heldOn(w, slots.progress, progress) + heldOn(w, slots.channels, channels);
  if (!role.estimatesIntent) return Math.trunc(onTable / rules.offerValuePer);
  // The West weighs an offer by how open it believes Russia is to a deal (its estimate of resolve).
  const estimate = w.state.intel[role.id]?.resolve;
  const believedResolve = estimate ? Math.trunc((estimate.low + estimate.high) / 2) : 50;
  return Math.trunc((onTable * (100 - believedResolve)) / 100);
}

function backdownCalculus(w: Work, terms: AiTerm[] | null): number {
  const rules = w.sc.rules;
  const m = w.sc.scenario.mechanics;
  const slots = w.tables.mechanics;
  const { resolve, costTolerance } = w.state.hidden;
  return (
    term(terms, 'loss of face', -Math.trunc((read(w, slots.face, 50) * resolve) / 100)) +
    term(
      terms,
      'sanctions it avoids',
      Math.trunc(
        (read(w, slots.credibility, 0) * (100 - costTolerance)) / rules.backdownSanctionsPer,
      ),
    ) +
    term(
      terms,
      'value of the offers on the table',
      Math.trunc(
        (heldOn(w, slots.progress, m.bargaining.progress) * (100 - resolve)) /
          rules.backdownOffersPer,
      ),
    )
  );
}
