// The one description of a scenario's shape, in Valibot: the TypeScript types (types.ts) are
// inferred from it, the published JSON Schema (scenarios/scenario.schema.json) is generated from it
// (scripts/scenario-schema.ts), and pass 1 of the validator runs it. Every message is written for a
// scenario's author ("must be a whole number, not 2.5", "is required but missing"); an unknown
// field is a warning, named with the known field it is probably a typo of. What the shape cannot
// say (references, ranges between fields, reachability) is pass 2, in validate.ts.
import * as v from 'valibot';
import { BOTS } from '../bot-names';
import { parseIsoDate } from '../calendar';
import { MAX_ACTIONS_PER_ORDER, MAX_ID, tooLong } from '../record/limits';
import type { Fault } from '../result';
import { RULE_IDS, RULE_SPECS, type Rules } from './rules';
import { at, didYouMean, has, isObject, quote, show } from './words';

// ---------------------------------------------------------------------------------------------
// The vocabulary: lists the engine knows by name

export const TRACKS = ['diplomacy', 'sanctions', 'deterrence'] as const;
/** Rivera et al. (2024) escalation classes: de-escalation, status quo, posturing, non-violent, violent, nuclear. */
export const ESCALATION_CLASSES = [-2, 0, 4, 12, 28, 60] as const;
export const SIGNAL_KINDS = ['costly', 'cheap', 'none'] as const;
/**
 * How far an offer or promise binds (Fearon's commitment problem): a binding one (a written text,
 * a treaty, a law) holds; a political one (a statement, a call, a gesture) lapses after its
 * effects' `holds` turns.
 */
export const COMMITMENTS = ['binding', 'political'] as const;
export const HIDDEN_PARAMETERS = ['resolve', 'costTolerance', 'quickWinBelief'] as const;
/** Which way a line is expected to move a measure, against the baseline. */
export const DIRECTIONS = ['higher', 'lower'] as const;
const TONES = ['good', 'mixed', 'bad'] as const;
const AI_KINDS = ['war', 'offer', 'backdown', 'buildup'] as const;
const SOURCE_KINDS = ['article', 'research', 'counterfactual'] as const;

export const MAX_TURNS = 52;
const MAX_CONDITION_DEPTH = 32;
/** Stages of war the rules give a number for: none, recognition, incursion, invasion. */
const WAR_STAGES = 4;
/** Bound on every number: far beyond anything meaningful, far below floating-point trouble. */
const LIMIT = 1_000_000;
const MAX_LIST = 10_000;
/** Names, labels, headlines: one line on a screen. Ids and references: MAX_ID. */
const MAX_SHORT_TEXT = 200;
/** Descriptions, briefings and the like: far more than any screen shows. */
const MAX_PROSE = 10_000;
/** AI weights, in tenths of a point of score per point a variable moves. */
const MAX_AI_VALUE = 1_000;
/** Escalation aversion, the value of capital, and an action's bias, in tenths. */
const MAX_AI_FACTOR = 100;
const MAX_AI_NOISE = 1_000;
/** Chance points per ten points of a variable: 1000 moves a 0–1 flag's chance by 100. */
const MAX_PER_TEN = 1_000;
/** A chance's base, before its terms (which may pull it back into 0–100) and its clamp. */
const MAX_CHANCE_BASE = 1_000;
/** Political capital, costs and an objective's weight. */
const MAX_CAPITAL = 1_000;
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

// ---------------------------------------------------------------------------------------------
// Building blocks, each with its messages

type Schema<T = unknown> = v.GenericSchema<T>;
/** The message of an issue, in words, from the value that failed. */
const saying =
  (words: (input: unknown) => string) =>
  (issue: v.BaseIssue<unknown>): string =>
    words(issue.input);

/** Text that is not blank and at most `max` characters long. */
function textUpTo(max: number, mayBeEmpty = false): Schema<string> {
  const notText = saying(
    (x) => `must be text${mayBeEmpty ? ' (it may be "")' : ''}, not ${show(x)}`,
  );
  const long = saying((x) => tooLong(x as string, max));
  return mayBeEmpty
    ? v.pipe(v.string(notText), v.maxLength(max, long))
    : v.pipe(
        v.string(notText),
        v.maxLength(max, long),
        v.minLength(1, 'must not be empty'),
        v.check((s) => s.trim() !== '', 'must not be empty'),
      );
}

