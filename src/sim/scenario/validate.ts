// Turns untrusted scenario data into a trusted Scenario, or says what is wrong and where.
// Two passes: first the shape (types, required fields, enums, whole numbers); then, only once the
// shape is right so these checks can trust the types, the meaning: unique ids, cross-references,
// ranges, and whether endings, requirements and events can ever happen. Errors fail the result;
// warnings flag content that runs but is probably not what the author meant.
import { parseIsoDate } from '../calendar';
import { RULE_IDS, RULE_SPECS } from './rules';
import { MAX_ACTIONS_PER_ORDER, MAX_ID, tooLong } from '../record/limits';
import type { Fault, Result } from '../result';
import {
  COMMITMENTS,
  ESCALATION_CLASSES,
  HIDDEN_PARAMETERS,
  SIGNAL_KINDS,
  TRACKS,
  type Action,
  type Chance,
  type Condition,
  type Effect,
  type Ending,
  type GameEvent,
  type ObjectiveMeasure,
  type Role,
  type Roll,
  type Scenario,
  type Source,
  type Variable,
} from './types';
import { checkLessonKit, lessonKitShape } from './validate-lesson-kit';
import { calibrationShape, checkCalibration } from './validate-calibration';
import { checkWhatIfs, whatIfsShape } from './validate-what-ifs';

export const MAX_TURNS = 52;

/** The key AI values use for better intelligence, so no variable may take it. */
const INTEL_KEY = 'intel';
const MAX_CONDITION_DEPTH = 32;
/**
 * Lists and objects nested inside each other, anywhere (unknown fields too): conditions at their
 * limit take about 70 levels, and every walk over the data (hashing, copying, a JSON Schema
 * check) stays far from the stack limit.
 */
export const MAX_NESTING = 100;
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
const TURN_KEY = /^[1-9][0-9]*$/;
/** The clamp `chanceOf` applies when a chance gives no min or max. */
const DEFAULT_CHANCE_MIN = 5;
const DEFAULT_CHANCE_MAX = 95;

/**
 * A list of every member of a string union, checked by the compiler: a missing member makes the
 * argument type `never`, so the lists below cannot drift from the types they mirror.
 */
function everyOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never),
  ): L => list;
}

const TONES = everyOf<Ending['tone']>()(['good', 'mixed', 'bad']);
const AI_KINDS = everyOf<NonNullable<NonNullable<Action['ai']>['kind']>>()([
  'war',
  'offer',
  'backdown',
  'buildup',
]);
const SOURCE_KINDS = everyOf<Source['kind']>()(['article', 'research', 'counterfactual']);
const DIRECTIONS = everyOf<Extract<ObjectiveMeasure, { var: string }>['better']>()([
  'higher',
  'lower',
]);

/** On success the value is the input itself, now typed; unknown fields (warned about) stay in it. */
export function validateScenario(data: unknown): Result<Scenario> {
  const faults = new Faults();
  if (isObject(data)) {
    // The shape pass walks only known fields, to bounded depth, so it reports deep conditions
    // with their own limit; the nesting check then guards what walks everything afterwards.
    SCENARIO(data, '', faults);
    const deep = faults.errors.length === 0 ? tooDeep(data) : null;
    if (deep !== null) faults.error(deep, `is nested more than ${MAX_NESTING} levels deep`);
    if (faults.errors.length === 0) checkMeaning(data as unknown as Scenario, faults);
  } else {
    faults.error('', `a scenario must be a JSON object, not ${show(data)}`);
  }
  if (faults.errors.length > 0) return { ok: false, errors: faults.errors };
  const value = data as unknown as Scenario;
  return faults.warnings.length > 0
    ? { ok: true, value, warnings: faults.warnings }
    : { ok: true, value };
}

/**
 * The path of the first list or object nested more than `limit` deep (the top level is 1), or
 * null. A loop, not recursion, so no input can exhaust the stack.
 */
export function tooDeep(data: unknown, limit = MAX_NESTING): string | null {
  interface Node {
    value: unknown;
    key: string | number;
    parent: Node | null;
    depth: number;
  }
  const stack: Node[] = [{ value: data, key: '', parent: null, depth: 1 }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value, depth } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limit) return pathOf(node);
    const parent = node;
    // Pushed last to first, so the first too-deep place in reading order is the one reported.
    const entries = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, key, parent, depth: depth + 1 });
    }
  }
  return null;

  function pathOf(node: Node): string {
    const keys: (string | number)[] = [];
    for (let n: Node | null = node; n?.parent; n = n.parent) keys.push(n.key);
    return keys.reverse().reduce<string>((path, key) => at(path, key), '');
  }
}

// ---------------------------------------------------------------------------------------------
// Faults, paths and words

type Severity = 'error' | 'warning';

class Faults {
  readonly errors: Fault[] = [];
  readonly warnings: Fault[] = [];

  add(severity: Severity, path: string, message: string): void {
    (severity === 'error' ? this.errors : this.warnings).push({ path, message, severity });
  }

  error(path: string, message: string): void {
    this.add('error', path, message);
  }

