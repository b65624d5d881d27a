// The numbers of the model that are not tied to one action, event or role: how signals move
// belief, what a broken red line costs, what war is worth to the side that starts it, how the
// computer looks ahead. A scenario gives them in its `rules` block, each with a one-line rationale
// and, where one exists, a source; the model card quotes them from there.
//
// A scenario without a `rules` block is a first-format scenario (ukraine-2021 1.0.x): it gets
// FIRST_FORMAT_RULES, the values the engine had built in then, so its games replay exactly.

/**
 * Every rule: its range, whether it is one number or one per stage of war (0–3), and whether a
 * scenario's block may leave it out (`optional`).
 */
export const RULE_SPECS = {
  /** Credibility a costly Western signal adds (sanctions imposed, troops deployed). */
  signalCostly: { min: 0, max: 20 },
  /** Credibility cheap talk adds. */
  signalCheap: { min: 0, max: 20 },
  /** Credibility above which each further 10 points makes a signal a tenth weaker. */
  signalFullBelow: { min: 0, max: 100 },
  /** Credibility and US domestic support lost when a red line is crossed unanswered. */
  audienceCost: { min: 0, max: 30 },
  /** Credibility gained when a red line is backed. */
  redLineBacked: { min: 0, max: 30 },
  /** Cohesion gained when Russia attacks: allies close ranks. */
  rally: { min: 0, max: 30 },
  /** Cohesion below which visible disunity erodes credibility. */
  disunityBelow: { min: 0, max: 100 },
  /** Points of cohesion below that line per point of credibility lost each turn. */
  disunityPer: { min: 1, max: 50 },
  /** What each stage of war is worth to Russia per point of resolve, before chances. */
  warStageGain: { min: 0, max: 50, stages: true },
  /** How much each stage multiplies the expected cost of sanctions. */
  warStageCost: { min: 0, max: 50, stages: true },
  /** Sanctions threatened before any tier is prepared, and per tier prepared or imposed. */
  threatBase: { min: 0, max: 100 },
  threatPerTier: { min: 0, max: 100 },
  /** Resolve at which keeping the military option open is worth nothing (the build-up term). */
  buildupResolvePivot: { min: 0, max: 100 },
  /** Tenths of a point per three points of resolve above the pivot (below it, a cost). */
  buildupPerResolve: { min: 0, max: 100 },
  /** Security dilemma: tenths per point the eastern flank stands above its start. */
  buildupPerFlank: { min: 0, max: 50 },
  /** Security dilemma: tenths per point Ukraine's defenses stand above their start. */
  buildupPerUkraine: { min: 0, max: 50 },
  /** Reassurance: tenths less per point of progress toward a framework. */
  buildupPerDeal: { min: 0, max: 50 },
  /** Turns ahead the computer looks for a larger war option whose gates are near (0: none). */
  lookAheadTurns: { min: 0, max: 4 },
  /** Percent a war option keeps of its value for each turn it lies ahead. */
  lookAheadDiscount: { min: 0, max: 100 },
  /** Tenths a war beyond recognition costs when no pretext was prepared (regions not recognised). */
  noPretextCost: { min: 0, max: 1000 },

  // Rules made data after the rules block first shipped (ukraine-2021 1.1.0): a scenario may
  // leave them out and gets the value the engine had built in (FIRST_FORMAT_RULES).
  /** Tenths of Goldstein weight per point of tension an act pushes (20: minus half its weight). */
  tensionGoldsteinPer: { min: 1, max: 100, optional: true },
  /** Points of escalation class per point of tension an act pushes. */
  tensionEscalationPer: { min: 1, max: 50, optional: true },
  /** Points of sanctions-driven loss to the Russian economy each turn, per tier in force. */
  sanctionsBite: { min: 0, max: 20, optional: true },
  /** Escalation risk: tension counts from this much below zero (risk even in a calm crisis). */
  escalationRiskOffset: { min: 0, max: 100, optional: true },
  /** Escalation risk: class × aversion × (tension + offset) per tenth of a point of risk. */
  escalationRiskPer: { min: 1, max: 1000, optional: true },
  /** Percent of the expected sanctions still felt at the highest tolerance for costs: 100 + this. */
  sanctionsFeltAbove: { min: 0, max: 100, optional: true },
  /** Fighting: points of Ukraine's defenses, times the stage of war, per point of expected cost. */
  fightingPer: { min: 1, max: 100, optional: true },
  /** Offers forfeited by war: framework progress × (100 − resolve) per tenth of a point. */
  offersForfeitedPer: { min: 1, max: 1000, optional: true },
  /** Backing down: credibility × (100 − tolerance for costs) per tenth of sanctions avoided. */
  backdownSanctionsPer: { min: 1, max: 1000, optional: true },
  /** Backing down: framework progress × (100 − resolve) per tenth of offers gained. */
  backdownOffersPer: { min: 1, max: 1000, optional: true },
  /** Offers on the table (progress + channel health) per tenth, to a role that estimates no one. */
  offerValuePer: { min: 1, max: 100, optional: true },
  /** Quick win: Russian forces (thousands) at which they neither add nor take away. */
  quickWinForcesPivot: { min: 0, max: 1000, optional: true },
  /** Quick win: thousands of troops above the pivot per percent. */
  quickWinForcesPer: { min: 1, max: 100, optional: true },
  /** Quick win: readiness at which it neither adds nor takes away. */
  quickWinReadinessPivot: { min: 0, max: 100, optional: true },
  /** Quick win: points of readiness above the pivot per percent. */
  quickWinReadinessPer: { min: 1, max: 100, optional: true },
  /** Quick win: thousands of troops in Belarus per percent. */
  quickWinBelarusPer: { min: 1, max: 100, optional: true },
  /** Quick win: Ukraine's defenses at which they neither add nor take away. */
  quickWinUkrainePivot: { min: 0, max: 100, optional: true },
  /** Quick win: points of Ukraine's defenses above the pivot per percent taken off. */
  quickWinUkrainePer: { min: 1, max: 100, optional: true },
  /** Quick win: the highest chance Moscow ever believes in, in percent. */
  quickWinMax: { min: 0, max: 100, optional: true },
  /** Percent of a larger war's value that recognition earns by preparing its pretext. */
  pretextShare: { min: 0, max: 100, optional: true },
  /** Quarters of its value (of four) an effect loses to the AI per turn it waits to land. */
  delayQuartersLost: { min: 0, max: 4, optional: true },
  /**
   * The commitment problem: quarters of its value (of four) an effect that lapses keeps per turn
   * it still holds, so a political promise is worth less than a binding one.
   */
  heldQuartersPerTurn: { min: 0, max: 4, optional: true },
} as const satisfies Record<
  string,
  { min: number; max: number; stages?: boolean; optional?: boolean }