/** Prose: a description, a briefing, a quotation. */
const text = textUpTo(MAX_PROSE);
/** A name, a label, a headline. */
const shortText = textUpTo(MAX_SHORT_TEXT);
/** The id of something defined elsewhere in the scenario (checked to exist in pass 2). */
const reference = textUpTo(MAX_ID);
const textOrEmpty = textUpTo(MAX_SHORT_TEXT, true);

const flag = v.boolean(saying((x) => `must be true or false, not ${show(x)}`));

const identifier = v.pipe(
  textUpTo(MAX_ID),
  v.regex(
    ID_PATTERN,
    saying(
      (x) =>
        `${quote(x as string)} is not a usable id: start with a letter, then use only letters, digits, ".", "-" and "_"`,
    ),
  ),
);

const isoDate = v.pipe(
  v.string(saying((x) => `must be text, not ${show(x)}`)),
  v.regex(
    /^\d{4}-\d{2}-\d{2}$/,
    saying((x) => `must be a real date written YYYY-MM-DD, not ${quote(x as string)}`),
  ),
  v.check(
    (s) => parseIsoDate(s) !== null,
    saying((x) => `must be a real date written YYYY-MM-DD, not ${quote(x as string)}`),
  ),
);

function number(min = -LIMIT, max = LIMIT, whole = false): Schema<number> {
  const notNumber = saying(
    (x) => `must be ${whole ? 'a whole number' : 'a number'}, not ${show(x)}`,
  );
  const checks: v.PipeItem<number, number, v.BaseIssue<unknown>>[] = [v.finite(notNumber)];
  if (whole) checks.push(v.integer(saying((x) => `must be a whole number, not ${String(x)}`)));
  checks.push(
    v.minValue<number, number, v.ErrorMessage<v.MinValueIssue<number, number>>>(
      min,
      saying((x) => `must be at least ${min}, not ${String(x)}`),
    ),
    v.maxValue<number, number, v.ErrorMessage<v.MaxValueIssue<number, number>>>(
      max,
      saying((x) => `must be at most ${max}, not ${String(x)}`),
    ),
  );
  return v.pipe(v.number(notNumber), ...checks);
}

function integer(min = -LIMIT, max = LIMIT): Schema<number> {
  return number(min, max, true);
}

function oneOf<const T extends readonly (string | number)[]>(values: T) {
  const words = values.map((x) => JSON.stringify(x)).join(', ');
  const names = values.filter((x): x is string => typeof x === 'string');
  return v.picklist(
    values,
    saying((x) => {
      const hint = typeof x === 'string' ? didYouMean(x, names) : '';
      return `must be one of ${words}, not ${show(x)}${hint}`;
    }),
  );
}

function list<T extends Schema>(item: T, min = 0, noun = 'entry'): Schema<v.InferOutput<T>[]> {
  return v.pipe(
    v.array(
      item,
      saying((x) => `must be a list, not ${show(x)}`),
    ),
    v.maxLength(MAX_LIST, `has more than ${MAX_LIST} entries`),
    v.minLength(min, `needs at least ${min === 1 ? 'one' : min} ${noun}`),
  );
}

/** An object with free keys, every value passing `item`. */
function record<T extends Schema>(item: T) {
  return v.record(
    v.string(),
    item,
    saying((x) => `must be an object, not ${show(x)}`),
  );
}

/** An object with known fields; unknown ones are warned about after the parse (`unknownFields`). */
function shape<R extends v.ObjectEntries, O extends v.ObjectEntries = Record<never, never>>(
  required: R,
  optional?: O,
) {
  const entries: Record<string, Schema> = { ...required };
  for (const [key, schema] of Object.entries(optional ?? {})) entries[key] = v.optional(schema);
  return v.object(entries as R & { [K in keyof O]: v.OptionalSchema<O[K], undefined> }, (issue) =>
    issue.path?.at(-1)?.origin === 'key'
      ? 'is required but missing'
      : `must be an object, not ${show(issue.input)}`,
  );
}

/** A schema that always fails with this message, `suffix` keys below where it stands. */
function fail(message: string, suffix: readonly (string | number)[] = []): Schema<never> {
  const base = v.never(message);
  return {
    ...base,
    '~run'(dataset) {
      const input = dataset.value;
      const issue: v.BaseIssue<unknown> = {
        kind: 'schema',
        type: 'never',
        input,
        expected: null,
        received: show(input),
        message,
        path: suffix.map((key) =>
          typeof key === 'number'
            ? { type: 'array', origin: 'value', input: [], key, value: undefined }
            : { type: 'object', origin: 'value', input: {}, key, value: undefined },
        ) as v.BaseIssue<unknown>['path'],
      };
      return { typed: false, value: input, issues: [issue] } as v.FailureDataset<
        v.BaseIssue<unknown>
      >;
    },
  } as Schema<never>;
}

