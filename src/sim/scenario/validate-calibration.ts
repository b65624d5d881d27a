// Checks a scenario's `calibration` block: the lines of play `brink calibrate` measures and the
// targets history sets (their shape is in schema.ts): every role, bot, action and ending named
// exists, and every target can be measured.
import { turnOfDate } from '../calendar';
import {
  ANY_WAR,
  type Action,
  type Calibration,
  type CalibrationLine,
  type CalibrationTargets,
  type Ending,
  type PercentRange,
  type Role,
  type Scenario,
} from './types';

/** What the meaning pass needs from the validator's context. */
export interface CalibrationContext {
  readonly scenario: Scenario;
  readonly faults: {
    error(path: string, message: string): void;
    warn(path: string, message: string): void;
  };
  readonly roles: ReadonlyMap<string, Role>;
  readonly actions: ReadonlyMap<string, Action>;
  readonly endings: ReadonlyMap<string, Ending>;
}

/** Helpers of validate.ts: JSON paths, quoting, "did you mean", and its check of a plan. */
export interface CalibrationHelpers {
  at(path: string, key: string | number): string;
  quote(text: string): string;
  didYouMean(name: string, candidates: Iterable<string>): string;
  /** Checks role → turn → action ids as the scenario's `historical` plan is checked. */
  checkPlan(plan: Scenario['historical'], path: string): void;
}

const PATH = 'calibration';

/** The context and helpers, with `refer` ready: what each check below takes. */
interface Checker extends CalibrationHelpers {
  readonly ctx: CalibrationContext;
  refer(path: string, name: string, noun: string, known: ReadonlyMap<string, unknown>): void;
}

/** Pass 2: references and measurability, on a block whose shape is right. */
export function checkCalibration(ctx: CalibrationContext, helpers: CalibrationHelpers): void {
  const calibration = ctx.scenario.calibration;
  if (!calibration) return;
  const c: Checker = {
    ...helpers,
    ctx,
    refer(path, name, noun, known) {
      if (known.has(name)) return;
      const hint = helpers.didYouMean(name, known.keys());
      ctx.faults.error(path, `unknown ${noun} ${helpers.quote(name)}${hint}`);
    },
  };
  const { at, quote } = c;
  const linesPath = at(PATH, 'lines');
  const lineIds = new Map<string, number>();
  calibration.lines.forEach((line, i) => {
    const first = lineIds.get(line.id);
    if (first === undefined) lineIds.set(line.id, i);
    else {
      ctx.faults.error(
        at(at(linesPath, i), 'id'),
        `duplicate line id ${quote(line.id)} (already used by ${at(linesPath, first)})`,
      );
    }
  });
  c.refer(at(PATH, 'baseline'), calibration.baseline, 'line', lineIds);
  calibration.warEndings.forEach((id, i) => {
    c.refer(at(at(PATH, 'warEndings'), i), id, 'ending', ctx.endings);
  });
  const timed = calibration.invasionEnding;
  c.refer(at(PATH, 'invasionEnding'), timed, 'ending', ctx.endings);
  if (ctx.endings.has(timed) && !calibration.warEndings.includes(timed)) {
    ctx.faults.warn(
      at(PATH, 'invasionEnding'),
      `${quote(timed)} is not among the war endings, so "any war" leaves it out`,
    );
  }
  calibration.lines.forEach((line, i) => {
    const path = at(linesPath, i);
    checkPolicies(c, line, path);
    checkExpected(c, calibration, line, path);
    if (line.targets) checkTargets(c, line.targets, at(path, 'targets'));
  });
}

function checkPolicies(c: Checker, line: CalibrationLine, path: string): void {
  const { ctx, at, quote } = c;
  for (const [roleId, bot] of Object.entries(line.policies)) {
    const rolePath = at(at(path, 'policies'), roleId);
    const role = ctx.roles.get(roleId);
    if (!role) c.refer(rolePath, roleId, 'role', ctx.roles);
    else if (!role.playable && bot !== 'ai') {
      ctx.faults.error(rolePath, `${role.name} is always played by the computer, not by a bot`);
    }
  }
  if (!line.plan) return;
  c.checkPlan(line.plan, at(path, 'plan'));
  for (const roleId of Object.keys(line.plan)) {
    const bot = line.policies[roleId] ?? 'ai';
    if (ctx.roles.has(roleId) && bot !== 'historical') {
      ctx.faults.warn(
        at(at(path, 'plan'), roleId),
        `is ignored: only the historical bot follows a plan, and ${quote(roleId)} is played by ${quote(bot)}`,
      );
    }
  }
}

function checkExpected(
  c: Checker,
  calibration: Calibration,
  line: CalibrationLine,
  path: string,
): void {
  const { ctx, at } = c;
  const expectedPath = at(path, 'expected');
  if (line.id === calibration.baseline) {
    if (line.expected) {
      ctx.faults.error(expectedPath, 'the baseline is what the other lines are compared with');
    }
    return;
  }
  if (!line.expected || Object.keys(line.expected).length === 0) {
    ctx.faults.warn(path, 'expects no direction of change, so its shift is measured, not judged');
    return;
  }
  const measures = new Map<string, unknown>([[ANY_WAR, null], ...ctx.endings]);
  for (const measure of Object.keys(line.expected)) {
    c.refer(at(expectedPath, measure), measure, 'ending or measure', measures);
  }
  if (line.citation === undefined) {
    ctx.faults.error(at(path, 'citation'), 'an expected direction needs the citation behind it');
  }
}

function checkTargets(c: Checker, targets: CalibrationTargets, path: string): void {
  const { ctx, at } = c;
  if (targets.mostLikelyEnding !== undefined) {
    c.refer(at(path, 'mostLikelyEnding'), targets.mostLikelyEnding, 'ending', ctx.endings);
  }
  for (const [id, range] of Object.entries(targets.endingShares ?? {})) {
    const rangePath = at(at(path, 'endingShares'), id);
    c.refer(rangePath, id, 'ending', ctx.endings);
    checkRange(c, range, rangePath);
  }
  if (targets.recognitionFirst) {
    checkRange(c, targets.recognitionFirst, at(path, 'recognitionFirst'));
  }
  if (targets.anyWar) checkRange(c, targets.anyWar, at(path, 'anyWar'));
  const median = targets.invasionMedian;
  const { startDate, daysPerTurn, turns } = ctx.scenario;
  if (median && turnOfDate(startDate, daysPerTurn, turns, median.date) === null) {
    ctx.faults.error(
      at(at(path, 'invasionMedian'), 'date'),
      `${median.date} falls outside the game (${turns} turns of ${daysPerTurn} days from ${startDate})`,
    );
  }
}

function checkRange(c: Checker, range: PercentRange, path: string): void {
  const { atLeast, atMost = 100, moreThan } = range;
  if (atLeast === undefined && range.atMost === undefined && moreThan === undefined) {
    c.ctx.faults.error(path, 'gives no bound: use "atLeast", "atMost" or "moreThan"');
  } else if ((atLeast ?? 0) > atMost || (moreThan ?? -1) >= atMost) {
    c.ctx.faults.error(path, 'no share of games falls within these bounds');
  }
}
