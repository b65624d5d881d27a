import { describe, expect, it } from 'vitest';
import { nameOpenings, openText, splitEntries } from '../../src/classroom/entries';
import { hashState, playGame, recordOf, shareLink, type GameRecord } from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

function played(seed: string): GameRecord {
  const game = playGame(sc, seed, { us: 'greedy' });
  return recordOf(sc, game, hashState(game.state));
}

describe('splitting pasted text', () => {
  it('takes one link per line and a name written before a link', () => {
    const text = [
      'https://x.test/index.html#game=AAA',
      '',
      '  Team Red: https://x.test/#game=BBB  ',
      'Blue team - #game=CCC',
      'just words',
    ].join('\n');
    expect(splitEntries(text)).toEqual([
      { kind: 'link', text: 'https://x.test/index.html#game=AAA' },
      { kind: 'link', text: 'https://x.test/#game=BBB', label: 'Team Red' },
      { kind: 'link', text: '#game=CCC', label: 'Blue team' },
      { kind: 'link', text: 'just words' },
    ]);
  });

  it('keeps JSON that spans lines whole, braces in strings included', () => {
    const json = '{\n  "seed": "a}b{",\n  "orders": [\n {"x": "\\"}"}\n ]\n}';
    expect(splitEntries(`${json}\n#game=X\n[1, [2]]`)).toEqual([
      { kind: 'json', text: json },
      { kind: 'link', text: '#game=X' },
      { kind: 'json', text: '[1, [2]]' },
    ]);
  });

  it('takes the rest of the text as one piece when JSON never closes', () => {
    expect(splitEntries('\uFEFF{"seed": "x", ')).toEqual([
      { kind: 'json', text: '{"seed": "x", ' },
    ]);
    expect(splitEntries(' \n\t ')).toEqual([]);
  });
});

describe('opening games', () => {
  const a = played('open-a');
  const b = played('open-b');

  it('opens links, records and lists of records, each checked against its hash', () => {
    const text = [
      `Team A: ${shareLink(sc, a, 'https://school.test/brink/index.html')}`,
      JSON.stringify([a, b]),
      JSON.stringify(b, null, 2),
    ].join('\n');
    const openings = openText(sc, text);
    expect(openings.map((o) => o.outcome.status)).toEqual([
      'matches',
      'matches',
      'matches',
      'matches',
    ]);
    expect(openings.map((o) => o.record?.seed)).toEqual(['open-a', 'open-a', 'open-b', 'open-b']);
    expect(nameOpenings(openings, { pastedBefore: 2 })).toEqual([
      'Team A',
      'Pasted record 4',
      'Pasted record 5',
      'Pasted record 6',
    ]);
  });

  it('gives every bad piece its own message and keeps the good ones', () => {
    const link = shareLink(sc, a, 'https://x.test/');
    const text = [
      link.slice(0, link.length - 40),
      JSON.stringify({ ...a, seed: 'changed' }),
      JSON.stringify(b),
      '{"format": 1, "seed": ',
    ].join('\n');
    const openings = openText(sc, text);
    const messages = openings.map((o) =>
      o.outcome.status === 'failed' ? o.outcome.message : 'ok',
    );
    expect(messages[0]).toMatch(/damaged or incomplete|damaged|does not hold/);
    expect(messages[1]).toMatch(/altered/);
    expect(messages[2]).toBe('ok');
    expect(messages[3]).toMatch(/not complete JSON/);
    expect(openings[1]!.record?.seed).toBe('changed');
  });

  it('says so when there is nothing, or too much', () => {
    expect(openText(sc, '   ')[0]!.outcome).toEqual({
      status: 'failed',
      message: 'Empty: there is no game in it.',
    });
    expect(openText(sc, '[]')[0]!.outcome).toMatchObject({ status: 'failed' });
    expect(openText(sc, 'x'.repeat(5_000_001))[0]!.outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/Too large/),
    });
  });

  it('names the games of a file after it', () => {
    const one = openText(sc, JSON.stringify(a));
    const two = openText(sc, JSON.stringify([a, b]));
    expect(nameOpenings(one, { file: 'red.json' })).toEqual(['red.json']);
    expect(nameOpenings(two, { file: 'all.json' })).toEqual(['all.json (1)', 'all.json (2)']);
  });
});
