import { describe, expect, it } from 'vitest';
import {
  classCsv,
  flagged,
  csvField,
  csvHeader,
  describeDivergence,
  endComparison,
  firstDivergence,
  groupRow,
  partings,
  sharedSeeds,
  switchedGames,
  toCsv,
  turnsOf,
  type TurnPlay,
} from '../../src/classroom/compare';
import { openText, verify } from '../../src/classroom/entries';
import {
  dispatch,
  finishedRecord,
  hashState,
  playGame,
  recordOf,
  startSession,
  whatIfVariant,
  type GameRecord,
  type GameState,
  type Order,
} from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

const turn = (n: number, orders: Record<string, string[]>, injected: string[] = []): TurnPlay => ({
  turn: n,
  orders: Object.entries(orders).map(([role, actions]) => ({ role, actions })),
  injected,
});

describe('first divergence', () => {
  const a = [turn(1, { us: ['call'], russia: ['drill'] }), turn(2, { us: ['talks'], russia: [] })];

  it('finds none between identical games', () => {
    expect(firstDivergence(a, a)).toEqual({ kind: 'same' });
  });

  it('names the first turn and the roles whose orders differ', () => {
    const b = [a[0]!, turn(2, { us: ['sanctions'], russia: ['mass'] })];
    expect(firstDivergence(a, b)).toEqual({
      kind: 'orders',
      turn: 2,
      roles: ['us', 'russia'],
      injected: false,
    });
  });

  it('counts the order of actions (it is the order they resolve in)', () => {
    const b = [turn(1, { us: ['call'], russia: ['drill'] }), turn(2, { us: ['talks'] })];
    const c = [turn(1, { us: ['a', 'b'] })];
    const d = [turn(1, { us: ['b', 'a'] })];
    expect(firstDivergence(a, b)).toEqual({ kind: 'same' });
    expect(firstDivergence(c, d)).toMatchObject({ kind: 'orders', turn: 1, roles: ['us'] });
  });

  it('sees an event injected by the facilitator, whatever its place in the list', () => {
    const b = [turn(1, { us: ['call'], russia: ['drill'] }, ['cyberattack']), a[1]!];
    expect(firstDivergence(a, b)).toEqual({ kind: 'orders', turn: 1, roles: [], injected: true });
    const x = [turn(1, {}, ['one', 'two'])];
    const y = [turn(1, {}, ['two', 'one'])];
    expect(firstDivergence(x, y)).toEqual({ kind: 'same' });
  });

  it('tells a game that went on from one that stopped on the same path', () => {
    expect(firstDivergence(a, a.slice(0, 1))).toEqual({ kind: 'longer', turn: 2 });
    expect(firstDivergence(a.slice(0, 1), a)).toEqual({ kind: 'longer', turn: 2 });
  });

  it('pairs each game with the one it followed longest, the earliest of equals', () => {
    const b = [a[0]!, turn(2, { us: ['other'] })];
    const c = [turn(1, { us: ['else'] })];
    expect(partings([a, b, c])).toEqual([
      { other: 1, divergence: { kind: 'orders', turn: 2, roles: ['us'], injected: false } },
      { other: 0, divergence: { kind: 'orders', turn: 2, roles: ['us'], injected: false } },
      {
        other: 0,
        divergence: { kind: 'orders', turn: 1, roles: ['us', 'russia'], injected: false },
      },
    ]);
    expect(partings([a, [...a]])[0]).toEqual({ other: 1, divergence: { kind: 'same' } });
    expect(partings([a])).toEqual([null]);
  });

  it('says it in a phrase', () => {
    expect(describeDivergence({ kind: 'same' }, 'Team B')).toBe('same orders as Team B');
    expect(
      describeDivergence({ kind: 'orders', turn: 3, roles: ['us'], injected: false }, 'Link 2'),
    ).toBe('turn 3, from Link 2');
  });
});

