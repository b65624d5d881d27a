// How often the model reproduces history: the lines of play in a scenario's `calibration` block,
// each played over many seeds, measured (endings, any war, the median week of a full invasion,
// whether recognition came first, objectives met), checked against the targets history sets, and
// compared with the baseline in the direction the literature expects. Pure: the command line
// spreads the games over threads with `playCalibrationGames` and adds them up here. The measures
// are named in the scenario's words (`calibrationNames`): the war stage's first stage (Ukraine's
// recognition, Cuba's proclaimed missiles) and the timed ending.
import { gameSeed, playGame } from './batch';
import { turnOfDate } from './calendar';
import type { CompiledScenario } from './scenario/compile';
import {
  ANY_WAR,
  type Calibration,
  type CalibrationLine,
  type Direction,
  type PercentRange,
} from './scenario/types';
import { selectDate } from './selectors';
import { selectScores } from './scoring';
import type { GameState } from './state';

/** Stages of the war-stage variable: 1 the first (a step short of war), 2 and up war. */
const RECOGNITION_STAGE = 1;
const WAR_STAGE = 2;
/** A shift smaller than this many standard errors is called noise. */
const NOISE_STANDARD_ERRORS = 2;

/** What calibration keeps of one game. */
export interface GameOutcome {
  ending: string;
  endingTurn: number;
  /** The first turn the war stage reached recognition, and war; null if it never did. */
  recognitionTurn: number | null;
  warTurn: number | null;
  /** The roles that met their objectives. */
  objectivesMet: string[];
}

/** A number of games and their share of the line's games (0–1, four decimals). */
export interface Count {
  count: number;
  share: number;
}

export interface LineMeasurement {
  line: string;
  name: string;
  /** Game i was played from seed `${seed}#${i}`. */
  seed: string;
  runs: number;
  /** Every ending of the scenario, in its order, then any other (an unfinished game). */
  endings: ({ id: string; name: string } & Count)[];
  anyWar: Count;
  timedEnding: {
    count: number;
    /** The lower median of the turns it came in, so always a turn played; null without one. */
    medianTurn: number | null;
    /** The first day of that turn, YYYY-MM-DD. */
    medianDate: string | null;
  };
  /** Of the war games, those in which recognition came in an earlier turn than the war. */
  recognitionFirst: { warGames: number; count: number; share: number | null };
  objectivesMet: ({ role: string; name: string } & Count)[];
}

export type TargetCheck =
  | { kind: 'mostLikelyEnding'; ending: string; mostLikely: string[]; met: boolean }
  | { kind: 'endingShare'; ending: string; range: PercentRange; share: number; met: boolean }
  | {
      kind: 'invasionMedian';
      date: string;
      turn: number;
      withinTurns: number;
      medianTurn: number | null;
      met: boolean;
    }
  | { kind: 'recognitionFirst'; range: PercentRange; share: number | null; met: boolean }
  | { kind: 'anyWar'; range: PercentRange; share: number; met: boolean };

/** How a line moved one measure from the baseline, against the direction expected. */
export interface Shift {
  /** An ending id, or "anyWar". */
  measure: string;
  expected: Direction;
  baseline: number;
  share: number;
  /** share − baseline, in percentage points (two decimals). */
  points: number;
  /** Two standard errors of that difference, in points: a smaller shift is noise. */
  noise: number;
  /** "expected": beyond the noise, the expected way; "opposite": beyond it, the other way. */
  verdict: 'expected' | 'unclear' | 'opposite';
}

export interface LineReport extends LineMeasurement {
  description: string;
  policies: Record<string, string>;
  citation?: string;
  targets?: TargetCheck[];
  shifts?: Shift[];
}

/** What the report's measures are called in the scenario's own words. */
export interface CalibrationNames {
  /** The first stage of the war-stage variable (its rung's name): "…, before the war". */
  firstStage: string;
  /** The ending whose median turn is measured. */
  timedEnding: string;
  /** The war endings, by name, in the calibration block's order. */
  warEndings: string[];
}

export interface CalibrationReport {
  scenario: { id: string; version: string; hash: string };
  names: CalibrationNames;
  seed: string;
  runs: number;
  baseline: string;
  lines: LineReport[];
}

/**
 * The names of the measures: the rung the first war stage reaches (else the variable's label for
 * it), and the endings' names.
 */
export function calibrationNames(sc: CompiledScenario, calibration: Calibration): CalibrationNames {
  const key = sc.scenario.mechanics.warStage;
  const rung = sc.scenario.rungs.find((r) => r.minWarStage === RECOGNITION_STAGE);
  const label = sc.scenario.variables.find((v) => v.id === key)?.labels?.[RECOGNITION_STAGE];
  const endingName = (id: string) => sc.scenario.endings.find((e) => e.id === id)?.name ?? id;
  return {
    firstStage: rung?.name ?? label ?? `${sc.variables[key]?.name ?? key} ${RECOGNITION_STAGE}`,
    timedEnding: endingName(calibration.invasionEnding),
    warEndings: calibration.warEndings.map(endingName),
  };
}

