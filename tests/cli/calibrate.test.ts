// `brink calibrate` as a user runs it: the same output for one worker, two and a second run, a
// readable report and the same figures as JSON, and one `brink:` line with exit 2 for a bad
// command line. A few games per line: this checks the command, not whether the model meets the
// targets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brink, STACK_LINE } from './run';
import { scenarioData } from '../support/scenario';

const small = ['calibrate', '--runs', '3', '--seed', 'cli-cal', '--line', 'offers'];
const dir = mkdtempSync(join(tmpdir(), 'brink-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('brink calibrate', () => {
  it('gives the same JSON for one worker, two workers and a second run', async () => {
    const [one, two, again] = await Promise.all([
      brink(...small, '--json', '--workers', '1'),
      brink(...small, '--json', '--workers', '2'),
      brink(...small, '--json', '--workers', '2'),
    ]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(again.stdout).toBe(one.stdout);

    const report = JSON.parse(one.stdout);
    expect(report).toMatchObject({ seed: 'cli-cal', runs: 3, baseline: 'historical' });
    // The baseline is always measured, since the other line is compared with it.
    expect(report.lines.map((l: { line: string }) => l.line)).toEqual(['historical', 'offers']);
    for (const line of report.lines) {
      expect(line.endings.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(3);
      expect(line.seed).toBe(`cli-cal/${line.line}`);
    }
    const [historical, offers] = report.lines;
    expect(historical.targets.map((t: { kind: string }) => t.kind)).toEqual([
      'mostLikelyEnding',
      'endingShare',
      'invasionMedian',
      'recognitionFirst',
    ]);
    expect(offers.shifts.length).toBeGreaterThan(0);
    expect(offers.citation).toMatch(/Fearon/);
  });

  it('prints a table per line, the targets with ✔ or ✘, and each shift with its reason', async () => {
    const { code, stdout, stderr } = await brink(...small);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('3 games per line; game i of line L uses seed "cli-cal/L#i"');
    expect(stdout).toContain('The real Western line (historical, the baseline)');
    expect(stdout).toMatch(
      /^ {2}Any war \(Limited incursion, Full-scale invasion\) +\d+ +[\d.]+%$/m,
    );
    expect(stdout).toMatch(
      /^ {2}Full-scale invasion, median week +(turn \d+, week of \d+ \w+ 20\d\d|none in these games)$/m,
    );
    expect(stdout).toMatch(/^ {2}Objectives met: United States +[\d.]+%$/m);
    expect(stdout).toMatch(/^ {2}Targets: \d of 4 met$/m);
    expect(stdout).toMatch(/^ {4}[✔✘] Full-scale invasion in 50–85% of games: [\d.]+%$/m);
    expect(stdout).toContain('within 2 turns of 24 Feb 2022 (turn 9)');
    expect(stdout).toMatch(
      /^ {4}(✔ as expected|· within the noise|✘ the other way): Any war expected lower, /m,
    );
    expect(stdout).toMatch(/^ {2}Why: Fearon/m);
    expect(stdout.split('\n').every((l) => l.length <= 100)).toBe(true);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await brink('calibrate', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: brink calibrate');
    expect(stdout).toContain('--line ID');
  });

  const withoutCalibration = join(dir, 'no-calibration.json');
  const scenario = scenarioData();
  delete scenario.calibration;
  writeFileSync(withoutCalibration, JSON.stringify(scenario));

  it.each([
    [['--runs', '0'], '--runs must be a whole number from 1 to'],
    [['--runs', 'many'], '--runs must be a whole number'],
    [['--line', 'ofers'], '--line ofers: no such line in ukraine-2021; lines: historical, '],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['--scenario', 'atlantis'], 'unknown scenario "atlantis"'],
    [['--scenario', withoutCalibration], 'has no "calibration" block'],
  ])('refuses %j in one line with exit 2', async (args, message) => {
    const { code, stdout, stderr } = await brink('calibrate', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, ...rest] = stderr.trimEnd().split('\n');
    expect(first).toMatch(/^brink: /);
    expect(first).toContain(message);
    expect(rest.every((l) => !l.startsWith('brink:'))).toBe(true);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});
