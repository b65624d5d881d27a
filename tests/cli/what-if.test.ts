// `--what-if` on the command line as a user types it: simulate and calibrate play under the
// switch and say so in every output, records carry it and replay under it, replay prints it and
// words a class-code difference in it, validate builds every option, and an unknown switch or
// option is one `brink:` line with the choices and exit 2.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brink, STACK_LINE } from './run';
import { scenarioData } from '../support/scenario';

const dir = mkdtempSync(join(tmpdir(), 'brink-what-if-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const simulate = ['simulate', '--runs', '6', '--seed', 'cli-wi', '--policy', 'us=hawk'];
const SET_ON_WAR = "Russia's resolve: Set on war (60–95)";

describe('brink simulate --what-if', () => {
  it('plays under the switch, the same for any number of workers, and says so in JSON', async () => {
    const [one, two, modelled] = await Promise.all([
      brink(...simulate, '--what-if', 'resolve=setOnWar', '--json', '--workers', '1'),
      brink(...simulate, '--what-if', 'resolve=setOnWar', '--json', '--workers', '2'),
      brink(...simulate, '--json'),
    ]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.whatIf).toEqual({ resolve: 'setOnWar' });
    expect(report.setting).toBe(SET_ON_WAR);
    const asModelled = JSON.parse(modelled.stdout);
    expect(asModelled).toMatchObject({ whatIf: {}, setting: 'as modelled' });
    // Another resolve range draws other hidden values: the same seeds end otherwise.
    expect(report.variables).not.toEqual(asModelled.variables);
  });

  it('names the setting in the text report and in every CSV row, and records carry it', async () => {
    const records = join(dir, 'records');
    const both = ['--what-if', 'resolve=setOnWar', '--what-if', 'dealThreshold=thin'];
    const [text, csv] = await Promise.all([
      brink(...simulate, ...both),
      brink(
        ...simulate,
        '--what-if',
        'resolve=setOnWar+dealThreshold=thin',
        '--csv',
        '--records',
        records,
      ),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `What-if setting: ${SET_ON_WAR}; How much agreement a deal needs: A thinner framework (50) (--what-if dealThreshold=thin+resolve=setOnWar)`,
    );
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header!.split(',').at(-1)).toBe('whatIf');
    expect(rows).toHaveLength(6);
    for (const row of rows)
      expect(row.split(',').at(-1)).toBe('dealThreshold=thin+resolve=setOnWar');

    const files = readdirSync(records).sort();
    const record = JSON.parse(readFileSync(join(records, files[0]!), 'utf8'));
    expect(record.whatIf).toEqual({ resolve: 'setOnWar', dealThreshold: 'thin' });
    const replayed = await brink('replay', join(records, files[0]!));
    expect(replayed.code).toBe(0);
    expect(replayed.stdout.split('\n')[1]).toBe(
      `What-if setting: ${SET_ON_WAR}; How much agreement a deal needs: A thinner framework (50) (--what-if dealThreshold=thin+resolve=setOnWar)`,
    );
    const checked = await brink(
      'replay',
      '--verify-only',
      '--class',
      `ukraine-2021:${record.seed}:0`,
      join(records, files[0]!),
    );
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`under what-if switches (${SET_ON_WAR};`);
    expect(checked.stdout).toContain(
      `Differs from the class code: what-if setting ${SET_ON_WAR}; How much agreement a deal needs: A thinner framework (50) (the class's is as modelled).`,
    );
  });

  it('prints "as modelled" when replaying a game played without switches', async () => {
    const records = join(dir, 'plain');
    const made = await brink(...simulate, '--runs', '1', '--csv', '--records', records);
    expect(made.stdout.trimEnd().split('\n')[1]!.split(',').at(-1)).toBe('as modelled');
    const [file] = readdirSync(records);
    const { stdout } = await brink('replay', join(records, file!));
    expect(stdout.split('\n')[1]).toBe('What-if setting: as modelled');
  });

  it.each([
    [
      ['--what-if', 'resolv=setOnWar'],
      /^brink: --what-if resolv=setOnWar: unknown switch "resolv"; switches of ukraine-2021: resolve, quickWin, sanctionsBite, dealThreshold$/m,
    ],
    [
      ['--what-if', 'resolve=warlike'],
      /^brink: --what-if resolve=warlike: unknown option "warlike" of Russia's resolve \(resolve\); options: modelled, setOnWar, coercion$/m,
    ],
    [
      ['--what-if', 'resolve'],
      /^brink: --what-if takes SWITCH=OPTION, such as resolve=setOnWar, not "resolve"$/m,
    ],
    [
      ['--what-if', 'resolve=setOnWar', '--what-if', 'resolve=coercion'],
      /^brink: --what-if resolve is given twice, as setOnWar and as coercion: choose one$/m,
    ],
  ])('refuses %j in one line with exit 2', async (args, message) => {
    for (const command of [simulate, ['calibrate', '--runs', '1', '--line', 'offers']]) {
      const { code, stdout, stderr } = await brink(...command, ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(2); // the message and where to read the usage
      expect(stderr).not.toMatch(STACK_LINE);
    }
  });

  it('is in the help of simulate and calibrate', async () => {
    for (const command of ['simulate', 'calibrate']) {
      const { code, stdout } = await brink(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toMatch(/--what-if S=O {7}play under a what-if switch/);
    }
  });
});

describe('brink calibrate --what-if', () => {
  it('measures every line under the switch and says so in the text and the JSON', async () => {
    const args = ['calibrate', '--runs', '2', '--seed', 'cli-wi', '--line', 'offers'];
    const [json, text] = await Promise.all([
      brink(...args, '--what-if', 'sanctionsBite=feared', '--json'),
      brink(...args, '--what-if', 'sanctionsBite=feared'),
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report).slice(0, 3)).toEqual(['scenario', 'whatIf', 'setting']);
    expect(report.whatIf).toEqual({ sanctionsBite: 'feared' });
    expect(report.setting).toBe('How hard Russia expects sanctions to bite: Feared (double)');
    expect(text.stdout.split('\n')[2]).toBe(
      'What-if setting: How hard Russia expects sanctions to bite: Feared (double) (--what-if sanctionsBite=feared)',
    );
  });
});

describe('brink validate and what-if switches', () => {
  it('builds every option of every switch and names one that breaks the scenario', async () => {
    const scenario = scenarioData();
    const coercion = scenario.whatIfs![0]!.options[2]!;
    expect(coercion.id).toBe('coercion');
    coercion.set['hiddenIntent/resolve/max'] = 5; // below the option's own min of 10
    const file = join(dir, 'bad-what-if.json');
    writeFileSync(file, JSON.stringify(scenario));
    const { code, stdout } = await brink('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}: whatIfs[0].options[2]: under resolve=coercion, hiddenIntent[0].max: must be greater than min (10), not 5\n`,
    );
  });
});