/** The base seed of a line's games: game i of line L is `${base}/${L}#${i}`. */
export function lineSeed(base: string, lineId: string): string {
  return `${base}/${lineId}`;
}

/**
 * The lines to measure: those asked for (all when none are), always with the baseline the others
 * are compared with, in the scenario's order; `unknown` names what no line is called.
 */
export function pickLines(
  calibration: Calibration,
  ids: readonly string[] = [],
): { lines: CalibrationLine[]; unknown: string[] } {
  const known = new Set(calibration.lines.map((line) => line.id));
  const wanted = new Set([calibration.baseline, ...ids]);
  return {
    lines: calibration.lines.filter((line) => ids.length === 0 || wanted.has(line.id)),
    unknown: ids.filter((id) => !known.has(id)),
  };
}

export function outcomeOf(sc: CompiledScenario, state: GameState): GameOutcome {
  const key = sc.scenario.mechanics.warStage;
  let stage = sc.variables[key]?.initial ?? 0;
  let recognitionTurn: number | null = stage >= RECOGNITION_STAGE ? 0 : null;
  let warTurn: number | null = stage >= WAR_STAGE ? 0 : null;
  for (const report of state.reports) {
    for (const change of report.changes) {
      if (change.key !== key) continue;
      stage += change.delta;
      if (stage >= RECOGNITION_STAGE) recognitionTurn ??= report.turn;
      if (stage >= WAR_STAGE) warTurn ??= report.turn;
    }
  }
  return {
    ending: state.ending?.id ?? 'unfinished',
    endingTurn: state.ending?.turn ?? state.turn,
    recognitionTurn,
    warTurn,
    objectivesMet: selectScores(sc, state)
      .filter((score) => score.victory)
      .map((score) => score.role),
  };
}

/**
 * Games `start` to `end − 1` of a calibration run, numbered across the lines: game g is game
 * g mod `runs` of line ⌊g / runs⌋. Threads each play a stretch; the results join in order.
 */
export function playCalibrationGames(
  sc: CompiledScenario,
  lines: readonly CalibrationLine[],
  base: string,
  runs: number,
  start: number,
  end: number,
): GameOutcome[] {
  const outcomes: GameOutcome[] = [];
  for (let g = start; g < end; g++) {
    const line = lines[Math.floor(g / runs)]!;
    const seed = gameSeed(lineSeed(base, line.id), g % runs);
    const { state } = playGame(sc, seed, line.policies, line.plan ? { plan: line.plan } : {});
    outcomes.push(outcomeOf(sc, state));
  }
  return outcomes;
}

/** Every line played inline and reported: for tests and callers without threads. */
export function calibrate(
  sc: CompiledScenario,
  calibration: Calibration,
  lines: readonly CalibrationLine[],
  base: string,
  runs: number,
): CalibrationReport {
  const outcomes = playCalibrationGames(sc, lines, base, runs, 0, runs * lines.length);
  return calibrationReport(sc, calibration, lines, base, runs, outcomes);
}

/** The report from every game's outcome, in the order `playCalibrationGames` numbers them. */
export function calibrationReport(
  sc: CompiledScenario,
  calibration: Calibration,
  lines: readonly CalibrationLine[],
  base: string,
  runs: number,
  outcomes: readonly GameOutcome[],
): CalibrationReport {
  const measured = lines.map((line, i) =>
    measureLine(sc, calibration, line, base, outcomes.slice(i * runs, (i + 1) * runs)),
  );
  const baseline = measured.find((m) => m.line === calibration.baseline);
  return {
    scenario: { id: sc.scenario.id, version: sc.scenario.version, hash: sc.hash },
    names: calibrationNames(sc, calibration),
    seed: base,
    runs,
    baseline: calibration.baseline,
    lines: lines.map((line, i) => {
      const m = measured[i]!;
      const report: LineReport = {
        ...m,
        description: line.description,
        policies: { ...line.policies },
      };
      if (line.citation !== undefined) report.citation = line.citation;
      if (line.targets) report.targets = checkTargets(sc, line, m);
      if (line.expected && baseline && line.id !== baseline.line) {
        report.shifts = compareWithBaseline(line.expected, baseline, m);
      }
      return report;
    }),
  };
}

