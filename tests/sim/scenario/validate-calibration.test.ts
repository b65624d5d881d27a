// The calibration block of a scenario: a valid one passes without warnings and leaves the content
// hash alone; each broken one (the valid block with one thing broken) gets an error or a warning
// with the JSON path and, for a near miss, "did you mean"; the JSON Schema agrees on structure.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/sim/scenario/load';
import type { Calibration, Scenario } from '../../../src/sim/scenario/types';
import { validateScenario } from '../../../src/sim/scenario/validate';

const ROOT = new URL('../../../', import.meta.url);
const FIXTURE_TEXT = readFileSync(new URL('tests/fixtures/minimal-scenario.json', ROOT), 'utf8');
const SCHEMA = JSON.parse(readFileSync(new URL('scenarios/scenario.schema.json', ROOT), 'utf8'));

const CALIBRATION: Calibration = {
  baseline: 'real',
  warEndings: ['invasion'],
  invasionEnding: 'invasion',
  lines: [
    {
      id: 'real',
      name: 'The real line',
      description: 'What the governments did.',
      policies: { us: 'historical', eu: 'historical' },
      targets: {
        mostLikelyEnding: 'invasion',
        endingShares: { invasion: { atLeast: 50, atMost: 85 } },
        invasionMedian: { date: '2022-02-24', withinTurns: 2 },
        recognitionFirst: { moreThan: 50 },
      },
    },
    {
      id: 'talks',
      name: 'Talks only',
      description: 'Talks and nothing else.',
      policies: { us: 'historical', ukraine: 'dove' },
      plan: { us: { '2': ['us_talks'], '3': [] } },
      expected: { anyWar: 'higher', deal: 'lower' },
      citation: 'Schelling, Thomas C. 1966. Arms and Influence. New Haven: Yale University Press.',
    },
  ],
};

/** The minimal fixture with a fresh copy of the calibration block, broken by `change`. */
function scenario(change: (c: Calibration) => void = () => {}): Scenario {
  const s = JSON.parse(FIXTURE_TEXT) as Scenario;
  s.calibration = structuredClone(CALIBRATION);
  change(s.calibration);
  return s;
}

const line = (c: Calibration, i: number) => c.lines[i]!;

describe('a calibration block', () => {
  it('passes when every name in it exists', () => {
    const result = validateScenario(scenario());
    expect(result.ok && (result.warnings ?? [])).toEqual([]);
  });

  it('leaves the content hash that records and links carry unchanged', () => {
    const without = loadScenario(FIXTURE_TEXT);
    const withIt = loadScenario(JSON.stringify(scenario()));
    expect(without.ok && withIt.ok).toBe(true);
    if (without.ok && withIt.ok) expect(withIt.value.hash).toBe(without.value.hash);
  });

  it('is accepted by the JSON Schema, which refuses a direction that is not one', () => {
    const matches = new Ajv2020({ allErrors: true }).compile(SCHEMA);
    expect(matches(scenario())).toBe(true);
    expect(matches(scenario((c) => (line(c, 1).expected = { anyWar: 'up' as 'higher' })))).toBe(
      false,
    );
  });
});