/**
 * One of several object shapes, told apart by which keys an object has: at validation the shape
 * the keys point to (or a failure in the author's words); in the JSON Schema their union.
 */
function byKeys<const T extends readonly Schema[]>(
  options: T,
  pick: (input: unknown) => T[number] | Schema<never>,
): v.LazySchema<v.UnionSchema<T, undefined>> {
  const union = v.union(options);
  // The JSON Schema converter calls the getter with nothing; validation with the value itself.
  return v.lazy((input) => (input === undefined ? union : pick(input))) as never;
}

// ---------------------------------------------------------------------------------------------
// Conditions, effects, chances

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

const CONDITION: Schema<Condition> = v.lazy((input): Schema =>
  input === undefined ? CONDITION_KINDS_UNION : pickCondition(input),
) as Schema as Schema<Condition>;

const CONDITION_KINDS = [
  { keys: ['var'], schema: shape({ var: reference }, { gte: number(), lte: number() }) },
  { keys: ['turnGte', 'turnLte'], schema: shape({}, { turnGte: integer(), turnLte: integer() }) },
  { keys: ['rungGte', 'rungLte'], schema: shape({}, { rungGte: integer(), rungLte: integer() }) },
  {
    keys: ['actionTaken'],
    schema: shape({ actionTaken: reference }, { byTurnsAgo: integer(0) }),
  },
  { keys: ['eventHappened'], schema: shape({ eventHappened: reference }) },
  { keys: ['all'], schema: shape({ all: list(CONDITION) }) },
  { keys: ['any'], schema: shape({ any: list(CONDITION) }) },
  { keys: ['not'], schema: shape({ not: CONDITION }) },
] as const;
const CONDITION_KEYS = CONDITION_KINDS.flatMap((kind) => kind.keys);
const CONDITION_KINDS_UNION = v.union(CONDITION_KINDS.map((kind) => kind.schema));

function pickCondition(input: unknown): Schema {
  if (!isObject(input)) return fail(`must be a condition object, not ${show(input)}`);
  const tooDeep = conditionTooDeep(input);
  if (tooDeep) return fail(`conditions are nested more than ${MAX_CONDITION_DEPTH} deep`, tooDeep);
  const kinds = CONDITION_KINDS.filter((kind) => kind.keys.some((key) => has(input, key)));
  const [kind, other] = kinds;
  if (!kind) {
    const first = Object.keys(input)[0];
    const hint = first === undefined ? '' : didYouMean(first, CONDITION_KEYS);
    const keys = CONDITION_KEYS.map((key) => JSON.stringify(key)).join(', ');
    return fail(
      `is not a condition${hint}: it needs one of ${keys} (for "always", write {"all": []})`,
    );
  }
  if (other) {
    const name = (k: (typeof CONDITION_KINDS)[number]) =>
      JSON.stringify(k.keys.find((key) => has(input, key)));
    return fail(
      `mixes two conditions (${name(kind)} and ${name(other)}): put them in {"all": [...]}`,
    );
  }
  return kind.schema;
}

/**
 * The keys from `cond` to the first condition nested deeper than the limit, or null. A loop over
 * `all`, `any` and `not` only, so no input exhausts the stack before the limit is found.
 */
function conditionTooDeep(cond: unknown): (string | number)[] | null {
  const stack: { value: unknown; keys: (string | number)[] }[] = [{ value: cond, keys: [] }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value, keys } = node;
    if (!isObject(value)) continue;
    if (keys.filter((k) => typeof k === 'string').length > MAX_CONDITION_DEPTH) return keys;
    const children: { value: unknown; keys: (string | number)[] }[] = [];
    for (const key of ['all', 'any'] as const) {
      const items = value[key];
      if (Array.isArray(items))
        items.forEach((item, i) => children.push({ value: item, keys: [...keys, key, i] }));
    }
    if (has(value, 'not')) children.push({ value: value.not, keys: [...keys, 'not'] });
    stack.push(...children.reverse());
  }
  return null;
}

