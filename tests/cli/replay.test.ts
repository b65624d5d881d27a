import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState, playGame, recordOf, type GameRecord } from '../../src/sim';
import { loadScenario } from '../../src/sim/scenario/load';
import { brink, ROOT, STACK_LINE } from './run';

const dir = mkdtempSync(join(tmpdir(), 'brink-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let record: GameRecord;

beforeAll(() => {
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/ukraine-2021.json'), 'utf8'));
  if (!loaded.ok) throw new Error('the shipped scenario does not load');
  const sc = loaded.value;
  const played = playGame(sc, 'replay-test', { us: 'hawk', russia: 'random' });
  record = recordOf(sc, played, hashState(played.state));
});

/** Writes a changed copy of the record, with blank lines around it as a hand-edited file might have. */
function write(name: string, change: (r: GameRecord) => void = () => {}): string {
  const copy = structuredClone(record);
  change(copy);
  const file = join(dir, name);
  writeFileSync(file, `\n  ${JSON.stringify(copy, null, 2)}\n\n`);
  return file;
}

describe.concurrent('brink replay', () => {
  it('tells the game turn by turn and ends with the final hash', async () => {
    const { code, stdout, stderr } = await brink('replay', write('good.json'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Turn 1 — week of /m);
    expect(stdout).toMatch(/^Ending: /m);
    expect(stdout).toContain('Scores');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Final hash: ${record.finalHash}`);
  });

  const tampered: [string, (r: GameRecord) => void, RegExp][] = [
    [
      'an action id',
      (r) => {
        const order = r.orders.find((o) => o.type === 'orders/submitted' && o.role === 'us');
        if (order?.type === 'orders/submitted') order.actions[0] = 'us.noSuchAction';
      },
      /orders\[\d+\]: .*us\.noSuchAction/,
    ],
    // Another seed draws other dice: the replay either stops at an order that is no longer legal
    // or ends in another state.
    ['the seed', (r) => (r.seed = 'another-seed'), /orders\[\d+\]: |finalHash: /],
    ['the final hash', (r) => (r.finalHash = '0123456789abcdef'), /finalHash: .*0123456789abcdef/],
    ['the scenario hash', (r) => (r.scenario.hash = 'ffffffffffffffff'), /scenario\.hash: /],
    [
      'the scenario id',
      (r) => (r.scenario.id = 'no-such-scenario'),
      /scenario\.id: .*no-such-scenario/,
    ],
  ];
  it.each(tampered)('rejects a record with a changed %s', async (what, change, message) => {
    const file = write(`tampered-${what.replace(/\W+/g, '-')}.json`, change);
    const { code, stdout, stderr } = await brink('replay', file, '--verify-only');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain(file);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('rejects a malformed file with one line per fault', async () => {
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{"format": 1,');
    const badShape = write('bad-shape.json', (r) => {
      (r as unknown as Record<string, unknown>).humans = 'us';
      (r.orders as unknown[])[0] = { type: 'orders/teleported' };
    });
    const [a, b] = await Promise.all([brink('replay', notJson), brink('replay', badShape)]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^brink: .*not-json\.json: .*not valid JSON/m);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^brink: .*bad-shape\.json: humans: /m);
    expect(b.stderr).toMatch(/^brink: .*bad-shape\.json: orders\[0\]: /m);
  });
});
