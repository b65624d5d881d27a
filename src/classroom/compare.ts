// Comparing the games of a class: one row per group, where games from the same seed parted ways,
// how their main variables ended, and the CSV a teacher takes away. Pure: data in, data out.
import {
  AS_MODELLED_WORDS,
  classDifferences,
  describeClassDifferenceIn,
  describeSetting,
  selectEnding,
  selectScores,
  type ClassCode,
  type ClassDifference,
  type CompiledScenario,
  type GameRecord,
  type GameState,
} from '../sim';
import type { Verification } from './entries';

/** What every role did in one turn (AI roles included), and the events a facilitator injected. */
export interface TurnPlay {
  turn: number;
  orders: readonly { role: string; actions: readonly string[] }[];
  injected: readonly string[];
}

export function turnsOf(state: GameState): TurnPlay[] {
  return state.reports.map((r) => ({ turn: r.turn, orders: r.orders, injected: r.injected }));
}

/**
 * Where two games part: `same` when every turn matches, `longer` when they match while both ran
 * but one went on (an unfinished game beside a finished one), `orders` at the first turn whose
 * orders differ, naming the roles that ordered differently.
 */
export type Divergence =
  | { kind: 'same' }
  | { kind: 'longer'; turn: number }
  | { kind: 'orders'; turn: number; roles: string[]; injected: boolean };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The roles whose orders differ in one turn (action order counts: it is the order they resolve in). */
function differingRoles(a: TurnPlay, b: TurnPlay): string[] {
  const roles = [...new Set([...a.orders, ...b.orders].map((o) => o.role))];
  const actionsOf = (t: TurnPlay, role: string) =>
    t.orders.find((o) => o.role === role)?.actions ?? [];
  return roles.filter((role) => !sameList(actionsOf(a, role), actionsOf(b, role)));
}

export function firstDivergence(a: readonly TurnPlay[], b: readonly TurnPlay[]): Divergence {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const roles = differingRoles(a[i]!, b[i]!);
    const injected = !sameList([...a[i]!.injected].sort(), [...b[i]!.injected].sort());
    if (roles.length > 0 || injected) return { kind: 'orders', turn: a[i]!.turn, roles, injected };
  }
  if (a.length === b.length) return { kind: 'same' };
  return { kind: 'longer', turn: (a.length > b.length ? a : b)[common]!.turn };
}

/** How long two games stayed together: later divergence ranks higher, identical games highest. */
function togetherness(d: Divergence): number {
  return d.kind === 'same' ? Number.POSITIVE_INFINITY : d.turn;
}

/** For each game, the game it stayed with longest (the earliest of equals) and where they parted. */
export function partings(
  games: readonly (readonly TurnPlay[])[],
): ({ other: number; divergence: Divergence } | null)[] {
  return games.map((mine, i) => {
    let best: { other: number; divergence: Divergence } | null = null;
    for (let j = 0; j < games.length; j++) {
      if (j === i) continue;
      const divergence = firstDivergence(mine, games[j]!);
      if (!best || togetherness(divergence) > togetherness(best.divergence)) {
        best = { other: j, divergence };
      }
    }
    return best;
  });
}

/** A short phrase for a divergence from the game called `other`. */
export function describeDivergence(d: Divergence, other: string): string {
  switch (d.kind) {
    case 'same':
      return `same orders as ${other}`;
    case 'longer':
      return `same orders as ${other} while both ran; they part at turn ${d.turn}, which only one played`;
    case 'orders':
      return `turn ${d.turn}, from ${other}`;
  }
}

/** Indexes of the items in groups by seed, in order of first appearance; only seeds shared by two or more. */
export function sharedSeeds<T>(
  items: readonly T[],
  seedOf: (item: T) => string | null,
): { seed: string; members: number[] }[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const seed = seedOf(item);
    if (seed === null) return;
    groups.set(seed, [...(groups.get(seed) ?? []), i]);
  });
  return [...groups]
    .filter(([, members]) => members.length > 1)
    .map(([seed, members]) => ({ seed, members }));
}

export interface EndComparison {
  key: string;
  values: number[];
  /** Largest minus smallest: how far apart the games ended. */
  spread: number;
}

export function endComparison(
  keys: readonly string[],
  finals: readonly Readonly<Record<string, number>>[],
): EndComparison[] {
  return keys.map((key) => {
    const values = finals.map((vars) => vars[key] ?? 0);
    const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
    return { key, values, spread };
  });
}