const VARIABLE_EFFECT = shape(
  { var: reference, amount: integer() },
  { delay: integer(1), holds: integer(1) },
);
/** `who`: "actor", or a side whose roles that estimate the hidden intent learn (checked in pass 2). */
const INTEL_EFFECT = shape({ intel: integer(1), who: identifier });

const EFFECT = byKeys([VARIABLE_EFFECT, INTEL_EFFECT], (input) => {
  const intel = isObject(input) && has(input, 'intel');
  if (intel && has(input, 'var'))
    return fail(
      'is both a variable effect ("var") and an intelligence effect ("intel"): split it in two',
    );
  return intel ? INTEL_EFFECT : VARIABLE_EFFECT;
});

const EFFECTS = list(EFFECT);

const CHANCE = shape(
  { base: integer(-MAX_CHANCE_BASE, MAX_CHANCE_BASE) },
  {
    terms: list(
      shape({ var: reference, pivot: integer(), perTen: integer(-MAX_PER_TEN, MAX_PER_TEN) }),
    ),
    min: integer(0, 100),
    max: integer(0, 100),
  },
);

const ROLL = shape({ label: shortText, chance: CHANCE, success: EFFECTS, failure: EFFECTS });

/**
 * A cited source. The JSON Schema requires what each kind needs (an article's quote, a reference
 * otherwise); the validator checks the same in pass 2, where it can say so in its own words.
 */
const ARTICLE_SOURCE = shape(
  { kind: v.literal('article'), quote: text },
  { reference: text, url: text },
);
const REFERENCE_SOURCE = shape(
  { kind: v.picklist(['research', 'counterfactual']), reference: text },
  { quote: text, url: text },
);
const ANY_SOURCE = shape(
  { kind: oneOf(SOURCE_KINDS) },
  { quote: text, reference: text, url: text },
);
const SOURCE = byKeys([ARTICLE_SOURCE, REFERENCE_SOURCE], () => ANY_SOURCE as never);

// ---------------------------------------------------------------------------------------------
// The parts of a scenario

const VARIABLE = shape(
  {
    id: identifier,
    name: shortText,
    description: text,
    min: integer(),
    max: integer(),
    initial: integer(),
    unit: textOrEmpty,
    group: identifier,
  },
  { drift: shape({ target: integer(), tenths: integer(0, 10) }), labels: list(shortText) },
);

const ACTION = shape(
  {
    id: identifier,
    role: reference,
    track: oneOf(TRACKS),
    name: shortText,
    description: text,
    cost: integer(0, MAX_CAPITAL),
    goldstein: number(-10, 10),
    escalationClass: oneOf(ESCALATION_CLASSES),
    signal: oneOf(SIGNAL_KINDS),
    effects: EFFECTS,
  },
  {
    redLine: flag,
    roll: ROLL,
    requires: CONDITION,
    once: flag,
    cooldown: integer(1),
    warStage: integer(1),
    ai: shape({}, { kind: oneOf(AI_KINDS), bias: number(-MAX_AI_FACTOR, MAX_AI_FACTOR) }),
    commitment: oneOf(COMMITMENTS),
  },
);

const EVENT = shape(
  {
    id: identifier,
    name: shortText,
    headline: shortText,
    description: text,
    goldstein: number(-10, 10),
    escalationClass: oneOf(ESCALATION_CLASSES),
    effects: EFFECTS,
  },
  {
    turn: integer(1),
    when: CONDITION,
    chance: CHANCE,
    repeatable: flag,
    roll: ROLL,
    injectable: flag,
    source: SOURCE,
  },
);

const ENDING = shape(
  {
    id: identifier,
    name: shortText,
    description: text,
    when: CONDITION,
    causes: list(reference),
    tone: oneOf(TONES),
  },
  { atDeadline: flag },
);

const VARIABLE_MEASURE = shape(
  { var: reference, better: oneOf(DIRECTIONS) },
  { from: number(), to: number() },
);
/** An ending's worth to an objective, 0–100 like every objective's value. */
const ENDINGS_MEASURE = shape({ endings: record(number(0, 100)) });
const MEASURE = byKeys([VARIABLE_MEASURE, ENDINGS_MEASURE], (input) =>
  isObject(input) && has(input, 'endings') ? ENDINGS_MEASURE : VARIABLE_MEASURE,
);

