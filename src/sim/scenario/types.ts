// The types of a scenario, inferred from its one description (schema.ts): what the validator
// checks, the JSON Schema publishes and the engine reads are the same shape by construction.
import type * as v from 'valibot';
import type { BotName } from '../bot-names';
import type { SCHEMAS, SCENARIO } from './schema';

export {
  COMMITMENTS,
  DIRECTIONS,
  ESCALATION_CLASSES,
  HIDDEN_PARAMETERS,
  SIGNAL_KINDS,
  TRACKS,
  type Condition,
} from './schema';

type Of<K extends keyof typeof SCHEMAS> = v.InferOutput<(typeof SCHEMAS)[K]>;

export type Track = Action['track'];
/** A side of the crisis, as the scenario names it (its `mechanics` says which side plays which part). */
export type Side = string;
export type EscalationClass = Action['escalationClass'];
export type SignalKind = Action['signal'];
export type Commitment = NonNullable<Action['commitment']>;
export type HiddenParameter = HiddenIntentSpec['id'];
export type Direction = VariableMeasure['better'];
/** The measure that adds up every war ending, beside the endings' own shares. */
export const ANY_WAR = 'anyWar';

export type Scenario = v.InferOutput<typeof SCENARIO>;
/**
 * A cited source: a quotation from the seed article, a published reference, or, for an event that
 * is plausible but did not happen, a note saying what did and did not.
 */
export type Source = Of<'SOURCE'>;
export type Variable = Of<'VARIABLE'>;
/** A chance in whole percent: base plus, for each term, (value − pivot) × perTen / 10, clamped. */
export type Chance = Of<'CHANCE'>;
/**
 * A change to one variable; with `delay` it lands that many turns later and shows as pending; with
 * `holds` it lapses that many turns after it lands, and what it moved is moved back.
 */
export type VariableEffect = Of<'VARIABLE_EFFECT'>;
/**
 * Narrows the intelligence estimates of the hidden intent by `amount` points, for the acting role
 * ("actor") or for every role of a side that estimates it (a side id).
 */
export type IntelEffect = Of<'INTEL_EFFECT'>;
export type Effect = VariableEffect | IntelEffect;
export type Roll = Of<'ROLL'>;
export type Action = Of<'ACTION'>;
export type GameEvent = Of<'EVENT'>;
export type Ending = Of<'ENDING'>;
export type ObjectiveMeasure = Of<'MEASURE'>;
type VariableMeasure = Extract<ObjectiveMeasure, { var: string }>;
export type Objective = Of<'OBJECTIVE'>;
export type AiProfile = Of<'AI_PROFILE'>;
export type Role = Of<'ROLE'>;
export type Rung = Of<'RUNG'>;
export type HiddenIntentSpec = Of<'HIDDEN_INTENT'>;
export type BriefingSection = Of<'BRIEFING_SECTION'>;
export type TimelineEntry = Scenario['whatHappened'][number];
export type ModelCardEntry = Scenario['modelCard'][number];
/** A reference a teacher can look up: who, when, what, where it appeared, and an address. */
export type BibliographyEntry = Of<'BIBLIOGRAPHY_ENTRY'>;
/** A 45-minute lesson around the scenario, printed in the teacher pack (prose only). */
export type LessonKit = Of<'LESSON_KIT'>;
/** A share of games in percent: inclusive bounds, or "more than". */
export type PercentRange = Of<'PERCENT_RANGE'>;
/** What history says the baseline line should produce (`brink calibrate` checks each). */
export type CalibrationTargets = Of<'CALIBRATION_TARGETS'>;
/** One line of play: who plays each role, and for the historical bot which turns differ. */
export type CalibrationLine = Of<'CALIBRATION_LINE'> & { policies: Record<string, BotName> };
/** How often the model reproduces history: lines of play measured by `brink calibrate`. */
export type Calibration = Of<'CALIBRATION'>;
/**
 * The parts the engine's general rules give to a scenario's own sides and variables (every value is
 * an id of the scenario). The rules themselves are in src/sim and the model card.
 */
export type Mechanics = Of<'MECHANICS'>;
/** How the pages present the scenario: its main, charted and compared variables, tracks, intent. */
export type Presentation = Of<'PRESENTATION'>;
/** An assumption of the model that can be switched before a game, with the numbers each option sets. */
export type WhatIf = Of<'WHAT_IF'>;
export type WhatIfOption = Of<'WHAT_IF_OPTION'>;
/** Switch id → option id, for the switches not left at their first option (the model as built). */
export type WhatIfChoice = Readonly<Record<string, string>>;