/** One group's line in the class table and the CSV. */
export interface GroupRow {
  name: string;
  /** Names of the roles the group played (the AI played the rest). */
  roles: string[];
  seed: string;
  ending: string;
  turn: number | null;
  scores: { role: string; name: string; score: number; victory: boolean }[];
  /** The hash the replay reached; empty when it could not be replayed. */
  hash: string;
  status: Verification['status'];
  message: string;
  divergence: string;
  /** The what-if setting it was played under, in words: "as modelled" when no switch was changed. */
  setting: string;
  /** How the record differs from the class code; null when no code was given. */
  classCheck: ClassDifference[] | null;
  /** The class check in words (the set-up column): "" when no code was given. */
  classCheckText: string;
}

export function groupRow(
  sc: CompiledScenario,
  game: { name: string; record: GameRecord | null; outcome: Verification },
  divergence = '',
  classCode: ClassCode | null = null,
): GroupRow {
  const roles = (game.record?.humans ?? []).map((id) => sc.roles[id]?.name ?? id);
  const classCheck =
    classCode && game.record ? classDifferences(game.record, classCode, sc.scenario) : null;
  const base = {
    name: game.name,
    roles,
    seed: game.record?.seed ?? '',
    divergence,
    setting: game.record ? describeSetting(sc.scenario, game.record.whatIf) : '',
    classCheck,
    classCheckText: classCheckText(sc, classCheck),
  };
  const outcome = game.outcome;
  if (outcome.status === 'failed') {
    return {
      ...base,
      ending: '',
      turn: null,
      scores: [],
      hash: '',
      status: 'failed',
      message: outcome.message,
    };
  }
  const ending = selectEnding(sc, outcome.state);
  return {
    ...base,
    ending: ending?.name ?? 'unfinished',
    turn: outcome.state.ending?.turn ?? outcome.state.turn,
    scores: selectScores(sc, outcome.state).map(({ role, name, score, victory }) => ({
      role,
      name,
      score,
      victory,
    })),
    hash: outcome.hash,
    status: outcome.status,
    message: CHECK_WORDS[outcome.status].long,
  };
}

/** What the replay check showed, in words: a mark and a short phrase for tables, a sentence for titles. */
export const CHECK_WORDS: Record<Verification['status'], { short: string; long: string }> = {
  matches: {
    short: '✔ Replays to its hash',
    long: 'Every order is legal and the replay reaches the final hash the record carries. (This shows the record is consistent, not how it was played: check the class set-up too.)',
  },
  noHash: {
    short: '⚠ No hash: not checked',
    long: 'The record has no final hash, so there is nothing to check its replay against.',
  },
  failed: {
    short: '✘ Does not replay',
    long: 'The record does not replay to the game it claims.',
  },
};

/** The class set-up column: "as the class code", the differences, or "" when no code was given. */
export function classCheckText(sc: CompiledScenario, check: ClassDifference[] | null): string {
  if (check === null) return '';
  if (check.length === 0) return 'as the class code';
  return check.map((d) => describeClassDifferenceIn(sc.scenario, d)).join('; ');
}

/** How many games were played under what-if switches, and under which settings (in words). */
export function switchedGames(rows: readonly GroupRow[]): { count: number; settings: string[] } {
  const switched = rows.filter((r) => r.setting !== '' && r.setting !== AS_MODELLED_WORDS);
  return { count: switched.length, settings: [...new Set(switched.map((r) => r.setting))] };
}

/** A row a teacher should look at: no hash, not the class's set-up, or no replay at all. */
export const flagged = (row: GroupRow) =>
  row.status !== 'matches' || (row.classCheck !== null && row.classCheck.length > 0);

export function csvHeader(sc: CompiledScenario): string[] {
  return [
    'group',
    'roles',
    'seed',
    'what-if setting',
    'ending',
    'turn',
    ...sc.scenario.roles.map((r) => `score ${r.name}`),
    'hash',
    'replay check',
    'class set-up',
    'first divergence',
    'message',
  ];
}

export function csvLine(sc: CompiledScenario, row: GroupRow): (string | number)[] {
  return [
    row.name,
    row.roles.join('; '),
    row.seed,
    row.setting,
    row.ending,
    row.turn ?? '',
    ...sc.scenario.roles.map((r) => row.scores.find((s) => s.role === r.id)?.score ?? ''),
    row.hash,
    CHECK_WORDS[row.status].short.slice(2),
    row.classCheckText,
    row.divergence,
    row.status === 'failed' ? row.message : '',
  ];
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces,
 * quotes doubled. Text that a spreadsheet would run as a formula (= + - @ at the start) gets a
 * leading apostrophe: group names come from file names and pasted text.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines end in CRLF, as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function classCsv(sc: CompiledScenario, rows: readonly GroupRow[]): string {
  return toCsv([csvHeader(sc), ...rows.map((row) => csvLine(sc, row))]);
}
