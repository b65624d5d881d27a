import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashState,
  playGame,
  recordOf,
  replay,
  type CompiledScenario,
  type GameRecord,
} from '../../src/sim';
import { loadScenario } from '../../src/sim/scenario/load';
import { brink, STACK_LINE } from './run';
import { scenarioText } from '../support/scenario';

const dir = mkdtempSync(join(tmpdir(), 'brink-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let record: GameRecord;
let sc: CompiledScenario;

beforeAll(() => {
  const loaded = loadScenario(scenarioText());
  if (!loaded.ok) throw new Error('the shipped scenario does not load');
  sc = loaded.value;
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

  it('says what it checked, and never "Verified"', async () => {
    const { code, stdout } = await brink('replay', write('words.json'), '--verify-only');
    expect(code).toBe(0);
    expect(stdout).toContain('Replays to the ending and final hash the record carries');
    expect(stdout).not.toMatch(/verified/i);
  });

  it('flags a record whose final hash was deleted instead of passing it', async () => {
    const file = write('no-hash.json', (r) => delete r.finalHash);
    const { code, stdout } = await brink('replay', file, '--verify-only');
    expect(code).toBe(1);
    expect(stdout).toMatch(/Not checked: the record has orders but no final hash/);
  });

  it('flags, against the class code, a record whose seed was edited and hash recomputed', async () => {
    const forged = structuredClone(record);
    forged.seed = 'an-easier-seed';
    // The first week with nothing ordered: legal on any seed.
    const firstTurn = forged.orders.findIndex((o) => o.type === 'turn/ended') + 1;
    forged.orders = forged.orders
      .slice(0, firstTurn)
      .map((o) => (o.type === 'orders/submitted' ? { ...o, actions: [] } : o));
    delete forged.finalHash;
    const replayed = replay(sc, forged);
    if (!replayed.ok) throw new Error(replayed.errors[0]!.message);
    forged.finalHash = replayed.value.hash;
    const file = join(dir, 'forged.json');
    writeFileSync(file, JSON.stringify(forged));
    const good = write('class-good.json');
    const classCode = `ukraine-2021@${sc.scenario.version}:replay-test:0`;
    const alone = await brink('replay', file, '--verify-only');
    expect(alone.code).toBe(0); // a recomputed hash is consistent: no hash can prove more
    const both = await brink('replay', '--verify-only', '--class', classCode, good, file);
    expect(both.code).toBe(1);
    expect(both.stdout).toContain('Set up as the class code says');
    expect(both.stdout).toContain(
      'Differs from the class code: seed "an-easier-seed" (the class\'s is "replay-test")',
    );
    expect(both.stdout).toContain('1 of 2 records passed every check; 1 flagged.');
  });

  it('refuses a bad class code as a usage error', async () => {
    const { code, stderr } = await brink(
      'replay',
      write('cc.json'),
      '--class',
      'ukraine-2021:s:1e1',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^brink: --class: The minutes in that class code \("1e1"\)/m);
  });

  it('calls a file holding a JSON list a record that is not an object, not a link', async () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, '[]');
    const { code, stderr } = await brink('replay', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/list\.json: A game record must be a JSON object, not a list\./);
    expect(stderr).not.toMatch(/link/);
  });
});