  warn(path: string, message: string): void {
    this.add('warning', path, message);
  }
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** `actions[3].effects[0].var`; keys that are not plain names are written `["key"]`. */
function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (PLAIN_KEY.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

/** A bad value in words, for "must be a number, not the text "ten"". */
function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

/** " (did you mean "tension"?)" when a known name is close to the unknown one, else "". */
function didYouMean(name: string, candidates: Iterable<string>): string {
  if (name.length > 64) return '';
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    if (candidate.length > 64) continue;
    const distance =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean ${quote(best)}?)`;
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, twoBack[j - 2]! + 1);
      }
      current.push(d);
    }
    twoBack = previous;
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------
// Pass 1: the shape, as small composable checks (the JSON Schema beside the scenario mirrors them)

type Check = (value: unknown, path: string, faults: Faults) => void;
type Fields = Readonly<Record<string, Check>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Text that is not blank and at most `max` characters long. */
function textUpTo(max: number, mayBeEmpty = false): Check {
  return (value, path, faults) => {
    if (typeof value !== 'string') {
      faults.error(path, `must be text${mayBeEmpty ? ' (it may be "")' : ''}, not ${show(value)}`);
    } else if (value.length > max) {
      faults.error(path, tooLong(value, max));
    } else if (!mayBeEmpty && value.trim() === '') {
      faults.error(path, 'must not be empty');
    }
  };
}

/** Prose: a description, a briefing, a quotation. */
const text = textUpTo(MAX_PROSE);
/** A name, a label, a headline. */
const shortText = textUpTo(MAX_SHORT_TEXT);
/** The id of something defined elsewhere in the scenario (checked to exist in pass 2). */
const reference = textUpTo(MAX_ID);
const textOrEmpty = textUpTo(MAX_SHORT_TEXT, true);

const flag: Check = (value, path, faults) => {
  if (typeof value !== 'boolean') faults.error(path, `must be true or false, not ${show(value)}`);
};

const identifier: Check = (value, path, faults) => {
  if (typeof value !== 'string' || value === '') return text(value, path, faults);
  if (value.length > MAX_ID) return faults.error(path, tooLong(value, MAX_ID));
  if (!ID_PATTERN.test(value)) {
    faults.error(
      path,
      `${quote(value)} is not a usable id: start with a letter, then use only letters, digits, ".", "-" and "_"`,
    );
  }
};

const isoDate: Check = (value, path, faults) => {
  if (typeof value !== 'string') return text(value, path, faults);
  if (!parseIsoDate(value)) {
    faults.error(path, `must be a real date written YYYY-MM-DD, not ${quote(value)}`);
  }
};

function number(min = -LIMIT, max = LIMIT, whole = false): Check {
  const kind = whole ? 'a whole number' : 'a number';
  return (value, path, faults) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      faults.error(path, `must be ${kind}, not ${show(value)}`);
    } else if (whole && !Number.isInteger(value)) {
      faults.error(path, `must be a whole number, not ${value}`);
    } else if (value < min) {
      faults.error(path, `must be at least ${min}, not ${value}`);
    } else if (value > max) {
      faults.error(path, `must be at most ${max}, not ${value}`);
    }
  };
}

function integer(min = -LIMIT, max = LIMIT): Check {
  return number(min, max, true);
}

function oneOf(values: readonly (string | number)[]): Check {
  const words = values.map((v) => JSON.stringify(v)).join(', ');
  const names = values.filter((v): v is string => typeof v === 'string');
  return (value, path, faults) => {
    if ((typeof value === 'string' || typeof value === 'number') && values.includes(value)) return;
    const hint = typeof value === 'string' ? didYouMean(value, names) : '';
    faults.error(path, `must be one of ${words}, not ${show(value)}${hint}`);
  };
}

function list(item: Check, min = 0, noun = 'entry'): Check {
  return (value, path, faults) => {
    if (!Array.isArray(value)) return faults.error(path, `must be a list, not ${show(value)}`);
    if (value.length > MAX_LIST) return faults.error(path, `has more than ${MAX_LIST} entries`);
    if (value.length < min) faults.error(path, `needs at least ${min === 1 ? 'one' : min} ${noun}`);
    // By index, not forEach: a hole in an array built in code must not slip through unchecked.
    for (let i = 0; i < value.length; i++) item(value[i], at(path, i), faults);
  };
}

/** An object with free keys, every value passing `item`. */
function record(item: Check): Check {
  return (value, path, faults) => {
    if (!isObject(value)) return faults.error(path, `must be an object, not ${show(value)}`);
    for (const key of Object.keys(value)) item(value[key], at(path, key), faults);
  };
}

/** An object with known fields. Unknown fields are warnings: a typo there is silently ignored. */
function shape(required: Fields, optional: Fields = {}): Check {
  const known = [...Object.keys(required), ...Object.keys(optional)];
  return (value, path, faults) => {
    if (!isObject(value)) return faults.error(path, `must be an object, not ${show(value)}`);
    for (const [key, check] of Object.entries(required)) {
      if (has(value, key)) check(value[key], at(path, key), faults);
      else faults.error(at(path, key), 'is required but missing');
    }
    for (const [key, check] of Object.entries(optional)) {
      if (has(value, key)) check(value[key], at(path, key), faults);
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        faults.warn(
          at(path, key),
          `unknown field ${quote(key)}${didYouMean(key, known)} is ignored`,
        );
      }
    }
  };
}

interface ConditionKind {
  /** The keys that say which kind of condition an object is. */
  readonly keys: readonly string[];
  readonly check: (depth: number) => Check;
}

const CONDITION_KINDS: readonly ConditionKind[] = [
  { keys: ['var'], check: () => shape({ var: reference }, { gte: number(), lte: number() }) },
  {
    keys: ['turnGte', 'turnLte'],
    check: () => shape({}, { turnGte: integer(), turnLte: integer() }),
  },
  {
    keys: ['rungGte', 'rungLte'],
    check: () => shape({}, { rungGte: integer(), rungLte: integer() }),
  },
  {
    keys: ['actionTaken'],
    check: () => shape({ actionTaken: reference }, { byTurnsAgo: integer(0) }),
  },
  { keys: ['eventHappened'], check: () => shape({ eventHappened: reference }) },
  { keys: ['all'], check: (depth) => shape({ all: list(condition(depth + 1)) }) },
  { keys: ['any'], check: (depth) => shape({ any: list(condition(depth + 1)) }) },
  { keys: ['not'], check: (depth) => shape({ not: condition(depth + 1) }) },
];
const CONDITION_KEYS = CONDITION_KINDS.flatMap((kind) => kind.keys);

function condition(depth: number): Check {
  return (value, path, faults) => {
    if (depth > MAX_CONDITION_DEPTH) {
      return faults.error(path, `conditions are nested more than ${MAX_CONDITION_DEPTH} deep`);
    }
    if (!isObject(value))
      return faults.error(path, `must be a condition object, not ${show(value)}`);
    const kinds = CONDITION_KINDS.filter((kind) => kind.keys.some((key) => has(value, key)));
    const [kind, other] = kinds;
    if (!kind) {
      const first = Object.keys(value)[0];
      const hint = first === undefined ? '' : didYouMean(first, CONDITION_KEYS);
      const keys = CONDITION_KEYS.map((key) => JSON.stringify(key)).join(', ');
      return faults.error(
        path,
        `is not a condition${hint}: it needs one of ${keys} (for "always", write {"all": []})`,
      );
    }
    if (other) {
      const name = (k: ConditionKind) => JSON.stringify(k.keys.find((key) => has(value, key)));
      return faults.error(
        path,
        `mixes two conditions (${name(kind)} and ${name(other)}): put them in {"all": [...]}`,
      );
    }
    kind.check(depth)(value, path, faults);
  };
}

const CONDITION = condition(0);

const VARIABLE_EFFECT = shape(
  { var: reference, amount: integer() },
  { delay: integer(1), holds: integer(1) },
);
/** `who`: "actor", or a side whose roles that estimate the hidden intent learn (checked in pass 2). */
const INTEL_EFFECT = shape({ intel: integer(1), who: identifier });

const effect: Check = (value, path, faults) => {
  const intel = isObject(value) && has(value, 'intel');
  if (intel && has(value, 'var')) {
    return faults.error(
      path,
      'is both a variable effect ("var") and an intelligence effect ("intel"): split it in two',
    );
  }
  (intel ? INTEL_EFFECT : VARIABLE_EFFECT)(value, path, faults);
};

const EFFECTS = list(effect);

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

const SOURCE = shape({ kind: oneOf(SOURCE_KINDS) }, { quote: text, reference: text, url: text });

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

const measure: Check = (value, path, faults) => {
  const byEndings = isObject(value) && has(value, 'endings');
  (byEndings ? ENDINGS_MEASURE : VARIABLE_MEASURE)(value, path, faults);
};

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
    objectives: list(
      shape({ id: identifier, text: shortText, weight: integer(1, MAX_CAPITAL), measure }),
      0,
      'objective',
    ),
    victoryScore: number(0, 100),
    ai: shape({
      values: record(number(-MAX_AI_VALUE, MAX_AI_VALUE)),
      // Negative: an appetite for escalation.
      escalationAversion: number(-MAX_AI_FACTOR, MAX_AI_FACTOR),
      capitalValue: number(0, MAX_AI_FACTOR),
      noise: integer(0, MAX_AI_NOISE),
    }),
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

/** Stages of war the rules give a number for: none, recognition, incursion, invasion. */
const WAR_STAGES = 4;

/**
 * The rules block: every rule given (an optional one may be left out, and then plays by its
 * first-format value), each a number (or one per stage of war) in its range.
 */
const RULES: Check = (() => {
  const fields: Record<string, Check> = {};
  const optional: Record<string, Check> = {};
  for (const id of RULE_IDS) {
    const spec: { min: number; max: number; stages?: boolean; optional?: boolean } = RULE_SPECS[id];
    const value = integer(spec.min, spec.max);
    (spec.optional ? optional : fields)[id] = shape(
      {
        value: spec.stages
          ? (v, path, faults) => {
              if (!Array.isArray(v) || v.length !== WAR_STAGES)
                return faults.error(
                  path,
                  `must list one whole number for each of the ${WAR_STAGES} stages of war (0 to ${WAR_STAGES - 1}), not ${show(v)}`,
                );
              v.forEach((item, i) => value(item, at(path, i), faults));
            }
          : value,
        rationale: text,
      },
      { source: text },
    );
  }
  return shape(fields, optional);
})();

const BRIEFING_SECTION = shape({
  heading: shortText,
  paragraphs: list(shape({ text: text, sources: list(SOURCE, 1, 'source') }), 1, 'paragraph'),
});

const CALIBRATION = calibrationShape({
  shape,
  list,
  record,
  oneOf,
  number,
  integer,
  text,
  identifier,
  isoDate,
});

const LESSON_KIT = lessonKitShape({ shape, list, integer, text });

const WHAT_IFS = whatIfsShape({ shape, list, record, number, identifier, shortText, text });

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

const SCENARIO = shape(
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
    whatHappened: list(shape({ date: shortText, text: text, source: text })),
    modelCard: list(shape({ subject: shortText, explanation: text, sources: list(text) })),
    mechanics: MECHANICS,
  },
  // Editors find the schema through this key; the engine ignores it.
  {
    $schema: text,
    compatibleWith: list(shape({ version: text, hash: text })),
    rules: RULES,
    lessonKit: LESSON_KIT,
    calibration: CALIBRATION,
    historicalWhen: record(CONDITION),
    whatIfs: WHAT_IFS,
  },
);

// ---------------------------------------------------------------------------------------------
// Pass 2: the meaning, on data whose shape is known to be right

interface Context {
  readonly scenario: Scenario;
  readonly faults: Faults;
  readonly variables: ReadonlyMap<string, Variable>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly actions: ReadonlyMap<string, Action>;
  readonly events: ReadonlyMap<string, GameEvent>;
  readonly endings: ReadonlyMap<string, Ending>;
}

type Names = ReadonlyMap<string, unknown> | ReadonlySet<string>;

function checkMeaning(scenario: Scenario, faults: Faults): void {
  const ctx: Context = {
    scenario,
    faults,
    variables: uniqueById(scenario.variables, 'variables', 'variable', faults),
    roles: uniqueById(scenario.roles, 'roles', 'role', faults),
    actions: uniqueById(scenario.actions, 'actions', 'action', faults),
    events: uniqueById(scenario.events, 'events', 'event', faults),
    endings: uniqueById(scenario.endings, 'endings', 'ending', faults),
  };
  checkVariables(ctx);
  checkMechanics(ctx);
  checkHiddenIntent(ctx);
  checkRoles(ctx);
  checkRungs(ctx);
  checkActions(ctx);
  checkEvents(ctx);
  checkEndings(ctx);
  checkPlan(ctx, scenario.historical, 'historical');
  for (const [id, cond] of Object.entries(scenario.historicalWhen ?? {})) {
    const path = at('historicalWhen', id);
    refer(ctx, path, id, 'action', ctx.actions);
    checkCondition(ctx, cond, path, 'error');
  }
  checkCalibration(ctx, {
    at,
    quote,
    didYouMean,
    checkPlan: (plan, path) => checkPlan(ctx, plan, path),
  });
  checkSources(ctx);
  checkLessonKit(ctx, { at, quote, didYouMean });
  checkWhatIfs(ctx, { at, quote });
}

function uniqueById<T extends { id: string }>(
  items: readonly T[],
  path: string,
  noun: string,
  faults: Faults,
): Map<string, T> {
  const byId = new Map<string, T>();
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      byId.set(item.id, item);
      firstIndex.set(item.id, i);
    } else {
      faults.error(
        at(at(path, i), 'id'),
        `duplicate ${noun} id ${quote(item.id)} (already used by ${at(path, first)})`,
      );
    }
  });
  return byId;
}

function refer(ctx: Context, path: string, name: string, noun: string, known: Names): void {
  if (!known.has(name)) {
    ctx.faults.error(path, `unknown ${noun} ${quote(name)}${didYouMean(name, known.keys())}`);
  }
}

function checkVariables(ctx: Context): void {
  const { faults } = ctx;
  ctx.scenario.variables.forEach((v, i) => {
    const path = at('variables', i);
    if (v.id === INTEL_KEY) {
      faults.error(at(path, 'id'), `"${INTEL_KEY}" is reserved: AI values use it for intelligence`);
    }
    if (v.min >= v.max) {
      faults.error(at(path, 'max'), `must be greater than min (${v.min}), not ${v.max}`);
      return;
    }
    const range = `from ${v.min} to ${v.max}`;
    if (v.initial < v.min || v.initial > v.max) {
      faults.error(
        at(path, 'initial'),
        `must lie in the variable's range (${range}), not ${v.initial}`,
      );
    }
    const values = v.max - v.min + 1;
    if (v.labels && v.labels.length !== values) {
      faults.error(
        at(path, 'labels'),
        `needs one label per value ${range} (${values} labels), not ${v.labels.length}`,
      );
    }
    if (v.drift && (v.drift.target < v.min || v.drift.target > v.max)) {
      faults.error(
        at(at(path, 'drift'), 'target'),
        `must lie in the variable's range (${range}), not ${v.drift.target}`,
      );
    }
  });
}

