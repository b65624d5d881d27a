import type { Rules } from './rules';
// The shape of a scenario file (scenarios/*.json). The JSON Schema beside the scenario mirrors
// these types for editors; `validateScenario` checks meaning and cross-references.
import type { BotName } from '../bot-names';

export const TRACKS = ['diplomacy', 'sanctions', 'deterrence'] as const;
export type Track = (typeof TRACKS)[number];

/** A side of the crisis, as the scenario names it (its `mechanics` says which side plays which part). */
export type Side = string;

/** Rivera et al. (2024) escalation classes: de-escalation, status quo, posturing, non-violent, violent, nuclear. */
export const ESCALATION_CLASSES = [-2, 0, 4, 12, 28, 60] as const;
export type EscalationClass = (typeof ESCALATION_CLASSES)[number];

export const SIGNAL_KINDS = ['costly', 'cheap', 'none'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
/**
 * How far an offer or promise binds (Fearon's commitment problem): a binding one (a written text,
 * a treaty, a law) holds; a political one (a statement, a call, a gesture) lapses after its
 * effects' `holds` turns.
 */
export const COMMITMENTS = ['binding', 'political'] as const;
export type Commitment = (typeof COMMITMENTS)[number];

export const HIDDEN_PARAMETERS = ['resolve', 'costTolerance', 'quickWinBelief'] as const;
export type HiddenParameter = (typeof HIDDEN_PARAMETERS)[number];

/**
 * A cited source: a quotation from the seed article, a published reference, or, for an event that
 * is plausible but did not happen, a note saying what did and did not.
 */
export interface Source {
  /**
   * "article" for the seed news article of 30 Dec 2021, "research" for a published reference,
   * "counterfactual" for an event the game can play that did not happen in 2021–22.
   */
  kind: 'article' | 'research' | 'counterfactual';
  /**
   * For an article source: the exact sentence (or part of it) quoted. For research: the full
   * reference. For a counterfactual: what makes it plausible and what in fact did not happen.
   */
  quote?: string;
  reference?: string;
  url?: string;
}

export interface Variable {
  id: string;
  name: string;
  /** One sentence a student understands. */
  description: string;
  min: number;
  max: number;
  initial: number;
  /** "k troops", "tier", "%", or "" for a 0–100 index. */
  unit: string;
  /** Where it is drawn in the UI. */
  group: string;
  /** Each turn the value moves this share (in tenths) of the way back toward `driftTarget`. */
  drift?: { target: number; tenths: number };
  /** Values shown to players as labels, e.g. for 0/1 flags or sanction tiers. */
  labels?: string[];
}

/** A condition over the state; all numeric comparisons are inclusive. */
export type Condition =
  | { var: string; gte?: number; lte?: number }
  | { turnGte?: number; turnLte?: number }
  | { rungGte?: number; rungLte?: number }
  | { actionTaken: string; byTurnsAgo?: number }
  | { eventHappened: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** A chance in whole percent: base plus, for each term, (value − pivot) × perTen / 10, clamped. */
export interface Chance {
  base: number;
  terms?: { var: string; pivot: number; perTen: number }[];
  min?: number;
  max?: number;
}

/**
 * A change to one variable; with `delay` it lands that many turns later and shows as pending; with
 * `holds` it lapses that many turns after it lands, and what it moved is moved back.
 */
export interface VariableEffect {
  var: string;
  amount: number;
  delay?: number;
  holds?: number;
}

/**
 * Narrows the intelligence estimates of the hidden intent by `amount` points, for the acting role
 * ("actor") or for every role of a side that estimates it (a side id).
 */
export interface IntelEffect {
  intel: number;
  who: string;
}

export type Effect = VariableEffect | IntelEffect;

export interface Roll {
  /** What is being decided, e.g. "Allies agree the package". */
  label: string;
  chance: Chance;
  success: Effect[];
  failure: Effect[];
}

export interface Action {
  id: string;
  role: string;
  track: Track;
  name: string;
  /** What it is, in the game's own words, grounded in the crisis. */
  description: string;
  cost: number;
  /** Goldstein conflict–cooperation weight, −10 … +10. */
  goldstein: number;
  escalationClass: EscalationClass;
  signal: SignalKind;
  /** Makes a public red line: audience costs if Russia escalates and this role does not answer. */
  redLine?: boolean;
  effects: Effect[];
  roll?: Roll;
  requires?: Condition;
  /** Can be taken only once per game. */
  once?: boolean;
  /** After being taken, can be taken again only this many turns later. */
  cooldown?: number;
  /** Sets the war stage (1 recognition, 2 limited incursion, 3 full invasion). */
  warStage?: number;
  /** For an offer or a promise: whether it binds, or is political and its effects lapse. */
  commitment?: Commitment;
  /**
   * Terms the AI adds when it weighs this action (see the model card): the war calculus, the
   * value of offers, the face lost in backing down, or keeping the military option open.
   */
  ai?: { kind?: 'war' | 'offer' | 'backdown' | 'buildup'; bias?: number };
}

export interface GameEvent {
  id: string;
  name: string;
  /** One-line dated headline for the news feed. */
  headline: string;
  description: string;
  /** Scheduled events happen on this turn (when `when` also holds). */
  turn?: number;
  when?: Condition;
  /** Unscheduled events roll this chance each turn their condition holds. */
  chance?: Chance;
  /** At most once per game unless `repeatable`. */
  repeatable?: boolean;
  goldstein: number;
  escalationClass: EscalationClass;
  effects: Effect[];
  roll?: Roll;
  /** Facilitators may inject it by hand. */
  injectable?: boolean;
  source?: Source;
}

export interface Ending {
  id: string;
  name: string;
  description: string;
  /** Checked after every turn in list order; `atDeadline` endings only after the last turn. */
  when: Condition;
  atDeadline?: boolean;
  /** The variables and actions whose values explain the ending, for the debrief. */
  causes: string[];
  tone: 'good' | 'mixed' | 'bad';
}

export type ObjectiveMeasure =
  | { var: string; better: 'higher' | 'lower'; from?: number; to?: number }
  | { endings: Record<string, number> };

export interface Objective {
  id: string;
  text: string;
  weight: number;
  measure: ObjectiveMeasure;
}

export interface AiProfile {
  /** How much the role values one point of change in each variable (×10). */
  values: Record<string, number>;
  /** Reluctance to climb the ladder: utility lost per escalation-class point at tension 100 (×10). */
  escalationAversion: number;
  /** Utility of one point of political capital kept (×10). */
  capitalValue: number;
  /** Width of the uniform random term added to each option's score (×10). */
  noise: number;
}

export interface Role {
  id: string;
  name: string;
  leader: string;
  side: Side;
  playable: boolean;
  /** The colour-blind-safe palette key used by the UI. */
  colour: string;
  capital: { start: number; perTurn: number; max: number };
  maxActionsPerTurn: number;
  objectives: Objective[];
  /** Score at or above which the role counts as having met its objectives. */
  victoryScore: number;
  /**
   * Short of that, the role's objectives count as partly met when this objective scores at least
   * `atLeast` (for the West: the war was avoided, even without a deal).
   */
  partialSuccess?: { objective: string; atLeast: number };
  ai: AiProfile;
  /** Sees Russia's hidden intent only as estimates (true for every role but Russia and Belarus). */
  estimatesIntent: boolean;
  briefing: string;
}

export interface Rung {
  level: number;
  name: string;
  /** Kahn's rung this corresponds to, for the debrief. */
  kahn: string;
  minTension: number;
  /** Entered whatever the tension once the war stage reaches this value. */
  minWarStage?: number;
}

export interface HiddenIntentSpec {
  id: HiddenParameter;
  name: string;
  description: string;
  min: number;
  max: number;
  /** Width of the first intelligence estimate, in points. */
  initialEstimateWidth: number;
  /**
   * How the value is drawn: evenly between min and max, or triangular (the mean of two even
   * draws: the middle likelier than the edges). Evenly when not given.
   */
  distribution?: 'uniform' | 'triangular';
}

export interface BriefingSection {
  heading: string;
  paragraphs: { text: string; sources: Source[] }[];
}

export interface TimelineEntry {
  date: string;
  text: string;
  source: string;
}

export interface ModelCardEntry {
  subject: string;
  explanation: string;
  sources: string[];
}

/** A reference a teacher can look up: who, when, what, where it appeared, and an address. */
export interface BibliographyEntry {
  authors: string;
  /** The year, with the day for news ("2022, 18 February"), or "n.d." for an undated page. */
  year: string;
  /** The title; in square brackets when it describes an untitled or unknown-titled item. */
  title: string;
  /** Publisher, journal with volume and pages, or the site that carries it. */
  publishedIn: string;
  url?: string;
  /** What it is used for here, in one line. */
  note?: string;
}

/** A 45-minute lesson around the scenario, printed in the teacher pack (prose only). */
export interface LessonKit {
  minutes: number;
  /** Who it is for and what it needs, in one line. */
  audience: string;
  /** What students will be able to do afterwards. */
  objectives: string[];
  /** What the teacher prepares before the lesson. */
  preparation: string[];
  /** The lesson minute by minute: what the teacher and the students do in each step. */
  runSheet: { start: number; end: number; step: string; teacher: string; students: string }[];
  /** The debrief's questions, each with notes and where its evidence is in the game's own logs. */
  coreQuestions: { question: string; notes: string; evidence: string[] }[];
  /** Asked before and after the lesson; `answer` is the index of the right choice. */
  quiz: { question: string; choices: string[]; answer: number; explanation: string }[];
  /** A private page for each playable role's team. */
  roleBriefs: {
    role: string;
    paragraphs: string[];
    aims: string[];
    watch: string[];
    sources: string[];
  }[];
  bibliography: { heading: string; entries: BibliographyEntry[] }[];
}

/** A share of games in percent: inclusive bounds, or "more than". */
export interface PercentRange {
  atLeast?: number;
  atMost?: number;
  moreThan?: number;
}

/** What history says the baseline line should produce (`brink calibrate` checks each). */
export interface CalibrationTargets {
  /** The ending that should be the most likely single ending. */
  mostLikelyEnding?: string;
  /** Ending id → the share of games it should have. */
  endingShares?: Record<string, PercentRange>;
  /** The median turn of the invasion ending lies within `withinTurns` of the turn holding `date`. */
  invasionMedian?: { date: string; withinTurns: number };
  /** The share of war games in which the war stage reached its first stage before war. */
  recognitionFirst?: PercentRange;
  /** The share of games that end in any war ending (`warEndings`). */
  anyWar?: PercentRange;
}

/** Which way a line is expected to move a measure, against the baseline. */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** The measure that adds up every war ending, beside the endings' own shares. */
export const ANY_WAR = 'anyWar';

/** One line of play: who plays each role, and for the historical bot which turns differ. */
export interface CalibrationLine {
  id: string;
  name: string;
  description: string;
  /** Role → bot; roles not named are played by the AI. */
  policies: Record<string, BotName>;
  /** Role → turn → action ids, replacing those turns of the scenario's `historical` plan. */
  plan?: Record<string, Record<string, string[]>>;
  /** Ending id or "anyWar" → the way the literature says this line moves it from the baseline. */
  expected?: Record<string, Direction>;
  /** The reference behind `expected`, in full. */
  citation?: string;
  targets?: CalibrationTargets;
}

/** How often the model reproduces history: lines of play measured by `brink calibrate`. */
export interface Calibration {
  /** The line the others are compared with: the real Western policy. */
  baseline: string;
  /** The endings that count as war ("anyWar", and the games recognition-first is taken over). */
  warEndings: string[];
  /** The ending whose median week is measured: the full-scale invasion. */
  invasionEnding: string;
  lines: CalibrationLine[];
}

export interface Scenario {
  id: string;
  version: string;
  title: string;
  summary: string;
  /** ISO date of turn 1. */
  startDate: string;
  turns: number;
  daysPerTurn: number;
  /** Role ids in the fixed order orders are resolved within a track. */
  roles: Role[];
  variables: Variable[];
  hiddenIntent: HiddenIntentSpec[];
  rungs: Rung[];
  actions: Action[];
  events: GameEvent[];
  endings: Ending[];
  /** What each role really did, by turn, for the "historical" bot. */
  historical: Record<string, Record<string, string[]>>;
  /** Conditions on planned historical orders: an order waits until its condition holds. */
  historicalWhen?: Record<string, Condition>;
  briefing: BriefingSection[];
  glossary: { term: string; definition: string }[];
  discussionQuestions: string[];
  whatHappened: TimelineEntry[];
  modelCard: ModelCardEntry[];
  /** A 45-minute lesson for the teacher pack (not in the content hash). */
  lessonKit?: LessonKit;
  /**
   * Earlier versions whose games this one replays exactly (only prose or the way the hash is
   * taken changed): their records, links and saves open here. A test replays records of each.
   */
  compatibleWith?: { version: string; hash: string }[];
  /** Lines of play that `brink calibrate` measures against history (not in the content hash). */
  calibration?: Calibration;
  /** The model's general numbers with their reasons; absent in first-format scenarios. */
  rules?: Rules;
  /** Assumptions a teacher can switch before a game (what-if.ts). */
  whatIfs?: WhatIf[];
  /** Which of the scenario's sides and variables play which part in the engine's rules. */
  mechanics: Mechanics;
}

/**
 * The parts the engine's general rules give to a scenario's own sides and variables (every value is
 * an id of the scenario). The rules themselves are in src/sim and the model card.
 */
export interface Mechanics {
  /** The variable the tension rule pushes and the computer's escalation risk reads. */
  tension: string;
  /** The stage of war, 0 (none) to 3, which war actions set. */
  warStage: string;
  /** The side that deters: its signals build credibility, its red lines are tested. */
  deterrer: {
    side: Side;
    credibility: string;
    /** Its cohesion: visible disunity erodes credibility; an attack rallies it. */
    cohesion: string;
    /** Roles whose broken red lines also cost them this domestic support variable. */
    support?: Record<string, string>;
  };
  /** The side that may go to war; its computer weighs the war calculus. */
  challenger: {
    side: Side;
    /** Its standing at home, which backing down costs. */
    face: string;
  };
  /** Pressure prepared and imposed, in tiers, and what imposed pressure wears down each turn. */
  sanctions: { prepared: string; imposed: string; erodes: string };
  /** What the challenger's chance of a quick win depends on. */
  quickWin: { forces: string; preparation: string; allied: string; defender: string };
  /** The bargaining track: progress toward a deal, and the health of the channels. */
  bargaining: { progress: string; channels: string };
  /** What the challenger's build-up answers (the security dilemma). */
  securityDilemma: { flank: string; defender: string };
  /** How the computer's reasons name three terms of its war calculus, in the crisis's words. */
  terms: {
    /** The expected cost of fighting the defender. */
    fighting: string;
    /** Answering the deterrer's deployments. */
    securityDilemma: string;
    /** A war begun without the pretext the first stage prepares. */
    noPretext: string;
  };
}

/** An assumption of the model that can be switched before a game, with the numbers each option sets. */
export interface WhatIf {
  id: string;
  /** What is assumed, as a teacher would name it: "Russia's resolve". */
  name: string;
  /** Why the assumption is uncertain, and what the options mean. */
  description: string;
  source?: string;
  /** The first is the model as built and sets nothing; each other sets at least one number. */
  options: WhatIfOption[];
}

export interface WhatIfOption {
  id: string;
  label: string;
  description: string;
  /** Numbers of the scenario by path ("rules/threatPerTier/value"; lists' items by id or index). */
  set: Record<string, number>;
}

/** Switch id → option id, for the switches not left at their first option (the model as built). */
export type WhatIfChoice = Readonly<Record<string, string>>;