describe('grouping and end values', () => {
  it('groups by seed in order of first appearance, only seeds shared by two or more', () => {
    const items = ['x', 'y', 'x', null, 'z', 'y', 'x'];
    expect(sharedSeeds(items, (s) => s)).toEqual([
      { seed: 'x', members: [0, 2, 6] },
      { seed: 'y', members: [1, 5] },
    ]);
  });

  it('lines up the final values and their spread', () => {
    expect(
      endComparison(['tension', 'gone'], [{ tension: 40 }, { tension: 75 }, { tension: 52 }]),
    ).toEqual([
      { key: 'tension', values: [40, 75, 52], spread: 35 },
      { key: 'gone', values: [0, 0, 0], spread: 0 },
    ]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(42)).toBe('42');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('')).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });

  it('ends every line with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', 2],
      ]),
    ).toBe('a,1\r\n"b,c",2\r\n');
  });
});

// ——— With real games from the shipped scenario ———

function played(seed: string, policies: Parameters<typeof playGame>[2]): GameRecord {
  const game = playGame(sc, seed, policies);
  return recordOf(sc, game, hashState(game.state));
}

/** A game that follows `record` for `turns` turns, then gives the humans no orders to the end. */
function branch(record: GameRecord, turns: number): GameRecord {
  let session = startSession(sc, record.seed, record.humans);
  const give = (order: Order) => {
    const next = dispatch(sc, session, order);
    if (next.error) throw new Error(next.error.message);
    session = next.session;
  };
  let ended = 0;
  for (const order of record.orders) {
    if (ended === turns) break;
    give(order);
    if (order.type === 'turn/ended') ended++;
  }
  while (session.state.phase === 'orders') {
    for (const role of record.humans) give({ type: 'orders/submitted', role, actions: [] });
    give({ type: 'turn/ended' });
  }
  return finishedRecord(session);
}

const stateOf = (record: GameRecord): GameState => {
  const v = verify(sc, record);
  if (v.status === 'failed') throw new Error(v.message);
  return v.state;
};

describe('comparing real games', () => {
  const original = played('class-7', { us: 'greedy', eu: 'dove' });
  const fork = branch(original, 2);

  it('finds where a branched game left the original', () => {
    const d = firstDivergence(turnsOf(stateOf(original)), turnsOf(stateOf(fork)));
    expect(d.kind).toBe('orders');
    if (d.kind !== 'orders') return;
    expect(d.turn).toBe(3);
    expect(d.roles.length).toBeGreaterThan(0);
    expect(firstDivergence(turnsOf(stateOf(original)), turnsOf(stateOf(original)))).toEqual({
      kind: 'same',
    });
  });

  it('makes one CSV row per group, good or bad, with the verdict and the divergence', () => {
    const tampered = { ...original, finalHash: '0000000000000000' };
    const games = [
      { name: 'Team, "Red"', record: original, outcome: verify(sc, original) },
      { name: 'Link 2', record: fork, outcome: verify(sc, fork) },
      { name: '=cmd', record: tampered, outcome: verify(sc, tampered) },
    ];
    const rows = games.map((g, i) =>
      groupRow(
        sc,
        g,
        i < 2
          ? describeDivergence(
              { kind: 'orders', turn: 3, roles: ['us'], injected: false },
              games[1 - i]!.name,
            )
          : '',
      ),
    );
    expect(rows.map((r) => r.status)).toEqual(['matches', 'matches', 'failed']);
    expect(rows[0]!.roles).toEqual(['United States', 'European Union']);
    expect(rows[0]!.scores.map((s) => s.role)).toEqual(sc.roleOrder);
    expect(rows[2]!.message).toMatch(/altered/);

    const csv = classCsv(sc, rows);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(',')).toEqual(csvHeader(sc));
    expect(lines[1]).toMatch(/^"Team, ""Red""",United States; European Union,class-7,/);
    expect(lines[1]).toContain(
      `,${hashState(stateOf(original))},Replays to its hash,,"turn 3, from Link 2",`,
    );
    expect(lines[3]).toMatch(/^'=cmd,/);
    expect(lines[3]).toContain(',Does not replay,');
  });
});