/** Every variable the mechanics name exists; each side is some role's; support goes to deterrers. */
function checkMechanics(ctx: Context): void {
  const m = ctx.scenario.mechanics;
  const sides = new Set(ctx.scenario.roles.map((r) => r.side));
  const variable = (path: string, id: string) => refer(ctx, path, id, 'variable', ctx.variables);
  variable('mechanics.tension', m.tension);
  variable('mechanics.warStage', m.warStage);
  for (const [part, ids] of [
    ['deterrer', { credibility: m.deterrer.credibility, cohesion: m.deterrer.cohesion }],
    ['challenger', { face: m.challenger.face }],
    ['sanctions', m.sanctions],
    ['quickWin', m.quickWin],
    ['bargaining', m.bargaining],
    ['securityDilemma', m.securityDilemma],
  ] as const) {
    for (const [key, id] of Object.entries(ids)) variable(at(at('mechanics', part), key), id);
  }
  for (const part of ['deterrer', 'challenger'] as const) {
    refer(ctx, at(at('mechanics', part), 'side'), m[part].side, 'side', sides);
  }
  if (m.deterrer.side === m.challenger.side) {
    ctx.faults.error('mechanics.challenger.side', 'must be another side than the deterrer');
  }
  for (const [role, id] of Object.entries(m.deterrer.support ?? {})) {
    const path = at(at(at('mechanics', 'deterrer'), 'support'), role);
    refer(ctx, path, role, 'role', ctx.roles);
    variable(path, id);
    const r = ctx.roles.get(role);
    if (r && r.side !== m.deterrer.side)
      ctx.faults.error(path, `${r.name} is not on the deterrer's side (${quote(m.deterrer.side)})`);
  }
}