const OBJECTIVE = shape({
  id: identifier,
  text: shortText,
  weight: integer(1, MAX_CAPITAL),
  measure: MEASURE,
});

const AI_PROFILE = shape({
  values: record(number(-MAX_AI_VALUE, MAX_AI_VALUE)),
  // Negative: an appetite for escalation.
  escalationAversion: number(-MAX_AI_FACTOR, MAX_AI_FACTOR),
  capitalValue: number(0, MAX_AI_FACTOR),
  noise: integer(0, MAX_AI_NOISE),
});

const ROLE = shape(
  {
    id: identifier,
    name: shortText,
    leader: shortText,
    side: identifier,
    playable: flag,
    colour: shortText,
    capital: shape({
      start: integer(0, MAX_CAPITAL),
      perTurn: integer(-MAX_CAPITAL, MAX_CAPITAL),
      max: integer(0, MAX_CAPITAL),
    }),
    // A record holds at most this many actions in one set of orders.
    maxActionsPerTurn: integer(1, MAX_ACTIONS_PER_ORDER),
    objectives: list(OBJECTIVE, 0, 'objective'),
    victoryScore: number(0, 100),
    ai: AI_PROFILE,
    estimatesIntent: flag,
    briefing: text,
  },
  { partialSuccess: shape({ objective: identifier, atLeast: integer(0, 100) }) },
);

const RUNG = shape(
  { level: integer(1), name: shortText, kahn: shortText, minTension: number() },
  { minWarStage: integer(1) },
);

const HIDDEN_INTENT = shape(
  {
    id: oneOf(HIDDEN_PARAMETERS),
    name: shortText,
    description: text,
    min: integer(),
    max: integer(),
    initialEstimateWidth: integer(1),
  },
  { distribution: oneOf(['uniform', 'triangular']) },
);

/**
 * The rules block: every rule given (an optional one may be left out, and then plays by its
 * first-format value), each a number (or one per stage of war) in its range.
 */
const RULES: Schema<Rules> = (() => {
  const required: Record<string, Schema> = {};
  const optional: Record<string, Schema> = {};
  for (const id of RULE_IDS) {
    const spec: { min: number; max: number; stages?: boolean; optional?: boolean } = RULE_SPECS[id];
    const value = integer(spec.min, spec.max);
    const stages = saying(
      (x) =>
        `must list one whole number for each of the ${WAR_STAGES} stages of war (0 to ${WAR_STAGES - 1}), not ${show(x)}`,
    );
    (spec.optional ? optional : required)[id] = shape(
      {
        value: spec.stages ? v.pipe(v.array(value, stages), v.length(WAR_STAGES, stages)) : value,
        rationale: text,
      },
      { source: text },
    );
  }
  return shape(required, optional) as Schema as Schema<Rules>;
})();

const SOURCE_LIST = list(SOURCE, 1, 'source');

const BRIEFING_SECTION = shape({
  heading: shortText,
  paragraphs: list(shape({ text, sources: SOURCE_LIST }), 1, 'paragraph'),
});

// The calibration block: the lines of play `brink calibrate` measures and the targets history sets.
const PERCENT = number(0, 100);
const PERCENT_RANGE = shape({}, { atLeast: PERCENT, atMost: PERCENT, moreThan: PERCENT });
const CALIBRATION_TARGETS = shape(
  {},
  {
    mostLikelyEnding: text,
    endingShares: record(PERCENT_RANGE),
    invasionMedian: shape({ date: isoDate, withinTurns: integer(0) }),
    recognitionFirst: PERCENT_RANGE,
    anyWar: PERCENT_RANGE,
  },
);
const CALIBRATION_LINE = shape(
  { id: identifier, name: text, description: text, policies: record(oneOf(BOTS)) },
  {
    plan: record(record(list(text))),
    expected: record(oneOf(DIRECTIONS)),
    citation: text,
    targets: CALIBRATION_TARGETS,
  },
);
const CALIBRATION = shape({
  baseline: text,
  warEndings: list(text, 1, 'ending'),
  invasionEnding: text,
  lines: list(CALIBRATION_LINE, 1, 'line'),
});