export function measureLine(
  sc: CompiledScenario,
  calibration: Calibration,
  line: CalibrationLine,
  base: string,
  outcomes: readonly GameOutcome[],
): LineMeasurement {
  const runs = outcomes.length;
  const count = (n: number): Count => ({ count: n, share: fourPlaces(runs ? n / runs : 0) });
  const endings = sc.scenario.endings.map((e) => ({ id: e.id, name: e.name }));
  for (const o of outcomes) {
    if (!endings.some((e) => e.id === o.ending)) endings.push({ id: o.ending, name: o.ending });
  }
  const wars = outcomes.filter((o) => calibration.warEndings.includes(o.ending));
  const recognisedFirst = wars.filter(
    (o) => o.recognitionTurn !== null && o.recognitionTurn < (o.warTurn ?? o.endingTurn),
  ).length;
  const timedTurns = outcomes
    .filter((o) => o.ending === calibration.invasionEnding)
    .map((o) => o.endingTurn);
  const medianTurn = lowerMedian(timedTurns);
  return {
    line: line.id,
    name: line.name,
    seed: lineSeed(base, line.id),
    runs,
    endings: endings.map((e) => ({
      ...e,
      ...count(outcomes.filter((o) => o.ending === e.id).length),
    })),
    anyWar: count(wars.length),
    timedEnding: {
      count: timedTurns.length,
      medianTurn,
      medianDate: medianTurn === null ? null : selectDate(sc, medianTurn),
    },
    recognitionFirst: {
      warGames: wars.length,
      count: recognisedFirst,
      share: wars.length ? fourPlaces(recognisedFirst / wars.length) : null,
    },
    objectivesMet: sc.roleOrder
      .filter((role) => sc.roles[role]!.playable)
      .map((role) => ({
        role,
        name: sc.roles[role]!.name,
        ...count(outcomes.filter((o) => o.objectivesMet.includes(role)).length),
      })),
  };
}

/** The middle value of a list, the lower of the two middle ones for an even count. */
export function lowerMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

export function checkTargets(
  sc: CompiledScenario,
  line: CalibrationLine,
  m: LineMeasurement,
): TargetCheck[] {
  const targets = line.targets ?? {};
  const checks: TargetCheck[] = [];
  if (targets.mostLikelyEnding !== undefined) {
    const top = Math.max(...m.endings.map((e) => e.count));
    const mostLikely = m.endings.filter((e) => e.count === top).map((e) => e.id);
    const ending = targets.mostLikelyEnding;
    const met = mostLikely.length === 1 && mostLikely[0] === ending;
    checks.push({ kind: 'mostLikelyEnding', ending, mostLikely, met });
  }
  for (const [ending, range] of Object.entries(targets.endingShares ?? {})) {
    const share = m.endings.find((e) => e.id === ending)?.share ?? 0;
    checks.push({ kind: 'endingShare', ending, range, share, met: inRange(share, range) });
  }
  if (targets.invasionMedian) {
    const { date, withinTurns } = targets.invasionMedian;
    const { startDate, daysPerTurn, turns } = sc.scenario;
    const turn = turnOfDate(startDate, daysPerTurn, turns, date) ?? 0;
    const { medianTurn } = m.timedEnding;
    const met = medianTurn !== null && Math.abs(medianTurn - turn) <= withinTurns;
    checks.push({ kind: 'invasionMedian', date, turn, withinTurns, medianTurn, met });
  }
  if (targets.recognitionFirst) {
    const range = targets.recognitionFirst;
    const share = m.recognitionFirst.share;
    checks.push({
      kind: 'recognitionFirst',
      range,
      share,
      met: share !== null && inRange(share, range),
    });
  }
  if (targets.anyWar) {
    const range = targets.anyWar;
    const share = m.anyWar.share;
    checks.push({ kind: 'anyWar', range, share, met: inRange(share, range) });
  }
  return checks;
}

/** Whether a share (0–1) lies in a range given in percent. */
export function inRange(share: number, range: PercentRange): boolean {
  const percent = share * 100;
  return (
    (range.atLeast === undefined || percent >= range.atLeast) &&
    (range.atMost === undefined || percent <= range.atMost) &&
    (range.moreThan === undefined || percent > range.moreThan)
  );
}

export function compareWithBaseline(
  expected: Readonly<Record<string, Direction>>,
  baseline: LineMeasurement,
  m: LineMeasurement,
): Shift[] {
  return Object.entries(expected).map(([measure, direction]) => {
    const before = measureOf(baseline, measure);
    const after = measureOf(m, measure);
    const p = after.count / (m.runs || 1);
    const q = before.count / (baseline.runs || 1);
    const standardError = Math.sqrt(
      (p * (1 - p)) / (m.runs || 1) + (q * (1 - q)) / (baseline.runs || 1),
    );
    const difference = p - q;
    const noise = NOISE_STANDARD_ERRORS * standardError;
    const sign = direction === 'higher' ? 1 : -1;
    const verdict =
      Math.abs(difference) <= noise ? 'unclear' : difference * sign > 0 ? 'expected' : 'opposite';
    return {
      measure,
      expected: direction,
      baseline: before.share,
      share: after.share,
      points: twoPlaces(difference * 100),
      noise: twoPlaces(noise * 100),
      verdict,
    };
  });
}

function measureOf(m: LineMeasurement, measure: string): Count {
  if (measure === ANY_WAR) return m.anyWar;
  return m.endings.find((e) => e.id === measure) ?? { count: 0, share: 0 };
}

function fourPlaces(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function twoPlaces(value: number): number {
  return Math.round(value * 100) / 100;
}