function checkHiddenIntent(ctx: Context): void {
  const { faults } = ctx;
  const specs = ctx.scenario.hiddenIntent;
  const byId = uniqueById(specs, 'hiddenIntent', 'hidden parameter', faults);
  for (const id of HIDDEN_PARAMETERS) {
    if (!byId.has(id)) faults.error('hiddenIntent', `the hidden parameter ${quote(id)} is missing`);
  }
  specs.forEach((spec, i) => {
    const path = at('hiddenIntent', i);
    if (spec.min >= spec.max) {
      faults.error(at(path, 'max'), `must be greater than min (${spec.min}), not ${spec.max}`);
    } else if (spec.initialEstimateWidth > spec.max - spec.min) {
      faults.error(
        at(path, 'initialEstimateWidth'),
        `must be at most max − min (${spec.max - spec.min}), not ${spec.initialEstimateWidth}`,
      );
    }
  });
}

function checkRoles(ctx: Context): void {
  const { faults, scenario } = ctx;
  const aiKeys = new Set([...ctx.variables.keys(), INTEL_KEY]);
  const challenger = scenario.mechanics.challenger.side;
  scenario.roles.forEach((role, i) => {
    const path = at('roles', i);
    if (role.capital.start > role.capital.max) {
      faults.error(
        at(at(path, 'capital'), 'start'),
        `must be at most capital.max (${role.capital.max}), not ${role.capital.start}`,
      );
    }
    const objectivesPath = at(path, 'objectives');
    const objectives = uniqueById(role.objectives, objectivesPath, 'objective', faults);
    if (role.partialSuccess) {
      refer(
        ctx,
        at(at(path, 'partialSuccess'), 'objective'),
        role.partialSuccess.objective,
        'objective',
        objectives,
      );
    }
    role.objectives.forEach((objective, j) => {
      checkMeasure(ctx, objective.measure, at(at(objectivesPath, j), 'measure'));
    });
    for (const key of Object.keys(role.ai.values)) {
      refer(ctx, at(at(at(path, 'ai'), 'values'), key), key, 'variable', aiKeys);
    }
    if (role.playable) checkPlayable(ctx, role, path);
    if (role.side === challenger && role.estimatesIntent) {
      faults.warn(
        at(path, 'estimatesIntent'),
        `${role.name} is on the challenger's side, yet sees its intent only as estimates`,
      );
    }
  });
  if (!scenario.roles.some((role) => role.playable)) {
    faults.error('roles', 'no role is playable: set "playable": true on at least one');
  }
  if (!scenario.roles.some((role) => role.estimatesIntent)) {
    faults.error(
      'roles',
      `no role estimates the challenger's hidden intent: set "estimatesIntent": true on the roles that must guess it`,
    );
  }
}