>;

export type RuleId = keyof typeof RULE_SPECS;
export const RULE_IDS = Object.keys(RULE_SPECS) as RuleId[];

export interface RuleEntry {
  value: number | number[];
  /** Why the number is what it is, in one line. */
  rationale: string;
  /** Where it comes from, when a source backs it. */
  source?: string;
}

/** A scenario's rules block: every rule, though the optional ones may be left out. */
export type Rules = Partial<Record<RuleId, RuleEntry>>;

/** The values built into the engine before rules were data (ukraine-2021 1.0.x). */
export const FIRST_FORMAT_RULES: Readonly<Record<RuleId, number | readonly number[]>> = {
  signalCostly: 5,
  signalCheap: 2,
  signalFullBelow: 40,
  audienceCost: 6,
  redLineBacked: 2,
  rally: 8,
  disunityBelow: 50,
  disunityPer: 5,
  warStageGain: [0, 4, 8, 12],
  warStageCost: [0, 5, 8, 10],
  threatBase: 10,
  threatPerTier: 8,
  buildupResolvePivot: 35,
  buildupPerResolve: 10,
  buildupPerFlank: 0,
  buildupPerUkraine: 0,
  buildupPerDeal: 0,
  lookAheadTurns: 0,
  lookAheadDiscount: 100,
  noPretextCost: 0,
  tensionGoldsteinPer: 20,
  tensionEscalationPer: 3,
  sanctionsBite: 1,
  escalationRiskOffset: 20,
  escalationRiskPer: 120,
  sanctionsFeltAbove: 10,
  fightingPer: 6,
  offersForfeitedPer: 20,
  backdownSanctionsPer: 60,
  backdownOffersPer: 40,
  offerValuePer: 2,
  quickWinForcesPivot: 100,
  quickWinForcesPer: 2,
  quickWinReadinessPivot: 50,
  quickWinReadinessPer: 3,
  quickWinBelarusPer: 2,
  quickWinUkrainePivot: 45,
  quickWinUkrainePer: 1,
  quickWinMax: 95,
  pretextShare: 50,
  delayQuartersLost: 1,
  heldQuartersPerTurn: 1,
};

/** The rules' values, read once per scenario. */
export type RuleValues = {
  readonly [K in RuleId]: (typeof RULE_SPECS)[K] extends { stages: true }
    ? readonly number[]
    : number;
};

/** A rule the block leaves out (or a scenario with no block) plays by its first-format value. */
export function ruleValues(rules: Rules | undefined): RuleValues {
  const out: Record<string, number | readonly number[]> = {};
  for (const id of RULE_IDS) out[id] = rules?.[id]?.value ?? FIRST_FORMAT_RULES[id];
  return out as RuleValues;
}
