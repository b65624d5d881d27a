import { describe, expect, it } from 'vitest';
import {
  finishedRecord,
  migrateRecord,
  parseRecord,
  playGame,
  recordOf,
  replay,
  hashState,
  RECORD_FORMAT,
  type GameRecord,
} from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

function goodRecord(): GameRecord {
  const played = playGame(sc, 'record-test', { us: 'greedy', russia: 'hawk' });
  return recordOf(sc, played, hashState(played.state));
}

/** A well-formed record to break one field of. */
const valid = () => ({
  format: 1,
  scenario: { id: 'ukraine-2021', version: '1.0.0', hash: '0123456789abcdef' },
  seed: 's',
  humans: ['us'],
  orders: [] as unknown[],
});

describe('parsing records', () => {
  const broken: [string, unknown, string, RegExp][] = [
    ['not JSON', '{"format": 1,', '', /not valid JSON/],
    ['not an object', '[1,2]', '', /must be a JSON object/],
    ['no format', { seed: 'x' }, 'format', /no valid format/],
    ['a newer format', { format: RECORD_FORMAT + 1 }, 'format', /newer than this version/],
    ['no scenario', { format: 1, seed: 's', humans: [], orders: [] }, 'scenario', /scenario/],
    [
      'a scenario without hash',
      { format: 1, scenario: { id: 'a', version: '1' }, seed: 's', humans: [], orders: [] },
      'scenario.hash',
      /must look like "0123456789abcdef", not undefined/,
    ],
    [
      'a numeric seed',
      {
        format: 1,
        scenario: { id: 'a', version: '1', hash: 'h' },
        seed: 5,
        humans: [],
        orders: [],
      },
      'seed',
      /must be text, not 5/,
    ],
    [
      'humans not a list',
      {
        format: 1,
        scenario: { id: 'a', version: '1', hash: 'h' },
        seed: 's',
        humans: 'us',
        orders: [],
      },
      'humans',
      /list of role ids/,
    ],
    [
      'an order of unknown type',
      {
        format: 1,
        scenario: { id: 'a', version: '1', hash: 'h' },
        seed: 's',
        humans: [],
        orders: [{ type: 'nuke' }],
      },
      'orders[0]',
      /Unknown order type/,
    ],
    [
      'submitted orders without actions',
      {
        format: 1,
        scenario: { id: 'a', version: '1', hash: 'h' },
        seed: 's',
        humans: ['us'],
        orders: [{ type: 'turn/ended' }, { type: 'orders/submitted', role: 'us' }],
      },
      'orders[1]',
      /list of at most \d+ action ids/,
    ],
    [
      'a seed of a megabyte',
      { ...valid(), seed: 'x'.repeat(1 << 20) },
      'seed',
      /is 1048576 characters long; at most 64/,
    ],
    [
      'a scenario version that is not a version',
      { ...valid(), scenario: { ...valid().scenario, version: 'latest' } },
      'scenario.version',
      /must look like "1.0.0", not "latest"/,
    ],
    [
      'a scenario id of a megabyte',
      { ...valid(), scenario: { ...valid().scenario, id: 'u'.repeat(1 << 20) } },
      'scenario.id',
      /at most 64/,
    ],
    ['a numeric final hash', { ...valid(), finalHash: 12345 }, 'finalHash', /must look like/],
    [
      'a parent that is a string',
      { ...valid(), parent: 'abc' },
      'parent',
      /must be an object with a hash and a turn/,
    ],
    [
      'a parent with a fractional turn',
      { ...valid(), parent: { hash: '0123456789abcdef', turn: 2.5 } },
      'parent.turn',
      /whole number from 0/,
    ],
    [
      'a parent with a bad hash',
      { ...valid(), parent: { hash: '<b>', turn: 2 } },
      'parent.hash',
      /must look like/,
    ],
    ['a clock of 90 minutes', { ...valid(), clock: 90 }, 'clock', /from 1 to 60/],
    ['a role named twice', { ...valid(), humans: ['us', 'us'] }, 'humans', /names a role twice/],
    [
      'a role id of a megabyte',
      { ...valid(), humans: ['r'.repeat(1 << 20)] },
      'humans[0]',
      /at most 64/,
    ],
    [
      'an order with 100 actions',
      {
        ...valid(),
        orders: [{ type: 'orders/submitted', role: 'us', actions: Array(100).fill('us.call') }],
      },
      'orders[0]',
      /at most 32 action ids/,
    ],
  ];

  it.each(broken)('rejects %s with a message naming the problem', (_name, input, path, message) => {
    const result = parseRecord(typeof input === 'string' ? input : JSON.stringify(input));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fault = result.errors.find((e) => e.path === path);
    expect(fault, JSON.stringify(result.errors)).toBeDefined();
    expect(fault!.message).toMatch(message);
  });

  it('accepts a finished record and keeps only the known fields of each order', () => {
    const record = goodRecord();
    const withExtra = {
      ...record,
      orders: record.orders.map((o) => ({ ...o, sneaky: '<script>' })),
    };
    const parsed = parseRecord(JSON.stringify(withExtra));
    expect(parsed.ok && parsed.value).toEqual(record);
  });

  it('passes the current format through the migrations unchanged', () => {
    const record = goodRecord() as unknown as Record<string, unknown>;
    const migrated = migrateRecord(record);
    expect(migrated.ok && migrated.value).toEqual(record);
  });
});

describe('replaying records', () => {
  it('reproduces the recorded final hash', () => {
    const record = goodRecord();
    const result = replay(sc, record);
    expect(result.ok && result.value.hash).toBe(record.finalHash);
  });

  const tampered: [string, (r: GameRecord) => GameRecord, string | RegExp, RegExp][] = [
    ['another seed', (r) => ({ ...r, seed: r.seed + 'x' }), 'finalHash', /altered/],
    [
      'a forged final hash',
      (r) => ({ ...r, finalHash: '0000000000000000' }),
      'finalHash',
      /claims 0000000000000000/,
    ],
    [
      'an order for an action that does not exist',
      (r) => ({
        ...r,
        orders: r.orders.map((o) =>
          o.type === 'orders/submitted' ? { ...o, actions: ['us.seizeMoscow'] } : o,
        ),
      }),
      'orders[0]',
      /no action "us.seizeMoscow"/,
    ],
    [
      'a dropped order',
      (r) => ({ ...r, orders: r.orders.slice(1) }),
      /^orders\[\d+\]$/,
      /Waiting for orders/,
    ],
    [
      'a changed scenario',
      (r) => ({ ...r, scenario: { ...r.scenario, hash: 'feedfacefeedface' } }),
      'scenario.hash',
      /only be reproduced/,
    ],
    [
      'another scenario',
      (r) => ({ ...r, scenario: { ...r.scenario, id: 'cuba-1962' } }),
      'scenario.id',
      /cuba-1962/,
    ],
    ['an unknown role', (r) => ({ ...r, humans: ['china'] }), 'humans', /china/],
    [
      'a computer-only role',
      (r) => ({ ...r, humans: ['belarus'] }),
      'humans',
      /only the computer plays/,
    ],
  ];

  it.each(tampered)('rejects a record with %s', (_name, tamper, path, message) => {
    const result = replay(sc, tamper(goodRecord()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toMatch(path);
    expect(result.errors[0]!.message).toMatch(message);
  });

  it('a session’s record replays to its state', () => {
    const played = playGame(sc, 'session', { eu: 'dove' });
    const record = finishedRecord({ state: played.state, record: recordOf(sc, played) });
    const result = replay(sc, record, { plain: true });
    expect(result.ok && result.value.hash).toBe(hashState(played.state));
  });
});