function checkPlayable(ctx: Context, role: Role, path: string): void {
  for (const track of TRACKS) {
    const hasAction = ctx.scenario.actions.some((a) => a.role === role.id && a.track === track);
    if (!hasAction) {
      ctx.faults.warn(path, `${role.name} is playable but has no action on the ${track} track`);
    }
  }
  if (role.objectives.length === 0) {
    ctx.faults.warn(at(path, 'objectives'), `${role.name} is playable but has no objectives`);
  }
}

function checkMeasure(ctx: Context, m: ObjectiveMeasure, path: string): void {
  if ('endings' in m) {
    for (const id of Object.keys(m.endings)) {
      refer(ctx, at(at(path, 'endings'), id), id, 'ending', ctx.endings);
    }
    return;
  }
  refer(ctx, at(path, 'var'), m.var, 'variable', ctx.variables);
  if (m.from !== undefined && m.from === m.to) {
    ctx.faults.error(at(path, 'to'), `must differ from "from" (${m.from})`);
  }
  const v = ctx.variables.get(m.var);
  if (!v) return;
  for (const key of ['from', 'to'] as const) {
    const value = m[key];
    if (value !== undefined && (value < v.min || value > v.max)) {
      ctx.faults.warn(
        at(path, key),
        `${value} lies outside ${quote(v.id)}'s range (${v.min} to ${v.max}), so it is never reached`,
      );
    }
  }
}

function checkRungs(ctx: Context): void {
  const { faults } = ctx;
  const tension = ctx.variables.get('tension');
  const warStage = ctx.variables.get('warStage');
  const seen = new Map<number, number>();
  ctx.scenario.rungs.forEach((rung, i) => {
    const path = at('rungs', i);
    const first = seen.get(rung.level);
    if (first !== undefined) {
      faults.error(
        at(path, 'level'),
        `duplicate rung level ${rung.level} (already used by ${at('rungs', first)})`,
      );
    } else if (rung.level !== i + 1) {
      faults.error(
        at(path, 'level'),
        `must be ${i + 1}: rung levels run 1, 2, 3… in list order, not ${rung.level}`,
      );
    }
    seen.set(rung.level, first ?? i);
    const before = ctx.scenario.rungs[i - 1];
    if (before && rung.minTension < before.minTension) {
      faults.error(
        at(path, 'minTension'),
        `must not be below the rung before it (${before.minTension}), not ${rung.minTension}`,
      );
    }
    if (warStage && rung.minWarStage !== undefined && rung.minWarStage > warStage.max) {
      faults.warn(at(path, 'minWarStage'), `the war stage goes up to only ${warStage.max}`);
    }
    if (tension && rung.minWarStage === undefined && rung.minTension > tension.max) {
      faults.warn(
        at(path, 'minTension'),
        `tension goes up to only ${tension.max}, so this rung is never reached`,
      );
    }
  });
}

function checkActions(ctx: Context): void {
  const warStage = ctx.variables.get('warStage');
  ctx.scenario.actions.forEach((action, i) => {
    const path = at('actions', i);
    refer(ctx, at(path, 'role'), action.role, 'role', ctx.roles);
    const role = ctx.roles.get(action.role);
    if (role && action.cost > role.capital.max) {
      ctx.faults.warn(
        at(path, 'cost'),
        `costs ${action.cost}, but ${role.name} never has more than ${role.capital.max} political capital`,
      );
    }
    checkEffects(ctx, action.effects, at(path, 'effects'));
    if (action.roll) checkRoll(ctx, action.roll, at(path, 'roll'));
    checkCommitment(ctx, action, path);
    if (action.requires) checkCondition(ctx, action.requires, at(path, 'requires'), 'error');
    if (warStage && action.warStage !== undefined && action.warStage > warStage.max) {
      ctx.faults.error(
        at(path, 'warStage'),
        `must be a war stage from 1 to ${warStage.max}, not ${action.warStage}`,
      );
    }
  });
}

