// Everything the UI and the command line show, derived from the state. No outcome is computed
// outside the core: these read, they never decide.
import { NOISE_TERM } from './ai';
import { addDays, formatDate } from './calendar';
import { chanceOf, currentRung } from './conditions';
import { CAPITAL_PREFIX } from './ledger';
import type { CompiledScenario } from './scenario/compile';
import type { Presentation, Action, Commitment, Effect, GameEvent, Track } from './scenario/types';
import type { AiOption, Cause, Change, GameState, TurnReport } from './state';
import { lockReason } from './rules';

export function selectDate(sc: CompiledScenario, turn: number): string {
  return addDays(sc.scenario.startDate, (turn - 1) * sc.scenario.daysPerTurn);
}

export function selectDateLabel(sc: CompiledScenario, turn: number): string {
  const start = selectDate(sc, turn);
  // A turn of one day is that day, not a range from it to itself.
  if (sc.scenario.daysPerTurn <= 1) return formatDate(start);
  const end = addDays(start, sc.scenario.daysPerTurn - 1);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

export function nameOf(sc: CompiledScenario, key: string): string {
  if (key.startsWith(CAPITAL_PREFIX)) {
    const role = key.slice(CAPITAL_PREFIX.length);
    return `${sc.roles[role]?.name ?? role} political capital`;
  }
  return sc.variables[key]?.name ?? key;
}

/** A value as a player reads it: its label, or the number and unit. */
export function formatValue(sc: CompiledScenario, key: string, value: number): string {
  const v = sc.variables[key];
  if (!v) return String(value);
  const label = v.labels?.[value - v.min];
  if (label !== undefined) return label;
  if (v.unit === 'k troops') return `${value},000 troops`;
  if (v.unit === '%') return `${value}%`;
  return String(value);
}

/** Why a number moved, in words a player reads. */
export function describeCause(sc: CompiledScenario, cause: Cause, key: string): string {
  const action = cause.action ? sc.actions[cause.action] : undefined;
  const event = cause.event ? sc.events[cause.event] : undefined;
  const role = cause.role ? (sc.roles[cause.role]?.name ?? cause.role) : '';
  const eventName = event && marked(event.name, isCounterfactual(event));
  const act = action ? `${role}: ${action.name}` : (eventName ?? 'an unknown cause');
  const roll = cause.roll
    ? ` — ${(action ?? event)?.roll?.label ?? 'roll'} ${cause.roll.success ? 'succeeded' : 'failed'} (chance ${cause.roll.chance}%)`
    : '';
  switch (cause.kind) {
    case 'action':
    case 'event':
      return act + roll;
    case 'pending':
      return `${act}${roll} (ordered on turn ${cause.fromTurn ?? '?'}, lands now)`;
    case 'lapse':
      return `${act}${roll} lapsed (made on turn ${cause.fromTurn ?? '?'}): political, not binding`;
    case 'drift': {
      const v = sc.variables[key];
      return v?.drift ? `${v.name} settles back toward ${v.drift.target}` : 'drift';
    }
    case 'rule':
      return describeRule(cause, act);
  }
}

function describeRule(cause: Cause, act: string): string {
  switch (cause.rule) {
    case 'tension':
      return `${act} (its Goldstein weight and escalation class)`;
    case 'signal':
      return `${act} (a signal of Western resolve)`;
    case 'snapback':
      return 'prepared sanctions imposed in response to the attack';
    case 'rally':
      return 'allies close ranks after the attack';
    case 'redLineBacked':
      return `red line (${act}) backed with action`;
    case 'redLineBroken':
      return `red line (${act}) not backed with action: audience costs`;
    case 'sanctionsBite':
      return 'sanctions in force bite';
    case 'disunity':
      return 'visible allied disagreement';
    case 'spent':
      return `spent on ${act}`;
    case 'income':
      return 'political capital for the next turn';
    default:
      return 'a rule of the model';
  }
}

export interface Meter {
  id: string;
  name: string;
  description: string;
  group: string;
  value: number;
  min: number;
  max: number;
  text: string;
  /** How much it moved in the last resolved turn. */
  lastChange: number;
}

export function selectMeters(sc: CompiledScenario, state: GameState): Meter[] {
  const last = state.reports[state.reports.length - 1];
  return sc.scenario.variables.map((v) => {
    const value = state.vars[v.id] ?? v.initial;
    return {
      id: v.id,
      name: v.name,
      description: v.description,
      group: v.group,
      value,
      min: v.min,
      max: v.max,
      text: formatValue(sc, v.id, value),
      lastChange: last ? sumChanges(last.changes, v.id) : 0,
    };
  });
}

function sumChanges(changes: readonly Change[], key: string): number {
  let total = 0;
  for (const c of changes) if (c.key === key) total += c.delta;
  return total;
}

export interface Why {
  key: string;
  name: string;
  turn: number;
  from: number;
  to: number;
  terms: { delta: number; label: string; kind: string; chance?: number }[];
}

/** Why did this number move in that turn (the last resolved one by default)? The terms add up to to − from. */
export function selectWhy(
  sc: CompiledScenario,
  state: GameState,
  key: string,
  turn?: number,
): Why | null {
  const report =
    turn === undefined
      ? state.reports[state.reports.length - 1]
      : state.reports.find((r) => r.turn === turn);
  if (!report) return null;
  const series = selectSeries(sc, state, key);
  const index = state.reports.indexOf(report);
  const from = series[index] ?? 0;
  const terms = report.changes
    .filter((c) => c.key === key)
    .map((c) => ({
      delta: c.delta,
      label: describeCause(sc, c.cause, key),
      kind: c.cause.kind,
      ...(c.cause.roll ? { chance: c.cause.roll.chance } : {}),
    }));
  return {
    key,
    name: nameOf(sc, key),
    turn: report.turn,
    from,
    to: from + sumChanges(report.changes, key),
    terms,
  };
}

/** The value of a variable (or `capital:<role>`) at the start and after each resolved turn. */
export function selectSeries(sc: CompiledScenario, state: GameState, key: string): number[] {
  let value: number;
  if (key.startsWith(CAPITAL_PREFIX)) {
    value = sc.roles[key.slice(CAPITAL_PREFIX.length)]?.capital.start ?? 0;
  } else {
    value = sc.variables[key]?.initial ?? 0;
  }
  const out = [value];
  for (const r of state.reports) {
    value += sumChanges(r.changes, key);
    out.push(value);
  }
  return out;
}

export interface ActionView {
  id: string;
  name: string;
  description: string;
  track: Track;
  cost: number;
  goldstein: number;
  escalationClass: number;
  signal: string;
  /** Why it cannot be ordered now; null when it can. */
  locked: string | null;
  affordable: boolean;
  effects: EffectView[];
  /** For an offer or a promise: whether it binds or lapses, in words ("Political: lapses after 2 turns"). */
  commitment?: { kind: Commitment; text: string };
  roll?: { label: string; chance: number; success: string[]; failure: string[] };
}

export interface EffectView {
  name: string;
  amount: number;
  delay?: number;
  /** Turns it holds before it lapses (a political promise). */
  holds?: number;
}

function describeEffects(sc: CompiledScenario, effects: readonly Effect[]): EffectView[] {
  return effects.map((e) =>
    'intel' in e
      ? { name: 'intelligence estimates narrowed', amount: e.intel }
      : {
          name: nameOf(sc, e.var),
          amount: e.amount,
          ...(e.delay ? { delay: e.delay } : {}),
          ...(e.holds ? { holds: e.holds } : {}),
        },
  );
}

const turns = (n: number) => `${n} turn${n > 1 ? 's' : ''}`;

function effectWords(sc: CompiledScenario, effects: readonly Effect[]): string[] {
  return describeEffects(sc, effects).map(
    (e) =>
      `${e.name} ${e.amount > 0 ? '+' : ''}${e.amount}${e.delay ? ` in ${turns(e.delay)}` : ''}${e.holds ? ` for ${turns(e.holds)}` : ''}`,
  );
}

/** Every effect an action may have: its own and its roll's. */
function allEffects(action: Action): Effect[] {
  return [
    ...action.effects,
    ...(action.roll ? [...action.roll.success, ...action.roll.failure] : []),
  ];
}

/** Whether an offer binds or lapses, as an action card says it. */
export function selectCommitment(action: Action): ActionView['commitment'] {
  if (!action.commitment) return undefined;
  if (action.commitment === 'binding')
    return { kind: 'binding', text: 'Binding: its effects hold' };
  let holds = 0;
  for (const e of allEffects(action)) if ('var' in e && e.holds) holds = Math.max(holds, e.holds);
  return { kind: 'political', text: `Political: lapses after ${turns(holds)}` };
}

export function selectActions(sc: CompiledScenario, state: GameState, role: string): ActionView[] {
  const capital = state.capital[role] ?? 0;
  return (sc.actionsByRole[role] ?? []).map((a: Action) => ({
    id: a.id,
    name: a.name,
    description: a.description,
    track: a.track,
    cost: a.cost,
    goldstein: a.goldstein,
    escalationClass: a.escalationClass,
    signal: a.signal,
    locked: lockReason(sc, state, a),
    affordable: a.cost <= capital,
    effects: describeEffects(sc, a.effects),
    ...(a.commitment ? { commitment: selectCommitment(a)! } : {}),
    ...(a.roll
      ? {
          roll: {
            label: a.roll.label,
            chance: chanceOf(a.roll.chance, state.vars),
            success: effectWords(sc, a.roll.success),
            failure: effectWords(sc, a.roll.failure),
          },
        }
      : {}),
  }));
}

export function selectPending(sc: CompiledScenario, state: GameState) {
  return state.pending.map((p) => ({
    name: nameOf(sc, p.key),
    amount: p.amount,
    landsOnTurn: p.landsOnTurn,
    turnsLeft: p.landsOnTurn - state.turn,
    because: p.lapse
      ? `${describeCause(sc, p.cause, p.key)}: political, not binding; lapses on turn ${p.landsOnTurn}`
      : describeCause(sc, p.cause, p.key),
    role: p.cause.role,
    /** The reversal of a political promise, not a change still to come. */
    lapse: p.lapse === true,
  }));
}

/** What a role knows of Russia's intent: the truth for Russia (and Belarus), estimates for the others. */
export function selectIntel(sc: CompiledScenario, state: GameState, role: string) {
  const estimates = state.intel[role];
  return sc.scenario.hiddenIntent.map((spec) => ({
    id: spec.id,
    name: spec.name,
    description: spec.description,
    ...(estimates
      ? { low: estimates[spec.id].low, high: estimates[spec.id].high }
      : { value: state.hidden[spec.id] }),
  }));
}

export function selectLadder(sc: CompiledScenario, state: GameState) {
  const current = currentRung(sc, state);
  return sc.scenario.rungs.map((r) => ({ ...r, current: r.level === current }));
}

/** How every page marks an event the game can play but that did not happen in 2021–22. */
export const COUNTERFACTUAL_LABEL = 'plausible, did not happen';

export interface EventHeadline {
  event: string;
  headline: string;
  /** The event is plausible but did not happen (its source is a counterfactual note). */
  counterfactual: boolean;
}

export interface NewsItem extends EventHeadline {
  turn: number;
  date: string;
}

function isCounterfactual(event: GameEvent | undefined): boolean {
  return event?.source?.kind === 'counterfactual';
}

function marked(text: string, counterfactual: boolean): string {
  return counterfactual ? `${text} (${COUNTERFACTUAL_LABEL})` : text;
}

/** A headline as every page words it: a counterfactual carries its label. */
export function headlineText(e: EventHeadline): string {
  return marked(e.headline, e.counterfactual);
}

/** The headlines of one resolved turn's events, each marked if it did not really happen. */
export function selectTurnEvents(sc: CompiledScenario, report: TurnReport): EventHeadline[] {
  return report.events.map((id) => {
    const e = sc.events[id];
    return {
      event: id,
      headline: e?.headline ?? id,
      counterfactual: isCounterfactual(e),
    };
  });
}

/** A dated news feed: events as they happened, newest first. */
export function selectNews(sc: CompiledScenario, state: GameState): NewsItem[] {
  const items: NewsItem[] = [];
  for (const r of state.reports) {
    for (const e of selectTurnEvents(sc, r)) {
      items.push({ ...e, turn: r.turn, date: formatDate(r.date) });
    }
  }
  return items.reverse();
}

export function selectEnding(sc: CompiledScenario, state: GameState) {
  if (!state.ending) return null;
  const ending = sc.scenario.endings.find((e) => e.id === state.ending!.id);
  if (!ending) return null;
  const causes = ending.causes.map((key) => {
    if (sc.variables[key])
      return `${nameOf(sc, key)}: ${formatValue(sc, key, state.vars[key] ?? 0)}`;
    const action = sc.actions[key];
    if (action) {
      const turn = state.taken[key];
      return turn === undefined
        ? `${action.name}: never done`
        : `${action.name}: last done on turn ${turn}`;
    }
    const event = sc.events[key];
    if (event) {
      const turn = state.happened[key];
      return turn === undefined ? `${event.name}: did not happen` : `${event.name}: turn ${turn}`;
    }
    return key;
  });
  return {
    ...ending,
    turn: state.ending.turn,
    date: formatDate(selectDate(sc, state.ending.turn)),
    causes,
  };
}

/** The AI's weighing of one option in words. */
export function describeAiOption(sc: CompiledScenario, option: AiOption): string {
  const name = sc.actions[option.action]?.name ?? option.action;
  const terms = [...option.terms]
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 4)
    .map(
      (t) =>
        `${t.term === NOISE_TERM ? 'other considerations' : t.term}: ${t.value > 0 ? '+' : ''}${(t.value / 10).toFixed(1)}`,
    )
    .join(', ');
  const head = option.blocked
    ? `${name} ruled out (${option.blocked.replace(/\.$/, '')})`
    : `${name} (score ${(option.score / 10).toFixed(1)})`;
  return `${head}: ${terms}`;
}

