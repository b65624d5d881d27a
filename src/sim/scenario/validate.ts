// Turns untrusted scenario data into a trusted Scenario, or says what is wrong and where.
// Two passes: first the shape (types, required fields, enums, whole numbers); then, only once the
// shape is right so these checks can trust the types, the meaning: unique ids, cross-references,
// ranges, and whether endings, requirements and events can ever happen. Errors fail the result;
// warnings flag content that runs but is probably not what the author meant.
import type { Fault, Result } from '../result';
import { HIDDEN_PARAMETERS, shapeFaults, TRACKS } from './schema';
import type {
  Action,
  Chance,
  Condition,
  Effect,
  Ending,
  GameEvent,
  ObjectiveMeasure,
  Role,
  Roll,
  Scenario,
  Source,
  Variable,
} from './types';
import { checkLessonKit } from './validate-lesson-kit';
import { checkCalibration } from './validate-calibration';
import { checkWhatIfs } from './validate-what-ifs';
import { at, didYouMean, isObject, quote, show } from './words';

/** The key AI values use for better intelligence, so no variable may take it. */
const INTEL_KEY = 'intel';
/**
 * Lists and objects nested inside each other, anywhere (unknown fields too): conditions at their
 * limit take about 70 levels, and every walk over the data (hashing, copying, a JSON Schema
 * check) stays far from the stack limit.
 */
export const MAX_NESTING = 100;
const TURN_KEY = /^[1-9][0-9]*$/;
/** The clamp `chanceOf` applies when a chance gives no min or max. */
const DEFAULT_CHANCE_MIN = 5;
const DEFAULT_CHANCE_MAX = 95;

/** On success the value is the input itself, now typed; unknown fields (warned about) stay in it. */
export function validateScenario(data: unknown): Result<Scenario> {
  const faults = new Faults();
  if (isObject(data)) {
    // The shape pass walks only known fields, to bounded depth, so it reports deep conditions
    // with their own limit; the nesting check then guards what walks everything afterwards.
    const shape = shapeFaults(data);
    faults.errors.push(...shape.errors);
    faults.warnings.push(...shape.warnings);
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
// Faults

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
  checkPresentation(ctx);
}

/** Every variable the presentation names exists, and none is named twice in one list. */
function checkPresentation(ctx: Context): void {
  const presentation = ctx.scenario.presentation;
  if (!presentation) return;
  for (const key of ['mainVariables', 'charted', 'compared'] as const) {
    const path = at('presentation', key);
    presentation[key].forEach((id, i) => {
      refer(ctx, at(path, i), id, 'variable', ctx.variables);
      if (presentation[key].indexOf(id) !== i)
        ctx.faults.error(at(path, i), `names ${quote(id)} twice`);
    });
  }
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