function checkEvents(ctx: Context): void {
  const { faults, scenario } = ctx;
  scenario.events.forEach((event, i) => {
    const path = at('events', i);
    if (event.turn !== undefined && event.turn > scenario.turns) {
      faults.error(
        at(path, 'turn'),
        `turn ${event.turn} never comes: the game has ${scenario.turns} turns`,
      );
    }
    if (event.turn !== undefined && event.chance) {
      faults.warn(
        at(path, 'chance'),
        'is ignored: a scheduled event happens on its turn without a roll',
      );
    }
    if (event.turn === undefined && !event.when && !event.chance) {
      faults.warn(path, 'has no "turn", "when" or "chance", so it happens on turn 1 for certain');
    }
    // An event that can never happen is a mistake, but not one that breaks a game.
    if (event.when) checkCondition(ctx, event.when, at(path, 'when'), 'warning');
    if (event.chance) checkChance(ctx, event.chance, at(path, 'chance'));
    checkEffects(ctx, event.effects, at(path, 'effects'));
    if (event.roll) checkRoll(ctx, event.roll, at(path, 'roll'));
  });
}

function isCatchAll(ending: Ending): boolean {
  return ending.atDeadline === true && 'all' in ending.when && ending.when.all.length === 0;
}

function checkEndings(ctx: Context): void {
  const { faults } = ctx;
  const endings = ctx.scenario.endings;
  const causes = new Set([...ctx.variables.keys(), ...ctx.actions.keys(), ...ctx.events.keys()]);
  let catchAll: Ending | undefined;
  endings.forEach((ending, i) => {
    const path = at('endings', i);
    checkCondition(ctx, ending.when, at(path, 'when'), 'error');
    if (!ending.atDeadline && alwaysHolds(ctx, ending.when)) {
      faults.error(
        at(path, 'when'),
        'always holds, so every game would end after turn 1: give it a real condition or "atDeadline": true',
      );
    }
    ending.causes.forEach((name, j) => {
      refer(ctx, at(at(path, 'causes'), j), name, 'variable, action or event', causes);
    });
    if (ending.causes.length === 0) {
      faults.warn(at(path, 'causes'), 'names no causes, so the debrief cannot explain this ending');
    }
    if (catchAll) {
      faults.warn(
        path,
        `comes after the catch-all ending ${quote(catchAll.id)}, so on the last turn it is never reached: put the catch-all last`,
      );
    } else if (isCatchAll(ending)) {
      catchAll = ending;
    }
  });
  if (!catchAll) {
    faults.error(
      'endings',
      'no ending applies at the deadline: end the list with one that has "atDeadline": true and "when": {"all": []}',
    );
  }
}

/** What roles did, by turn: the scenario's `historical` plan, or a calibration line's. */
function checkPlan(ctx: Context, plan: Scenario['historical'], planPath: string): void {
  const { faults, scenario } = ctx;
  for (const [roleId, byTurn] of Object.entries(plan)) {
    const rolePath = at(planPath, roleId);
    refer(ctx, rolePath, roleId, 'role', ctx.roles);
    const role = ctx.roles.get(roleId);
    for (const [turn, ids] of Object.entries(byTurn)) {
      const turnPath = at(rolePath, turn);
      if (!TURN_KEY.test(turn) || Number(turn) > scenario.turns) {
        faults.error(
          turnPath,
          `${quote(turn)} is not a turn of this game: use a whole number from 1 to ${scenario.turns}`,
        );
      }
      ids.forEach((id, j) => {
        const path = at(turnPath, j);
        const action = ctx.actions.get(id);
        if (!action) return refer(ctx, path, id, 'action', ctx.actions);
        if (role && action.role !== role.id) {
          faults.error(
            path,
            `${quote(id)} is an action of ${quote(action.role)}, not of ${quote(roleId)}`,
          );
        }
        if (ids.indexOf(id) !== j) faults.warn(path, `${quote(id)} is listed twice on this turn`);
      });
      ids.forEach((id, j) => {
        const action = ctx.actions.get(id);
        if (!action || (action.cooldown === undefined && !action.once)) return;
        // The plan's own earlier order of the same action, too recent to allow this one.
        const earlier = Object.entries(byTurn).find(
          ([t, other]) =>
            Number(t) < Number(turn) &&
            other.includes(id) &&
            (action.once || Number(turn) - Number(t) < action.cooldown!),
        );
        if (earlier) {
          faults.warn(
            at(turnPath, j),
            `${quote(id)} cannot be given again on turn ${turn}: it was planned on turn ${earlier[0]} and ${action.once ? 'can be done once' : `has a cooldown of ${action.cooldown} turns`}`,
          );
        }
      });
      if (role && ids.length > role.maxActionsPerTurn) {
        faults.warn(
          turnPath,
          `${role.name} can give at most ${role.maxActionsPerTurn} orders a turn, not ${ids.length}`,
        );
      }
    }
  }
}

function checkSources(ctx: Context): void {
  ctx.scenario.briefing.forEach((section, i) => {
    section.paragraphs.forEach((paragraph, j) => {
      const path = at(at(at(at('briefing', i), 'paragraphs'), j), 'sources');
      paragraph.sources.forEach((source, k) => checkSource(ctx, source, at(path, k)));
    });
  });
  ctx.scenario.events.forEach((event, i) => {
    if (event.source) checkSource(ctx, event.source, at(at('events', i), 'source'));
  });
}

function checkSource(ctx: Context, source: Source, path: string): void {
  if (source.kind === 'article' && source.quote === undefined) {
    ctx.faults.error(at(path, 'quote'), 'an article source needs the "quote" it cites');
  }
  if (source.kind === 'research' && source.reference === undefined) {
    ctx.faults.error(at(path, 'reference'), 'a research source needs its "reference"');
  }
  if (source.kind === 'counterfactual' && source.reference === undefined) {
    ctx.faults.error(
      at(path, 'reference'),
      'a counterfactual needs a "reference" saying what is plausible and what did not happen',
    );
  }
}

