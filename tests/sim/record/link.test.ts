import fc from 'fast-check';
import * as lzModule from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  decodeRecord,
  dispatch,
  finishedRecord,
  parseRecord,
  startSession,
  encodeRecord,
  hashState,
  playGame,
  recordOf,
  replay,
  shareLink,
  type GameRecord,
  type Policies,
} from '../../../src/sim';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const lz = (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

/** A link's tuple, changed by `edit` and packed again: what a hand-edited link would hold. */
function edited(record: GameRecord, edit: (tuple: unknown[]) => void): string {
  const tuple = JSON.parse(lz.decompressFromEncodedURIComponent(encodeRecord(sc, record))!);
  edit(tuple);
  return lz.compressToEncodedURIComponent(JSON.stringify(tuple));
}
const BOTS = ['random', 'hawk', 'dove', 'greedy', 'historical'] as const;

function played(seed: string, policies: Policies): GameRecord {
  const game = playGame(sc, seed, policies);
  return recordOf(sc, game, hashState(game.state));
}

describe('share links', () => {
  it('round-trip any game exactly, and replay to the same final hash', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 16 }), fc.nat(), (seed, n) => {
        const bot = BOTS[n % BOTS.length]!;
        const record = played(seed, {
          us: bot,
          eu: BOTS[(n + 1) % BOTS.length]!,
          russia: 'random',
        });
        const decoded = decodeRecord(sc, shareLink(sc, record, 'https://example.org/brink/'));
        expect(decoded.ok && decoded.value).toEqual(record);
        if (!decoded.ok) return;
        const result = replay(sc, decoded.value);
        expect(result.ok && result.value.hash).toBe(record.finalHash);
      }),
      { numRuns: 40 },
    );
  });

  it('keep a whole four-player game in a link of under 2,000 characters', () => {
    let longest = 0;
    for (let i = 0; i < 30; i++) {
      const record = played(`long-${i}`, {
        us: 'random',
        eu: 'random',
        ukraine: 'random',
        russia: 'dove',
      });
      longest = Math.max(longest, shareLink(sc, record, 'https://example.org/').length);
    }
    expect(longest).toBeLessThan(2000);
  });

  it('accept the bare code, the fragment or the whole link', () => {
    const record = played('forms', { us: 'greedy' });
    const code = encodeRecord(sc, record);
    for (const form of [code, `#game=${code}`, `https://example.org/?x=1#game=${code}`]) {
      expect(decodeRecord(sc, form).ok).toBe(true);
    }
  });

  const broken: [string, (code: string) => string, RegExp][] = [
    [
      'truncated',
      (code) => code.slice(0, code.length / 2),
      /damaged or incomplete|damaged|not hold/,
    ],
    ['empty', () => '', /damaged or incomplete/],
    ['not a link at all', () => 'hello world', /damaged or incomplete|not hold/],
  ];
  it.each(broken)('reject a %s link with a message', (_name, spoil, message) => {
    const code = encodeRecord(sc, played('broken', { us: 'hawk' }));
    const result = decodeRecord(sc, spoil(code));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(message);
  });

  it('reject a link made with another version of the scenario', () => {
    const record = played('version', { us: 'dove' });
    const other = { ...record, scenario: { ...record.scenario, hash: '0123456789abcdef' } };
    const result = decodeRecord(sc, encodeRecord(sc, other));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/0123456789abcdef/);
  });

  const hostile: [string, (tuple: unknown[]) => void, string, RegExp][] = [
    ['a numeric final hash', (t) => (t[8] = 1234), 'finalHash', /must look like/],
    ['a string for the encoding version', (t) => (t[0] = '1'), 'link', /encoding version is "1"/],
    ['a seed of a megabyte', (t) => (t[5] = 's'.repeat(1 << 20)), 'seed', /at most 64/],
    ['a parent that is a string', (t) => (t[9] = 'me'), 'parent', /must be an object/],
    [
      'a parent with a negative turn',
      (t) => (t[9] = ['0123456789abcdef', -1]),
      'parent.turn',
      /whole number/,
    ],
    [
      'a version that is not one',
      (t) => (t[3] = 'x'.repeat(100)),
      'scenario.version',
      /must look like "1.0.0", not "xxxx/,
    ],
  ];
  it.each(hostile)('refuse a link with %s, naming the field', (_name, edit, path, message) => {
    const result = decodeRecord(sc, edited(played('hostile', { us: 'greedy' }), edit));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toBe(path);
    expect(result.errors[0]!.message).toMatch(message);
    expect(result.errors[0]!.message.length).toBeLessThan(300);
  });

  it('carry the class clock, and old links without it still open', () => {
    const record = { ...played('clock', { us: 'dove' }), clock: 5 };
    const decoded = decodeRecord(sc, encodeRecord(sc, record));
    expect(decoded.ok && decoded.value.clock).toBe(5);
    const old = decodeRecord(
      sc,
      edited(record, (t) => t.splice(10)),
    );
    expect(old.ok && old.value.clock).toBe(undefined);
  });

  it('a tampered game in a valid link decodes, but its replay is refused', () => {
    const record = played('tamper', { us: 'greedy' });
    const result = decodeRecord(sc, encodeRecord(sc, { ...record, seed: 'other' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(replay(sc, result.value).ok).toBe(false);
  });
});

describe('disputed orders (dyad mode)', () => {
  it('are kept in the state and survive records and links', () => {
    let session = startSession(sc, 'dyad', ['us']);
    const proposal = [sc.actionsByRole.us![0]!.id];
    session = dispatch(sc, session, {
      type: 'orders/disputed',
      role: 'us',
      actions: proposal,
      note: 'too soft',
    }).session;
    session = dispatch(sc, session, { type: 'orders/submitted', role: 'us', actions: [] }).session;
    session = dispatch(sc, session, { type: 'turn/ended' }).session;
    expect(session.state.disputes).toEqual([
      { turn: 1, role: 'us', actions: proposal, note: 'too soft' },
    ]);
    const record = finishedRecord(session);
    const decoded = decodeRecord(sc, encodeRecord(sc, record));
    expect(decoded.ok && decoded.value).toEqual(record);
    const parsed = parseRecord(JSON.stringify(record));
    expect(parsed.ok && replay(sc, parsed.value).ok).toBe(true);
    const refused = dispatch(sc, session, { type: 'orders/disputed', role: 'eu', actions: [] });
    expect(refused.error?.code).toBe('order/notHuman');
  });
});
