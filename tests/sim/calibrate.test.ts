// The calibration measurement: counts that add up, recognition-first and the median turn worked
// out right on crafted outcomes, targets and shifts judged right, war-stage turns read from the
// reports, and the same seeds giving the same report however the games are split up. It checks
// the measuring, never whether the model meets the targets.
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationReport,
  checkTargets,
  compareWithBaseline,
  lowerMedian,
  measureLine,
  outcomeOf,
  pickLines,
  playCalibrationGames,
  playGame,
  selectScores,
  type Calibration,
  type CalibrationLine,
  type GameOutcome,
  type GameState,
  type LineMeasurement,
  type TurnReport,
} from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

const BASE: CalibrationLine = {
  id: 'base',
  name: 'Base',
  description: 'The line the other is compared with.',
  policies: { us: 'historical', eu: 'historical', ukraine: 'historical' },
  targets: {
    mostLikelyEnding: 'fullInvasion',
    endingShares: { fullInvasion: { atLeast: 50, atMost: 85 } },
    invasionMedian: { date: '2022-02-24', withinTurns: 2 },
    recognitionFirst: { moreThan: 50 },
  },
};
const TALKS: CalibrationLine = {
  id: 'talks',
  name: 'Talks only',
  description: 'Nothing but talks from the United States.',
  policies: { us: 'historical' },
  plan: { us: { '1': ['us.leadersCall'], '2': [] } },
  expected: { anyWar: 'higher', negotiatedDeEscalation: 'lower' },
  citation: 'A reference.',
};
const CALIBRATION: Calibration = {
  baseline: 'base',
  warEndings: ['limitedIncursion', 'fullInvasion'],
  invasionEnding: 'fullInvasion',
  lines: [BASE, TALKS],
};

function outcome(
  ending: string,
  endingTurn: number,
  recognitionTurn: number | null = null,
  warTurn: number | null = null,
  objectivesMet: string[] = [],
): GameOutcome {
  return { ending, endingTurn, recognitionTurn, warTurn, objectivesMet };
}

const CRAFTED = [
  outcome('fullInvasion', 9, 8, 9, ['russia']),
  outcome('fullInvasion', 7, null, 7),
  outcome('limitedIncursion', 6, 6, 6, ['russia']), // recognised in the same turn: not first
  outcome('managedStandoff', 10, null, null, ['us', 'eu']),
  outcome('fullInvasion', 10, 5, 10),
  outcome('frozenConflict', 10, 7, null, ['ukraine']),
];

describe('measureLine on crafted outcomes', () => {
  const m = measureLine(sc, CALIBRATION, BASE, 'seed', CRAFTED);

  it('lists every ending of the scenario, with counts that add up to the games', () => {
    expect(m.endings.map((e) => e.id)).toEqual(sc.scenario.endings.map((e) => e.id));
    expect(m.endings.reduce((n, e) => n + e.count, 0)).toBe(CRAFTED.length);
    expect(m.endings.find((e) => e.id === 'fullInvasion')).toMatchObject({
      count: 3,
      share: 0.5,
    });
    expect(m.anyWar).toEqual({ count: 4, share: 0.6667 });
    expect(m).toMatchObject({ line: 'base', seed: 'seed/base', runs: 6 });
  });

  it('counts recognition first only when it came in an earlier turn than the war', () => {
    expect(m.recognitionFirst).toEqual({ warGames: 4, count: 2, share: 0.5 });
  });

  it('gives the median turn of a full invasion and the first day of that week', () => {
    expect(m.timedEnding).toEqual({ count: 3, medianTurn: 9, medianDate: '2022-02-24' });
  });

  it('counts objectives met for every playable role', () => {
    const met = Object.fromEntries(m.objectivesMet.map((o) => [o.role, o.count]));
    expect(met).toEqual({ us: 1, eu: 1, ukraine: 1, russia: 2 });
  });

  it('copes with no games and with no war', () => {
    const none = measureLine(sc, CALIBRATION, BASE, 'seed', []);
    expect(none.anyWar).toEqual({ count: 0, share: 0 });
    expect(none.timedEnding).toEqual({ count: 0, medianTurn: null, medianDate: null });
    expect(none.recognitionFirst.share).toBeNull();
  });
});

describe('lowerMedian', () => {
  it.each([
    [[], null],
    [[4], 4],
    [[9, 7, 10], 9],
    [[8, 5, 7, 6], 6],
    [[3, 3, 9, 9], 3],
  ])('of %j is %s', (values, median) => {
    expect(lowerMedian(values)).toBe(median);
  });
});