/** A political action's effects lapse (some effect `holds`); a binding one's all hold. */
function checkCommitment(ctx: Context, action: Action, path: string): void {
  const effects = [
    ...action.effects,
    ...(action.roll ? [...action.roll.success, ...action.roll.failure] : []),
  ];
  const lapses = effects.some((e) => 'var' in e && e.holds !== undefined);
  if (action.commitment === 'political' && !lapses) {
    ctx.faults.error(
      at(path, 'commitment'),
      'is "political", but none of its effects lapses: give the effects that do a "holds" (turns)',
    );
  } else if (action.commitment === 'binding' && lapses) {
    ctx.faults.error(
      at(path, 'commitment'),
      'is "binding", but some of its effects lapse ("holds"): make it "political" or drop "holds"',
    );
  } else if (action.commitment === undefined && lapses) {
    ctx.faults.warn(
      path,
      'has effects that lapse ("holds"): say it is a political promise with "commitment": "political"',
    );
  }
}

function checkEffects(ctx: Context, effects: readonly Effect[], path: string): void {
  const turns = ctx.scenario.turns;
  effects.forEach((e, i) => {
    const effectPath = at(path, i);
    if ('intel' in e) {
      if (e.who !== 'actor' && !ctx.scenario.roles.some((r) => r.side === e.who))
        ctx.faults.error(
          at(effectPath, 'who'),
          `must be "actor" or a side some role is on (${[...new Set(ctx.scenario.roles.map((r) => r.side))].join(', ')}), not ${quote(e.who)}`,
        );
      return checkIntel(ctx, e.intel, at(effectPath, 'intel'));
    }
    refer(ctx, at(effectPath, 'var'), e.var, 'variable', ctx.variables);
    const v = ctx.variables.get(e.var);
    if (v && Math.abs(e.amount) > v.max - v.min) {
      ctx.faults.error(
        at(effectPath, 'amount'),
        `${e.amount} is more than ${quote(v.id)} can move: at most ${v.max - v.min} either way (its range is ${v.min} to ${v.max})`,
      );
    }
    if (e.delay !== undefined && e.delay > turns) {
      ctx.faults.error(
        at(effectPath, 'delay'),
        `a delay of ${e.delay} turns is longer than the game (${turns} turns)`,
      );
    }
    if (e.holds !== undefined && e.holds >= turns) {
      ctx.faults.warn(
        at(effectPath, 'holds'),
        `never lapses: it holds ${e.holds} turns and the game has ${turns}; leave "holds" out for an effect that binds`,
      );
    }
    if (e.holds !== undefined && v?.drift) {
      // Drift already pulls the variable back, so the lapse would take back more than is left.
      ctx.faults.warn(
        at(effectPath, 'holds'),
        `${quote(v.id)} settles back by itself (it drifts): a lapse would undo the effect twice`,
      );
    }
  });
}

/** Intelligence narrows estimates by points: never by more than the widest parameter spans. */
function checkIntel(ctx: Context, intel: number, path: string): void {
  const spans = ctx.scenario.hiddenIntent.map((spec) => spec.max - spec.min);
  const widest = Math.max(...spans);
  if (spans.length > 0 && intel > widest) {
    ctx.faults.error(
      path,
      `must be at most ${widest}, the widest hidden parameter's range, not ${intel}`,
    );
  }
}

function checkRoll(ctx: Context, roll: Roll, path: string): void {
  checkChance(ctx, roll.chance, at(path, 'chance'));
  checkEffects(ctx, roll.success, at(path, 'success'));
  checkEffects(ctx, roll.failure, at(path, 'failure'));
}