const ERRORS: [string, (c: Calibration) => void, string, string][] = [
  [
    'a misspelt bot',
    (c) => (line(c, 0).policies.us = 'histrical' as 'historical'),
    'calibration.lines[0].policies.us',
    'did you mean "historical"',
  ],
  [
    'an unknown role',
    (c) => (line(c, 0).policies = { usa: 'hawk' }),
    'calibration.lines[0].policies.usa',
    'unknown role "usa" (did you mean "us"?)',
  ],
  [
    'a bot for a role only the computer plays',
    (c) => (line(c, 0).policies.belarus = 'hawk'),
    'calibration.lines[0].policies.belarus',
    'always played by the computer',
  ],
  [
    "another role's action in a plan",
    (c) => (line(c, 1).plan = { us: { '2': ['eu_normandy'] } }),
    'calibration.lines[1].plan.us["2"][0]',
    'is an action of "eu", not of "us"',
  ],
  [
    'a misspelt action in a plan',
    (c) => (line(c, 1).plan = { us: { '2': ['us_tlaks'] } }),
    'calibration.lines[1].plan.us["2"][0]',
    'unknown action "us_tlaks" (did you mean "us_talks"?)',
  ],
  [
    'a plan turn the game never reaches',
    (c) => (line(c, 1).plan = { us: { '11': ['us_talks'] } }),
    'calibration.lines[1].plan.us["11"]',
    'not a turn of this game',
  ],
  [
    'a misspelt war ending',
    (c) => (c.warEndings = ['invason']),
    'calibration.warEndings[0]',
    'unknown ending "invason" (did you mean "invasion"?)',
  ],
  [
    'an unknown invasion ending',
    (c) => (c.invasionEnding = 'war'),
    'calibration.invasionEnding',
    'unknown ending "war"',
  ],
  [
    'a baseline no line is called',
    (c) => (c.baseline = 'reel'),
    'calibration.baseline',
    'unknown line "reel" (did you mean "real"?)',
  ],
  [
    'two lines with one id',
    (c) => (line(c, 1).id = 'real'),
    'calibration.lines[1].id',
    'duplicate line id "real" (already used by calibration.lines[0])',
  ],
  [
    'a misspelt measure',
    (c) => (line(c, 1).expected = { anyWars: 'higher' }),
    'calibration.lines[1].expected.anyWars',
    'unknown ending or measure "anyWars" (did you mean "anyWar"?)',
  ],
  [
    'an expected direction without its citation',
    (c) => delete line(c, 1).citation,
    'calibration.lines[1].citation',
    'needs the citation',
  ],
  [
    'an expected direction on the baseline',
    (c) => (line(c, 0).expected = { anyWar: 'lower' }),
    'calibration.lines[0].expected',
    'the baseline is what the other lines are compared with',
  ],
  [
    'a target share with no bound',
    (c) => (line(c, 0).targets!.endingShares = { invasion: {} }),
    'calibration.lines[0].targets.endingShares.invasion',
    'gives no bound',
  ],
  [
    'a target share no game can have',
    (c) => (line(c, 0).targets!.recognitionFirst = { moreThan: 60, atMost: 60 }),
    'calibration.lines[0].targets.recognitionFirst',
    'no share of games falls within these bounds',
  ],
  [
    'a share above 100%',
    (c) => (line(c, 0).targets!.recognitionFirst = { atLeast: 150 }),
    'calibration.lines[0].targets.recognitionFirst.atLeast',
    'must be at most 100',
  ],
  [
    'a median date after the game',
    (c) => (line(c, 0).targets!.invasionMedian = { date: '2022-03-10', withinTurns: 2 }),
    'calibration.lines[0].targets.invasionMedian.date',
    '2022-03-10 falls outside the game (10 turns of 7 days from 2021-12-30)',
  ],
  [
    'a date that is not one',
    (c) => (line(c, 0).targets!.invasionMedian = { date: '2022-02-30', withinTurns: 2 }),
    'calibration.lines[0].targets.invasionMedian.date',
    'must be a real date',
  ],
  [
    'a misspelt ending as the most likely one',
    (c) => (line(c, 0).targets!.mostLikelyEnding = 'invasions'),
    'calibration.lines[0].targets.mostLikelyEnding',
    'did you mean "invasion"',
  ],
  [
    'a line without policies',
    (c) => delete (line(c, 1) as Partial<Calibration['lines'][0]>).policies,
    'calibration.lines[1].policies',
    'is required but missing',
  ],
];

describe('a broken calibration block', () => {
  it.each(ERRORS)('with %s is refused at its path', (_name, change, path, message) => {
    const result = validateScenario(scenario(change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((f) => `${f.path}: ${f.message}`).join('\n')).toContain(`${path}: `);
    expect(result.errors.find((f) => f.path === path)?.message).toContain(message);
  });

  it('warns, without failing, about a plan no historical bot follows and a line expecting nothing', () => {
    const result = validateScenario(
      scenario((c) => {
        line(c, 1).policies.us = 'hawk';
        delete line(c, 1).expected;
      }),
    );
    expect(result.ok).toBe(true);
    const warnings = result.ok ? (result.warnings ?? []) : [];
    expect(warnings.map((f) => [f.path, f.message])).toEqual([
      [
        'calibration.lines[1].plan.us',
        'is ignored: only the historical bot follows a plan, and "us" is played by "hawk"',
      ],
      [
        'calibration.lines[1]',
        'expects no direction of change, so its shift is measured, not judged',
      ],
    ]);
  });
});