/** A measurement with only what targets and shifts read. */
function measured(runs: number, counts: Record<string, number>, extra = {}): LineMeasurement {
  const endings = sc.scenario.endings.map((e) => ({
    id: e.id,
    name: e.name,
    count: counts[e.id] ?? 0,
    share: (counts[e.id] ?? 0) / runs,
  }));
  const war = (counts.limitedIncursion ?? 0) + (counts.fullInvasion ?? 0);
  return {
    line: 'x',
    name: 'X',
    seed: 's/x',
    runs,
    endings,
    anyWar: { count: war, share: war / runs },
    timedEnding: { count: counts.fullInvasion ?? 0, medianTurn: 9, medianDate: '2022-02-24' },
    recognitionFirst: { warGames: war, count: 0, share: 0 },
    objectivesMet: [],
    ...extra,
  };
}

describe('checkTargets', () => {
  it('meets every target when the measurement lies within it', () => {
    const m = measured(
      100,
      { fullInvasion: 60, managedStandoff: 40 },
      {
        timedEnding: { count: 60, medianTurn: 7, medianDate: '2022-02-10' },
        recognitionFirst: { warGames: 60, count: 31, share: 31 / 60 },
      },
    );
    const checks = checkTargets(sc, BASE, m);
    expect(checks.map((c) => [c.kind, c.met])).toEqual([
      ['mostLikelyEnding', true],
      ['endingShare', true],
      ['invasionMedian', true],
      ['recognitionFirst', true],
    ]);
    expect(checks[2]).toMatchObject({ turn: 9, medianTurn: 7, withinTurns: 2 });
  });

  it('misses each one just outside it, and a tie for the most likely ending', () => {
    const m = measured(
      100,
      { fullInvasion: 45, managedStandoff: 45, limitedIncursion: 10 },
      {
        timedEnding: { count: 45, medianTurn: 6, medianDate: '2022-02-03' },
        recognitionFirst: { warGames: 55, count: 27, share: 27 / 55 },
      },
    );
    const checks = checkTargets(sc, BASE, m);
    expect(checks.every((c) => !c.met)).toBe(true);
    expect(checks[0]).toMatchObject({ mostLikely: ['fullInvasion', 'managedStandoff'] });
  });

  it('does not meet the median or recognition targets without any war', () => {
    const m = measured(
      10,
      { managedStandoff: 10 },
      {
        timedEnding: { count: 0, medianTurn: null, medianDate: null },
        recognitionFirst: { warGames: 0, count: 0, share: null },
      },
    );
    const byKind = Object.fromEntries(checkTargets(sc, BASE, m).map((c) => [c.kind, c.met]));
    expect(byKind).toMatchObject({ invasionMedian: false, recognitionFirst: false });
  });
});

describe('compareWithBaseline', () => {
  const baseline = measured(2000, {
    fullInvasion: 600,
    limitedIncursion: 400,
    managedStandoff: 1000,
  });

  it('calls a shift beyond two standard errors expected or opposite, a smaller one noise', () => {
    const lower = measured(2000, {
      fullInvasion: 500,
      limitedIncursion: 300,
      managedStandoff: 1200,
    });
    const same = measured(2000, {
      fullInvasion: 590,
      limitedIncursion: 400,
      managedStandoff: 1010,
    });
    expect(compareWithBaseline({ anyWar: 'lower' }, baseline, lower)[0]).toMatchObject({
      measure: 'anyWar',
      baseline: 0.5,
      share: 0.4,
      points: -10,
      noise: 3.13,
      verdict: 'expected',
    });
    expect(compareWithBaseline({ anyWar: 'higher' }, baseline, lower)[0]!.verdict).toBe('opposite');
    expect(compareWithBaseline({ anyWar: 'lower' }, baseline, same)[0]!.verdict).toBe('unclear');
  });

  it('measures endings by id, and calls nothing against nothing noise', () => {
    const shifts = compareWithBaseline(
      { fullInvasion: 'lower', negotiatedDeEscalation: 'higher' },
      baseline,
      baseline,
    );
    expect(shifts.map((s) => [s.measure, s.points, s.verdict])).toEqual([
      ['fullInvasion', 0, 'unclear'],
      ['negotiatedDeEscalation', 0, 'unclear'],
    ]);
  });
});