/** What a line of a turn's story tells, so a page can style it or leave it out. */
export type StoryKind =
  'orders' | 'rationale' | 'reasoning' | 'option' | 'roll' | 'event' | 'changes' | 'escalation';

export interface StoryItem {
  kind: StoryKind;
  /** 1 for what happened; 2 under an order or a role's reasoning; options weighed are at 2. */
  depth: 1 | 2;
  text: string;
}

/** One turn told: its heading, what was ordered and why, rolls, events, changes and the ladder. */
export interface TurnStory {
  heading: string;
  items: StoryItem[];
  /** Every variable that moved (political capital aside), with its net change. */
  changes: { key: string; name: string; delta: number }[];
}

export function selectTurnStory(sc: CompiledScenario, report: TurnReport): TurnStory {
  const items: StoryItem[] = [];
  const add = (kind: StoryKind, text: string, depth: 1 | 2 = 1) =>
    items.push({ kind, depth, text });
  const role = (id: string | undefined) => (id ? (sc.roles[id]?.name ?? id) : '');
  const days = sc.scenario.daysPerTurn;
  const when =
    days === 7
      ? `week of ${formatDate(report.date)}`
      : days <= 1
        ? formatDate(report.date)
        : `${days} days from ${formatDate(report.date)}`;
  for (const o of report.orders) {
    const names = o.actions.map((id) => sc.actions[id]?.name ?? id);
    add(
      'orders',
      `${role(o.role)}${o.byAi ? ' (AI)' : ''}: ${names.length ? names.join('; ') : 'no orders'}`,
    );
    if (o.rationale) add('rationale', `rationale: "${o.rationale}"`, 2);
  }
  for (const d of report.ai) {
    if (d.considered.length === 0) continue;
    add('reasoning', `Why ${role(d.role)} chose as it did:`);
    for (const option of d.considered) {
      const mark = d.chosen.includes(option.action) ? '+' : option.blocked ? 'x' : '-';
      add('option', `${mark} ${describeAiOption(sc, option)}`, 2);
    }
  }
  for (const r of report.rolls) {
    add(
      'roll',
      `Roll: ${r.label} — chance ${r.chance}%, drew ${r.draw}: ${r.success ? 'yes' : 'no'}`,
    );
  }
  for (const e of selectTurnEvents(sc, report)) add('event', `Event: ${headlineText(e)}`);
  const totals = new Map<string, number>();
  for (const c of report.changes) totals.set(c.key, (totals.get(c.key) ?? 0) + c.delta);
  const changes = [...totals]
    .filter(([key, d]) => d !== 0 && !key.startsWith(CAPITAL_PREFIX))
    .map(([key, delta]) => ({ key, name: nameOf(sc, key), delta }));
  if (changes.length > 0) add('changes', `Changes: ${changesText(changes)}`);
  add(
    'escalation',
    `Escalation score ${report.escalationScore}; ladder ${rungName(sc, report.rungBefore)} → ${rungName(sc, report.rungAfter)}`,
  );
  return { heading: `Turn ${report.turn} — ${when}`, items, changes };
}