// The lesson kit: a 45-minute lesson printed in the teacher pack.
const lines = (min: number, noun: string) => list(text, min, noun);
const BIBLIOGRAPHY_ENTRY = shape(
  { authors: text, year: text, title: text, publishedIn: text },
  { url: text, note: text },
);
const LESSON_KIT = shape({
  minutes: integer(1, 600),
  audience: text,
  objectives: lines(1, 'objective'),
  preparation: lines(0, 'line'),
  runSheet: list(
    shape({ start: integer(0), end: integer(1), step: text, teacher: text, students: text }),
    1,
    'step',
  ),
  coreQuestions: list(
    shape({ question: text, notes: text, evidence: lines(1, 'pointer') }),
    1,
    'question',
  ),
  quiz: list(
    shape({ question: text, choices: lines(2, 'choice'), answer: integer(0), explanation: text }),
    1,
    'question',
  ),
  roleBriefs: list(
    shape({
      role: text,
      paragraphs: lines(1, 'paragraph'),
      aims: lines(1, 'aim'),
      watch: lines(0, 'line'),
      sources: lines(0, 'source'),
    }),
    1,
    'brief',
  ),
  bibliography: list(shape({ heading: text, entries: list(BIBLIOGRAPHY_ENTRY, 1, 'entry') }), 1),
});

// What-if switches: assumptions a teacher can switch before a game (what-if.ts).
const WHAT_IF_OPTION = shape({
  id: identifier,
  label: shortText,
  description: text,
  set: record(number()),
});
const WHAT_IF = shape(
  {
    id: identifier,
    name: shortText,
    description: text,
    options: list(WHAT_IF_OPTION, 2, 'option'),
  },
  { source: text },
);

/**
 * How the pages present the scenario beyond its own data (prose: outside the content hash): the
 * variables the crisis room shows first, the four the debrief charts, those compared at the end of
 * games in the class view, the tracks' headings, and whose intent is hidden.
 */
const PRESENTATION = shape({
  mainVariables: v.pipe(
    list(reference, 1, 'variable'),
    v.maxLength(12, 'has more than 12 variables: the crisis room shows at most 12'),
  ),
  charted: v.pipe(
    list(reference),
    v.length(
      4,
      saying((x) => `must name the 4 variables the debrief charts, not ${(x as unknown[]).length}`),
    ),
  ),
  compared: v.pipe(
    list(reference, 1, 'variable'),
    v.maxLength(9, 'has more than 9 variables: the class view compares at most 9'),
  ),
  tracks: shape({ diplomacy: shortText, sanctions: shortText, deterrence: shortText }),
  intentOf: shortText,
});

/** Which of the scenario's sides and variables play which part (checked to exist in pass 2). */
const MECHANICS = shape({
  tension: reference,
  warStage: reference,
  deterrer: shape(
    { side: reference, credibility: reference, cohesion: reference },
    { support: record(reference) },
  ),
  challenger: shape({ side: reference, face: reference }),
  sanctions: shape({ prepared: reference, imposed: reference, erodes: reference }),
  quickWin: shape({
    forces: reference,
    preparation: reference,
    allied: reference,
    defender: reference,
  }),
  bargaining: shape({ progress: reference, channels: reference }),
  securityDilemma: shape({ flank: reference, defender: reference }),
  terms: shape({ fighting: shortText, securityDilemma: shortText, noPretext: shortText }),
});

export const SCENARIO = shape(
  {
    id: identifier,
    version: shortText,
    title: shortText,
    summary: text,
    startDate: isoDate,
    turns: integer(1, MAX_TURNS),
    daysPerTurn: integer(1, 366),
    roles: list(ROLE, 1, 'role'),
    variables: list(VARIABLE, 1, 'variable'),
    hiddenIntent: list(HIDDEN_INTENT),
    rungs: list(RUNG, 1, 'rung'),
    actions: list(ACTION, 1, 'action'),
    events: list(EVENT),
    endings: list(ENDING, 1, 'ending'),
    historical: record(record(list(reference))),
    briefing: list(BRIEFING_SECTION),
    glossary: list(shape({ term: shortText, definition: text })),
    discussionQuestions: list(text),
    whatHappened: list(shape({ date: shortText, text, source: text })),
    modelCard: list(shape({ subject: shortText, explanation: text, sources: list(text) })),
    mechanics: MECHANICS,
  },
  {
    // Editors find the schema through this key; the engine ignores it.
    $schema: text,
    compatibleWith: list(shape({ version: text, hash: text })),
    rules: RULES,
    lessonKit: LESSON_KIT,
    calibration: CALIBRATION,
    historicalWhen: record(CONDITION),
    whatIfs: list(WHAT_IF),
    presentation: PRESENTATION,
  },
);