describe('outcomeOf', () => {
  const { state } = playGame(sc, 'outcome', { us: 'historical' });
  const report = (turn: number, changes: [string, number][]): TurnReport =>
    ({
      ...state.reports[0]!,
      turn,
      changes: changes.map(([key, delta]) => ({ key, delta })),
    }) as TurnReport;
  const withReports = (reports: TurnReport[]): GameState => ({ ...state, reports });

  it('finds the first turn of recognition and of war in the war-stage changes', () => {
    const game = withReports([
      report(2, [['tension', 5]]),
      report(3, [['warStage', 1]]),
      report(5, [
        ['tension', 3],
        ['warStage', 2],
      ]),
      report(6, [['warStage', 1]]),
    ]);
    expect(outcomeOf(sc, game)).toMatchObject({ recognitionTurn: 3, warTurn: 5 });
  });

  it('takes a jump straight to invasion as recognition and war in the same turn', () => {
    expect(outcomeOf(sc, withReports([report(4, [['warStage', 3]])]))).toMatchObject({
      recognitionTurn: 4,
      warTurn: 4,
    });
    expect(outcomeOf(sc, withReports([]))).toMatchObject({ recognitionTurn: null, warTurn: null });
  });

  it('keeps the ending, its turn and the roles that met their objectives', () => {
    const o = outcomeOf(sc, state);
    expect(o.ending).toBe(state.ending!.id);
    expect(o.endingTurn).toBe(state.ending!.turn);
    const met = selectScores(sc, state).filter((score) => score.victory);
    expect(o.objectivesMet).toEqual(met.map((score) => score.role));
  });
});

describe('a line’s plan', () => {
  const firstOrders = (plan?: CalibrationLine['plan']) =>
    playGame(sc, 'plan', { us: 'historical' }, plan ? { plan } : {}).orders.find(
      (o) => o.type === 'orders/submitted' && o.role === 'us',
    );

  it('replaces the historical plan for the turns it gives, and only for those', () => {
    expect(firstOrders()).toMatchObject({ actions: sc.scenario.historical.us!['1'] });
    expect(firstOrders({ us: { '1': [] } })).toMatchObject({ actions: [] });
    expect(firstOrders({ us: { '2': [] } })).toMatchObject({
      actions: sc.scenario.historical.us!['1'],
    });
  });
});

describe('calibrate on real games', () => {
  const { lines } = pickLines(CALIBRATION);
  const RUNS = 5;

  it('adds up every line’s games, and the same seeds give the same report', () => {
    const report = calibrate(sc, CALIBRATION, lines, 'unit', RUNS);
    expect(report.lines.map((l) => l.line)).toEqual(['base', 'talks']);
    for (const line of report.lines) {
      expect(line.runs).toBe(RUNS);
      expect(line.endings.reduce((n, e) => n + e.count, 0)).toBe(RUNS);
      expect(line.seed).toBe(`unit/${line.line}`);
    }
    expect(report.lines[0]!.targets).toHaveLength(4);
    expect(report.lines[0]!.shifts).toBeUndefined();
    expect(report.lines[1]!.shifts!.map((s) => s.measure)).toEqual([
      'anyWar',
      'negotiatedDeEscalation',
    ]);
    expect(calibrate(sc, CALIBRATION, lines, 'unit', RUNS)).toEqual(report);
  });

  it('gives the same outcomes however the games are split among threads', () => {
    const all = playCalibrationGames(sc, lines, 'split', 3, 0, 6);
    const pieces = [
      ...playCalibrationGames(sc, lines, 'split', 3, 0, 2),
      ...playCalibrationGames(sc, lines, 'split', 3, 2, 5),
      ...playCalibrationGames(sc, lines, 'split', 3, 5, 6),
    ];
    expect(pieces).toEqual(all);
    expect(calibrationReport(sc, CALIBRATION, lines, 'split', 3, pieces).lines[1]!.runs).toBe(3);
  });

  it('plays game i of a line from seed base/line#i', () => {
    const [first] = playCalibrationGames(sc, lines, 'seeded', 4, 4, 5);
    const { state } = playGame(sc, 'seeded/talks#0', TALKS.policies, { plan: TALKS.plan! });
    expect(first).toEqual(outcomeOf(sc, state));
  });
});

describe('pickLines', () => {
  it('keeps the baseline beside the lines asked for, in the scenario’s order', () => {
    expect(pickLines(CALIBRATION, ['talks']).lines.map((l) => l.id)).toEqual(['base', 'talks']);
    expect(pickLines(CALIBRATION).lines).toHaveLength(2);
    expect(pickLines(CALIBRATION, ['talks', 'nope']).unknown).toEqual(['nope']);
  });
});
