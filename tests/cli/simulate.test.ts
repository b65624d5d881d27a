import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brink, ROOT } from './run';

const RUNS = '40';
const same = ['simulate', '--scenario', 'ukraine-2021', '--runs', RUNS, '--seed', 'cli-test'];
const dir = mkdtempSync(join(tmpdir(), 'brink-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('brink simulate', () => {
  it('gives byte-identical output for one worker, two workers, and a second run', async () => {
    const args = [...same, '--policy', 'us=hawk', '--json'];
    const [one, two, again] = await Promise.all([
      brink(...args, '--workers', '1'),
      brink(...args, '--workers', '2'),
      brink(...args, '--workers', '2'),
    ]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(again.stdout).toBe(one.stdout);

    const report = JSON.parse(one.stdout);
    expect(report.runs).toBe(40);
    expect(report.endings.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(40);
    expect(report.roles.find((r: { id: string }) => r.id === 'us').policy).toBe('hawk');
    expect(Object.keys(report.variables)).toContain('tension');
    expect(report.peakTension.max).toBeGreaterThanOrEqual(report.peakTension.min);
  });

  it('prints a readable report by default', async () => {
    const { code, stdout } = await brink(...same, '--runs', '10');
    expect(code).toBe(0);
    for (const heading of ['Endings', 'Roles', 'At the end of the game', 'Peak tension']) {
      expect(stdout).toContain(heading);
    }
  });

  it('writes one CSV row per game and, with --records, one replayable record per game', async () => {
    const records = join(dir, 'records');
    const { code, stdout } = await brink(...same, '--runs', '4', '--csv', '--records', records);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^seed,ending,endingTurn,score_/);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^cli-test#0,/);

    const files = readdirSync(records).sort();
    expect(files).toEqual([
      'cli-test-0.json',
      'cli-test-1.json',
      'cli-test-2.json',
      'cli-test-3.json',
    ]);
    const checks = await Promise.all(
      files.map((f) => brink('replay', join(records, f), '--verify-only')),
    );
    files.forEach((file, i) => {
      const record = JSON.parse(readFileSync(join(records, file), 'utf8'));
      expect(checks[i]!.stderr).toBe('');
      expect(checks[i]!.code).toBe(0);
      expect(checks[i]!.stdout).toContain(`Final hash: ${record.finalHash}\n`);
    });
  });
});

/** Like `brink`, but stopped after `ms`: for commands that once hung. */
function brinkWithin(ms: number, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: ms,
    env: { ...process.env, BRINK_DEBUG: '' },
  });
  return {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    timedOut: run.signal !== null,
  };
}

describe('brink simulate --records into a folder it cannot use', () => {
  const cases: [string, string, RegExp][] = [
    [
      'under /proc',
      '/proc/brink-test/records',
      /^brink: cannot create the records folder \/proc\/brink-test\/records: \/proc does not take new folders$/m,
    ],
    [
      'under /sys',
      '/sys/brink-test',
      /^brink: cannot create the records folder \/sys\/brink-test: /,
    ],
  ];
  it.each(cases)('fails fast with one line %s', (_name, folder, message) => {
    const run = brinkWithin(20_000, ...same, '--runs', '2', '--records', folder);
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('names a record it cannot write, in plain words, with or without worker threads', async () => {
    const records = join(dir, 'blocked');
    mkdirSync(join(records, 'cli-test-1.json'), { recursive: true });
    const runs = await Promise.all(
      ['1', '2'].map((workers) =>
        brink(...same, '--runs', '3', '--records', records, '--workers', workers),
      ),
    );
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `brink: cannot open ${join(records, 'cli-test-1.json')}: it is a folder\n`,
      );
    }
  });

  it('says so when the folder is a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const { code, stdout, stderr } = await brink(...same, '--runs', '2', '--records', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`brink: cannot use ${file} as the records folder: it is a file\n`);
  });
});