describe('opening what a teacher pastes', () => {
  const record = played('paste', { russia: 'hawk' });

  it('checks a record, flags one without a hash, and rejects a tampered one', () => {
    const { finalHash: _, ...unhashed } = record;
    const bad = { ...record, finalHash: 'ffffffffffffffff' };
    const text = [record, unhashed, bad].map((r) => JSON.stringify(r, null, 2)).join('\n');
    expect(openText(sc, text).map((o) => o.outcome.status)).toEqual([
      'matches',
      'noHash',
      'failed',
    ]);
  });

  it('flags a record that differs from the class code, and one with no hash', () => {
    const { finalHash: _, ...unhashed } = record;
    const code = {
      scenario: sc.scenario.id,
      version: sc.scenario.version,
      seed: record.seed,
      minutes: 0,
      roles: null,
      whatIf: {},
    };
    const rows = openText(
      sc,
      [record, unhashed, { ...record, seed: 'elsewhere' }].map((r) => JSON.stringify(r)).join('\n'),
    ).map((o) => groupRow(sc, { name: 'x', ...o }, '', code));
    expect(rows.map((r) => r.classCheck?.map((d) => d.field))).toEqual([[], [], ['seed']]);
    expect(rows.map(flagged)).toEqual([false, true, true]);
    expect(classCsv(sc, rows)).toContain(',No hash: not checked,as the class code,');
  });

  it('keeps its hash when the table shows a checked game', () => {
    const [opened] = openText(sc, JSON.stringify(record));
    expect(groupRow(sc, { name: 'x', ...opened! }).hash).toBe(record.finalHash);
  });
});

describe('games played under what-if switches', () => {
  const switched = (() => {
    const variant = whatIfVariant(sc, { resolve: 'setOnWar', dealThreshold: 'thin' });
    if (!variant.ok) throw new Error('the variant does not build');
    const game = playGame(variant.value, 'class-switch', { us: 'hawk' });
    return recordOf(variant.value, game, hashState(game.state));
  })();
  const modelled = played('class-switch', { us: 'hawk' });
  const code = {
    scenario: sc.scenario.id,
    version: sc.scenario.version,
    seed: 'class-switch',
    minutes: 0,
    roles: null,
    whatIf: {},
  };
  const rows = openText(sc, [modelled, switched].map((r) => JSON.stringify(r)).join('\n')).map(
    (o, i) => groupRow(sc, { name: `Team ${i + 1}`, ...o }, '', code),
  );

  it('shows the setting of each game in words, "as modelled" when no switch changed', () => {
    expect(rows.map((r) => r.status)).toEqual(['matches', 'matches']);
    expect(rows.map((r) => r.setting)).toEqual([
      'as modelled',
      "Russia's resolve: Set on war (60–95); How much agreement a deal needs: A thinner framework (50)",
    ]);
    expect(switchedGames(rows)).toEqual({ count: 1, settings: [rows[1]!.setting] });
  });

  it('puts the setting in the CSV, after the seed', () => {
    const lines = classCsv(sc, rows).trimEnd().split('\r\n');
    expect(csvHeader(sc).slice(2, 4)).toEqual(['seed', 'what-if setting']);
    expect(lines[1]).toMatch(/^Team 1,United States,class-switch,as modelled,/);
    expect(lines[2]).toMatch(
      /^Team 2,United States,class-switch,Russia's resolve: Set on war \(60–95\); How much agreement a deal needs: A thinner framework \(50\),/,
    );
  });

  it('flags a game played under other switches than the class code, in words', () => {
    expect(rows.map((r) => r.classCheck?.map((d) => d.field))).toEqual([[], ['whatIf']]);
    expect(rows.map(flagged)).toEqual([false, true]);
    expect(rows[1]!.classCheckText).toBe(
      "what-if setting Russia's resolve: Set on war (60–95); How much agreement a deal needs: A thinner framework (50) (the class's is as modelled)",
    );
    const asked = groupRow(
      sc,
      { name: 'Team 1', record: modelled, outcome: verify(sc, modelled) },
      '',
      { ...code, whatIf: { sanctionsBite: 'feared' } },
    );
    expect(asked.classCheckText).toBe(
      "what-if setting as modelled (the class's is How hard Russia expects sanctions to bite: Feared (double))",
    );
    expect(classCsv(sc, [asked])).toContain(
      "what-if setting as modelled (the class's is How hard Russia expects sanctions to bite: Feared (double))",
    );
  });

  it('names a switch or option the scenario does not know as written, and does not replay it', () => {
    const unknown = { ...modelled, whatIf: { resolve: 'stubborn' } };
    const row = groupRow(sc, { name: 'x', record: unknown, outcome: verify(sc, unknown) });
    expect(row.setting).toBe('resolve=stubborn');
    expect(row.status).toBe('failed');
  });
});