function checkChance(ctx: Context, chance: Chance, path: string): void {
  chance.terms?.forEach((term, i) => {
    const termPath = at(at(path, 'terms'), i);
    refer(ctx, at(termPath, 'var'), term.var, 'variable', ctx.variables);
    const v = ctx.variables.get(term.var);
    if (v && (term.pivot < v.min || term.pivot > v.max)) {
      ctx.faults.error(
        at(termPath, 'pivot'),
        `must lie in ${quote(v.id)}'s range (from ${v.min} to ${v.max}), not ${term.pivot}`,
      );
    }
  });
  const min = chance.min ?? DEFAULT_CHANCE_MIN;
  const max = chance.max ?? DEFAULT_CHANCE_MAX;
  if (min > max) {
    const which = chance.min === undefined ? 'min (5 when not given)' : `min (${min})`;
    const limit = chance.max === undefined ? 'max (95 when not given)' : `max (${max})`;
    ctx.faults.error(path, `its ${which} is above its ${limit}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Conditions: references, and whether they can ever hold

type Leaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;

interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks references and reports parts that can never hold: with `severity` where that makes the
 * whole condition impossible, as a warning where it only makes a branch dead.
 */
function checkCondition(ctx: Context, cond: Condition, path: string, severity: Severity): void {
  if ('all' in cond) {
    cond.all.forEach((c, i) => checkCondition(ctx, c, at(at(path, 'all'), i), severity));
    return;
  }
  if ('any' in cond) {
    const anyPath = at(path, 'any');
    if (cond.any.length === 0) ctx.faults.add(severity, anyPath, 'an empty "any" can never hold');
    const alive = cond.any.some((c) => !neverHolds(ctx, c));
    cond.any.forEach((c, i) =>
      checkCondition(ctx, c, at(anyPath, i), alive ? 'warning' : severity),
    );
    return;
  }
  if ('not' in cond) {
    const notPath = at(path, 'not');
    if (alwaysHolds(ctx, cond.not)) {
      ctx.faults.add(severity, notPath, 'always holds, so the "not" around it can never hold');
    }
    checkCondition(ctx, cond.not, notPath, 'warning');
    return;
  }
  checkLeafReferences(ctx, cond, path);
  const problem = leafProblem(ctx, cond, path);
  if (problem) ctx.faults.add(severity, problem.path, problem.message);
  // A bound that always holds runs, but is seldom what the author meant.
  else
    for (const bound of alwaysTrue(ctx, cond, path).bounds)
      ctx.faults.warn(bound.path, bound.message);
}

function checkLeafReferences(ctx: Context, cond: Leaf, path: string): void {
  if ('var' in cond) {
    refer(ctx, at(path, 'var'), cond.var, 'variable', ctx.variables);
    if (cond.gte === undefined && cond.lte === undefined) {
      ctx.faults.warn(path, 'compares nothing, so it always holds: give "gte", "lte" or both');
    }
  } else if ('actionTaken' in cond) {
    refer(ctx, at(path, 'actionTaken'), cond.actionTaken, 'action', ctx.actions);
  } else if ('eventHappened' in cond) {
    refer(ctx, at(path, 'eventHappened'), cond.eventHappened, 'event', ctx.events);
  }
}

/** A comparison's bounds and the values its subject can take: for variables, rungs and turns. */
interface Reach {
  readonly keys: readonly [string, string];
  readonly gte: number | undefined;
  readonly lte: number | undefined;
  readonly low: number;
  readonly high: number;
  readonly subject: string;
}

function reachOf(ctx: Context, cond: Leaf): Reach | null {
  if ('var' in cond) {
    const v = ctx.variables.get(cond.var);
    if (!v) return null;
    const subject = quote(v.id);
    return { keys: ['gte', 'lte'], gte: cond.gte, lte: cond.lte, low: v.min, high: v.max, subject };
  }
  if ('actionTaken' in cond || 'eventHappened' in cond) return null;
  if ('rungGte' in cond || 'rungLte' in cond) {
    const high = ctx.scenario.rungs.length;
    const { rungGte: gte, rungLte: lte } = cond;
    return { keys: ['rungGte', 'rungLte'], gte, lte, low: 1, high, subject: 'the rung' };
  }
  // Only the turn comparison is left; `in` cannot narrow between two all-optional shapes.
  const { turnGte: gte, turnLte: lte } = cond as { turnGte?: number; turnLte?: number };
  const high = ctx.scenario.turns;
  return { keys: ['turnGte', 'turnLte'], gte, lte, low: 1, high, subject: 'the turn' };
}

/** Why a single comparison can never hold, or null. Unknown names are reported elsewhere. */
function leafProblem(ctx: Context, cond: Leaf, path: string): Problem | null {
  const turns = ctx.scenario.turns;
  if ('actionTaken' in cond) {
    if (cond.byTurnsAgo === undefined || cond.byTurnsAgo < turns) return null;
    return {
      path: at(path, 'byTurnsAgo'),
      message: `${cond.byTurnsAgo} turns ago can never hold: the game has ${turns} turns`,
    };
  }
  const reach = reachOf(ctx, cond);
  return reach && outOfReach(path, reach);
}

function outOfReach(path: string, reach: Reach): Problem | null {
  const { keys, gte, lte, low, high, subject } = reach;
  const [gteKey, lteKey] = keys;
  if (gte !== undefined && lte !== undefined && gte > lte) {
    return { path, message: `${subject} at least ${gte} and at most ${lte} can never both hold` };
  }
  if (gte !== undefined && gte > high) {
    return {
      path: at(path, gteKey),
      message: `${subject} at least ${gte} can never hold: ${subject} goes up to only ${high}`,
    };
  }
  if (lte !== undefined && lte < low) {
    return {
      path: at(path, lteKey),
      message: `${subject} at most ${lte} can never hold: ${subject} goes down to only ${low}`,
    };
  }
  return null;
}

/**
 * The bounds of a comparison that hold whatever the state (`gte` at or below the lowest value,
 * `lte` at or above the highest), and whether that is every bound it has.
 */
function alwaysTrue(ctx: Context, cond: Leaf, path: string): { bounds: Problem[]; all: boolean } {
  const reach = reachOf(ctx, cond);
  if (!reach) return { bounds: [], all: false };
  const { keys, gte, lte, low, high, subject } = reach;
  const bounds: Problem[] = [];
  if (gte !== undefined && gte <= low) {
    bounds.push({
      path: at(path, keys[0]),
      message: `${subject} at least ${gte} always holds: ${subject} never goes below ${low}`,
    });
  }
  if (lte !== undefined && lte >= high) {
    bounds.push({
      path: at(path, keys[1]),
      message: `${subject} at most ${lte} always holds: ${subject} never goes above ${high}`,
    });
  }
  const given = (gte === undefined ? 0 : 1) + (lte === undefined ? 0 : 1);
  return { bounds, all: given > 0 && bounds.length === given };
}

function neverHolds(ctx: Context, cond: Condition): boolean {
  if ('all' in cond) return cond.all.some((c) => neverHolds(ctx, c));
  if ('any' in cond) return cond.any.every((c) => neverHolds(ctx, c));
  if ('not' in cond) return alwaysHolds(ctx, cond.not);
  return leafProblem(ctx, cond, '') !== null;
}

/** True only when the condition plainly holds whatever the state (`{"all": []}` and the like). */
function alwaysHolds(ctx: Context, cond: Condition): boolean {
  if ('all' in cond) return cond.all.every((c) => alwaysHolds(ctx, c));
  if ('any' in cond) return cond.any.some((c) => alwaysHolds(ctx, c));
  if ('not' in cond) return neverHolds(ctx, cond.not);
  return alwaysTrue(ctx, cond, '').all;
}