/** "Tension +5, Deal progress -3". */
export function changesText(changes: TurnStory['changes']): string {
  return changes.map((c) => `${c.name} ${c.delta > 0 ? '+' : ''}${c.delta}`).join(', ');
}

/** The story as text: the heading, then each line indented two spaces per level (the command line's form). */
export function turnStoryLines(story: TurnStory): string[] {
  return [story.heading, ...story.items.map((item) => `${'  '.repeat(item.depth)}${item.text}`)];
}

function rungName(sc: CompiledScenario, level: number): string {
  return sc.scenario.rungs.find((r) => r.level === level)?.name ?? `rung ${level}`;
}

export interface TurningPoint {
  turn: number;
  date: string;
  key: string;
  name: string;
  delta: number;
  causes: string[];
}

/** The largest swings of the main variables, turn by turn, with their biggest causes. */
export function selectTurningPoints(
  sc: CompiledScenario,
  state: GameState,
  keys: readonly string[],
  count: number,
): TurningPoint[] {
  const points: TurningPoint[] = [];
  for (const report of state.reports) {
    for (const key of keys) {
      const changes = report.changes.filter((c) => c.key === key);
      const delta = sumChanges(changes, key);
      const range = (sc.variables[key]?.max ?? 100) - (sc.variables[key]?.min ?? 0);
      if (delta === 0 || range === 0) continue;
      const causes = [...changes]
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
        .slice(0, 3)
        .map((c) => `${describeCause(sc, c.cause, key)} (${c.delta > 0 ? '+' : ''}${c.delta})`);
      points.push({
        turn: report.turn,
        date: formatDate(report.date),
        key,
        name: nameOf(sc, key),
        delta,
        causes,
      });
    }
  }
  const weight = (p: TurningPoint) =>
    Math.abs(p.delta) / ((sc.variables[p.key]?.max ?? 100) - (sc.variables[p.key]?.min ?? 0));
  return points.sort((a, b) => weight(b) - weight(a) || a.turn - b.turn).slice(0, count);
}

/**
 * How the pages present a scenario: its own `presentation` block (the variables the crisis room
 * shows first and the debrief picks turning points from, the four it charts, those the class view
 * compares, the tracks' names, whose intent is hidden), or plain defaults for a scenario without
 * one, so a new scenario plays before anyone writes one.
 */
export function presentationOf(sc: CompiledScenario): Presentation {
  const own = sc.scenario.presentation;
  if (own) return own;
  const first = (n: number) => sc.scenario.variables.slice(0, n).map((v) => v.id);
  const m = sc.scenario.mechanics;
  return {
    mainVariables: first(12),
    // The parts the engine's rules give variables: the tension, cohesion and the bargaining track.
    charted: [m.tension, m.deterrer.cohesion, m.bargaining.channels, m.bargaining.progress],
    compared: first(9),
    tracks: { diplomacy: 'Diplomacy', sanctions: 'Pressure', deterrence: 'Deterrence' },
    intentOf: "the other side's",
  };
}
