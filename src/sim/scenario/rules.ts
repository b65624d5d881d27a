// The numbers of the model that are not tied to one action, event or role: how signals move
// belief, what a broken red line costs, what war is worth to the side that starts it, how the
// computer looks ahead. A scenario gives them in its `rules` block, each with a one-line rationale
// and, where one exists, a source; the model card quotes them from there.
//
// A scenario without a `rules` block is a first-format scenario (ukraine-2021 1.0.x): it gets
// FIRST_FORMAT_RULES, the values the engine had built in then, so its games replay exactly.

/** Every rule: its range, and whether it is one number or one per stage of war (0–3). */
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
} as const satisfies Record<string, { min: number; max: number; stages?: boolean }>;

export type RuleId = keyof typeof RULE_SPECS;
export const RULE_IDS = Object.keys(RULE_SPECS) as RuleId[];

export interface RuleEntry {
  value: number | number[];
  /** Why the number is what it is, in one line. */
  rationale: string;
  /** Where it comes from, when a source backs it. */
  source?: string;
}

export type Rules = Record<RuleId, RuleEntry>;

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
};

/** The rules' values, read once per scenario. */
export type RuleValues = {
  readonly [K in RuleId]: (typeof RULE_SPECS)[K] extends { stages: true }
    ? readonly number[]
    : number;
};

export function ruleValues(rules: Rules | undefined): RuleValues {
  const out: Record<string, number | readonly number[]> = {};
  for (const id of RULE_IDS) out[id] = rules ? rules[id].value : FIRST_FORMAT_RULES[id];
  return out as RuleValues;
}