/** The shapes the JSON Schema names in its `$defs`: the recursive condition, and the choices of shape. */
export const JSON_SCHEMA_DEFINITIONS: Readonly<Record<string, Schema>> = {
  Condition: CONDITION_KINDS_UNION,
  Effect: EFFECT.getter(undefined),
  Measure: MEASURE.getter(undefined),
  Source: SOURCE.getter(undefined),
};

/** The schemas behind the types that have a name of their own (types.ts). */
export const SCHEMAS = {
  SOURCE,
  VARIABLE,
  VARIABLE_EFFECT,
  INTEL_EFFECT,
  CHANCE,
  ROLL,
  ACTION,
  EVENT,
  ENDING,
  OBJECTIVE,
  MEASURE,
  AI_PROFILE,
  ROLE,
  RUNG,
  HIDDEN_INTENT,
  BRIEFING_SECTION,
  PERCENT_RANGE,
  CALIBRATION_TARGETS,
  CALIBRATION_LINE,
  CALIBRATION,
  BIBLIOGRAPHY_ENTRY,
  LESSON_KIT,
  WHAT_IF,
  WHAT_IF_OPTION,
  MECHANICS,
  PRESENTATION,
};

// ---------------------------------------------------------------------------------------------
// Pass 1: the shape

/** Keys no object of a scenario may have: they reach an object's prototype, not its fields. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** The faults in the shape of `data`: errors, or (once there are none) unknown-field warnings. */
export function shapeFaults(data: unknown): { errors: Fault[]; warnings: Fault[] } {
  const errors: Fault[] = [];
  const seen = new Set<string>();
  const reserved = reservedKey(data);
  if (reserved) {
    const [path, key] = reserved;
    return {
      errors: [{ path, message: `the key ${quote(key)} is not allowed`, severity: 'error' }],
      warnings: [],
    };
  }
  const result = v.safeParse(SCENARIO, data);
  for (const issue of result.issues ?? []) {
    const path = (issue.path ?? []).reduce<string>(
      (out, item) => at(out, item.key as string | number),
      '',
    );
    // One message a place: the first (a value that is not a number is not also out of range).
    if (seen.has(path)) continue;
    seen.add(path);
    errors.push({ path, message: issue.message, severity: 'error' });
  }
  const warnings: Fault[] = [];
  if (errors.length === 0) unknownFields(SCENARIO, data, '', warnings);
  return { errors, warnings };
}

/**
 * The first own key anywhere in `data` that Valibot would skip (its records and objects leave
 * them out, so what they hold would go unchecked), with the path of the object holding it.
 */
function reservedKey(data: unknown): [string, string] | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: data, path: '', depth: 0 },
  ];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value, path, depth } = node;
    // Deeper than any schema reaches: what lies there is never read as a scenario's data.
    if (typeof value !== 'object' || value === null || depth > 200) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: at(path, i), depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.includes(key)) return [at(path, key), key];
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: at(path, key),
        depth: depth + 1,
      });
    }
  }
  return null;
}

interface Walkable {
  type: string;
  entries?: Record<string, Walkable>;
  item?: Walkable;
  value?: Walkable;
  wrapped?: Walkable;
  getter?: (input: unknown) => Walkable;
}

/** Warns of every field the schema does not know, on data that has passed it. */
function unknownFields(schema: Walkable, value: unknown, path: string, out: Fault[]): void {
  switch (schema.type) {
    case 'optional':
      // An optional field written out as undefined (a scenario made in code, not JSON) is absent.
      if (value === undefined) return;
      return unknownFields(schema.wrapped!, value, path, out);
    case 'lazy':
      return unknownFields(schema.getter!(value), value, path, out);
    case 'array':
      (value as unknown[]).forEach((item, i) =>
        unknownFields(schema.item!, item, at(path, i), out),
      );
      return;
    case 'record':
      for (const [key, item] of Object.entries(value as object))
        unknownFields(schema.value!, item, at(path, key), out);
      return;
    case 'object': {
      const entries = schema.entries!;
      const known = Object.keys(entries);
      for (const [key, item] of Object.entries(value as object)) {
        if (has(entries, key)) unknownFields(entries[key]!, item, at(path, key), out);
        else
          out.push({
            path: at(path, key),
            message: `unknown field ${quote(key)}${didYouMean(key, known)} is ignored`,
            severity: 'warning',
          });
      }
    }
  }
}
