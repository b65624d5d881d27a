import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pointerToPath } from '../../src/cli/validate';
import { brink, STACK_LINE } from './run';
import { scenarioData, scenarioText } from '../support/scenario';

const dir = mkdtempSync(join(tmpdir(), 'brink-validate-'));
const SCENARIOS = join(import.meta.dirname, '../../scenarios');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the shipped scenario with one thing broken. */
function brokenCopy(
  name: string,
  breakIt: (scenario: { actions: unknown[]; variables: unknown[] }) => void,
): string {
  const scenario = scenarioData();
  breakIt(scenario as unknown as { actions: unknown[]; variables: unknown[] });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return file;
}

describe('brink validate', () => {
  it('passes every shipped scenario and names it with its id, version and hash', async () => {
    const { code, stdout, stderr } = await brink('validate');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ok {2}scenarios\/ukraine-2021 \(ukraine-2021 \S+, hash [0-9a-f]{16}\)$/m,
    );
  });

  it('fails a broken copy with the path and message of each fault', async () => {
    const file = brokenCopy('bad-role.json', (s) => {
      (s.actions[3] as { role: string }).role = 'nobody';
    });
    const shapeFile = brokenCopy('bad-shape.json', (s) => {
      (s.variables[0] as { initial: unknown }).initial = 'high';
    });
    const { code, stdout, stderr } = await brink('validate', file, shapeFile);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(`${file}: actions[3].role: `);
    expect(stdout).toContain('nobody');
    expect(stdout).toContain(`${shapeFile}: variables[0].initial: `);
    expect(stdout).not.toMatch(/^ok /m);
  });

  it('checks a scenario folder, naming the file of each fault and the path inside it', async () => {
    const copy = join(dir, 'cuba-copy');
    cpSync(join(SCENARIOS, 'cuba-1962'), copy, { recursive: true });
    const ok = await brink('validate', copy);
    expect(ok.stdout).toMatch(/^ok {2}.*cuba-copy \(cuba-1962 \S+, hash [0-9a-f]{16}\)$/m);
    expect(ok.code).toBe(0);
    const actions = JSON.parse(readFileSync(join(copy, 'actions/us.json'), 'utf8'));
    actions[2].effects = ['noSuchVariable +3'];
    writeFileSync(join(copy, 'actions/us.json'), JSON.stringify(actions));
    rmSync(join(copy, 'teaching.json'));
    writeFileSync(join(copy, 'events.json'), '[{');
    const { code, stdout, stderr } = await brink('validate', copy);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    // The JSON that cannot be read and the missing file are named before anything is joined.
    expect(stdout).toMatch(/cuba-copy\/events\.json: \(file\): not valid JSON/);
    writeFileSync(join(copy, 'events.json'), '[]');
    const missing = await brink('validate', copy);
    expect(missing.stdout).toContain(
      `${copy}/teaching.json: (file): is missing from the scenario folder`,
    );
    cpSync(join(SCENARIOS, 'cuba-1962/teaching.json'), join(copy, 'teaching.json'));
    cpSync(join(SCENARIOS, 'cuba-1962/events.json'), join(copy, 'events.json'));
    const unknown = await brink('validate', copy);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(
      `${copy}/actions/us.json: [2].effects[0].var: unknown variable "noSuchVariable"`,
    );
  });

  it('says so when a file does not exist', async () => {
    const { code, stdout, stderr } = await brink('validate', join(dir, 'missing.json'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^brink: .*missing\.json: no such file$/m);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

describe('brink validate on files it cannot read', () => {
  it('says the file name is empty', async () => {
    const { code, stdout, stderr } = await brink('validate', '');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^brink: the file name is empty$/m);
  });

  it('says a file over 512 MB is too large, without reading it', async () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 ** 3); // sparse: takes no room on the disk
    const started = Date.now();
    const { code, stderr } = await brink('validate', file);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `brink: cannot read scenario ${file}: the file is too large (over 512 MB)\n`,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('brink validate on deeply nested input', () => {
  it('names the path and the limit for conditions nested 2,000 deep', async () => {
    const file = brokenCopy('deep-not.json', (s) => {
      let when: unknown = { var: 'tension', gte: 50 };
      for (let i = 0; i < 2000; i++) when = { not: when };
      (s as unknown as { endings: { when: unknown }[] }).endings[0]!.when = when;
    });
    const { code, stdout, stderr } = await brink('validate', file);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/endings\[0\]\.when(\.not)+: conditions are nested more than 32 deep$/m);
  });

  it('gives a clear message for JSON nested 100,000 deep, as the whole file or inside it', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const whole = join(dir, 'deep-array.json');
    writeFileSync(whole, deep);
    const text = scenarioText();
    const inside = join(dir, 'deep-field.json');
    writeFileSync(inside, text.replace(/^\{/, `{"notes": ${deep},`));
    const { code, stdout, stderr } = await brink('validate', whole, inside);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain(`${whole}: (file): a scenario must be a JSON object, not a list`);
    expect(stdout).toMatch(
      new RegExp(`^${inside}: notes(\\[0\\])+: is nested more than 100 levels deep`, 'm'),
    );
  });
});

describe('schema paths', () => {
  it('reads JSON pointers the way the loader writes paths', () => {
    expect(pointerToPath('/actions/3/effects/0/var')).toBe('actions[3].effects[0].var');
    expect(pointerToPath('')).toBe('');
  });
});
