// Luck or choice: a record's human orders replayed over other seeds.
import { describe, expect, it } from 'vitest';
import {
  describeLuck,
  dispatch,
  finishedRecord,
  formatCount,
  gameSeed,
  hashState,
  legalActions,
  luckOrChoice,
  mergeLuck,
  playGame,
  prepareLuck,
  recordOf,
  SCORE_BINS,
  startSession,
  type BotName,
  type GameRecord,
  type LuckResult,
  type Session,
} from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

function botRecord(seed: string, policies: Record<string, BotName>): GameRecord {
  const played = playGame(sc, seed, policies);
  return recordOf(sc, played, hashState(played.state));
}

/**
 * A US player who always takes the actions that depend on the situation (a rung of the ladder,
 * a channel open, the war begun…) whenever this game allows them: in other games many of them
 * are locked. Turns stop after `turns` when given (an unfinished game); `inject` is injected by
 * the facilitator on turn 4.
 */
function opportunistRecord(seed: string, turns = Infinity, inject?: string): GameRecord {
  let session: Session = startSession(sc, seed, ['us']);
  const step = (order: Parameters<typeof dispatch>[2]) => {
    const next = dispatch(sc, session, order);
    if (next.error) throw new Error(next.error.message);
    session = next.session;
  };
  let turn = 0;
  while (session.state.phase === 'orders' && turn < turns) {
    const state = session.state;
    const conditional = legalActions(sc, state, 'us')
      .filter((a) => sc.requires[a.id] !== undefined)
      .sort((a, b) => a.cost - b.cost || a.id.localeCompare(b.id));
    const chosen: string[] = [];
    let left = state.capital.us ?? 0;
    for (const a of conditional) {
      if (chosen.length >= sc.roles.us!.maxActionsPerTurn || a.cost > left) continue;
      chosen.push(a.id);
      left -= a.cost;
    }
    if (inject && turn === 3) step({ type: 'facilitator/eventInjected', event: inject });
    step({ type: 'orders/submitted', role: 'us', actions: chosen });
    step({ type: 'turn/ended' });
    turn++;
  }
  return finishedRecord(session);
}

function expectConsistent(result: LuckResult): void {
  const endings = Object.values(result.endings).reduce((n, k) => n + k, 0);
  expect(endings).toBe(result.games);
  for (const [role, tally] of Object.entries(result.scores)) {
    expect(tally.histogram, role).toHaveLength(SCORE_BINS);
    expect(
      tally.histogram.reduce((n, k) => n + k, 0),
      role,
    ).toBe(result.games);
    expect(tally.below + tally.equal).toBeLessThanOrEqual(result.games);
    expect(tally.total).toBeLessThanOrEqual(100 * result.games);
  }
  const why = result.skippedWhy;
  expect(why.locked + why.unaffordable + why.overLimit).toBe(result.skippedActions);
  expect(result.skippedActions).toBeLessThanOrEqual(result.actionsReplayed);
  expect(result.gamesWithSkips).toBeLessThanOrEqual(result.games);
  expect(result.gamesWithSkips).toBeLessThanOrEqual(result.skippedActions);
  expect(result.longerGames).toBeLessThanOrEqual(result.idleTurns);
  expect(result.shorterGames + result.longerGames).toBeLessThanOrEqual(result.games);
}

describe('luck or choice', () => {
  it('writes counts the same way on every machine', () => {
    expect([0, 7, 999, 1000, 18126, 1234567].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '18,126',
      '1,234,567',
    ]);
  });

  it("reproduces the recorded game when one of the seeds is the player's own", () => {
    const record = botRecord(gameSeed('class', 3), { us: 'greedy', russia: 'hawk' });
    const own = luckOrChoice(sc, record, { seeds: 10, baseSeed: 'class', from: 3, count: 1 });
    expect(own.games).toBe(1);
    expect(own.endings[own.player.ending]).toBe(1);
    expect(own.skippedActions).toBe(0);
    expect(own.idleTurns).toBe(0);
    expect(own.shorterGames).toBe(0);
    expect(own.actionsReplayed).toBe(own.player.actions);
    for (const [role, score] of Object.entries(own.player.scores)) {
      expect(own.scores[role]!.total, role).toBe(score);
      expect(own.scores[role]!.equal, role).toBe(1);
    }
    // And in the whole run the player's ending comes up at least that once.
    const all = luckOrChoice(sc, record, { seeds: 10, baseSeed: 'class' });
    expect(all.endings[all.player.ending]).toBeGreaterThanOrEqual(1);
  });

  it('gives the same result whole or in chunks, merged in any order', () => {
    const record = botRecord('chunks', { us: 'sanctions-first' });
    const whole = luckOrChoice(sc, record, { seeds: 60 });
    const plan = prepareLuck(sc, record);
    const chunks: LuckResult[] = [];
    for (let from = 0; from < 60; from += 7) {
      chunks.push(luckOrChoice(sc, record, { seeds: 60, from, count: 7, plan }));
    }
    const merged = chunks.reduce((a, b) => mergeLuck(a, b));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    const backwards = [...chunks].reverse().reduce((a, b) => mergeLuck(a, b));
    expect(backwards).toEqual(whole);
    expect(whole.games).toBe(60);
    expectConsistent(whole);
  });

  it('is deterministic and plain JSON', () => {
    const record = botRecord('json', { ukraine: 'deterrence-first', eu: 'dove' });
    const a = luckOrChoice(sc, record, { seeds: 25 });
    const b = luckOrChoice(sc, record, { seeds: 25 });
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(structuredClone(a)).toEqual(a);
    expect(a.player.humans).toEqual(['eu', 'ukraine']);
  });

  it('skips and counts the actions another game does not allow', () => {
    const record = opportunistRecord('opportunist');
    const result = luckOrChoice(sc, record, { seeds: 80 });
    expectConsistent(result);
    expect(result.skippedActions).toBeGreaterThan(0);
    expect(result.skippedWhy.locked).toBeGreaterThan(0);
    expect(result.gamesWithSkips).toBeGreaterThan(0);
    // Capital in this scenario depends only on the role's own spending, and skipping saves
    // capital, so a recorded plan never becomes unaffordable or too long here.
    expect(result.skippedWhy.unaffordable).toBe(0);
    expect(result.skippedWhy.overLimit).toBe(0);
    const words = describeLuck(sc, result, 'us').join(' ');
    expect(words).toContain(
      `${formatCount(result.skippedActions)} of the ${formatCount(result.actionsReplayed)} actions`,
    );
    expect(words).toContain('were impossible in their game and skipped');
  });

  it('replays facilitator injects where the event can still be injected', () => {
    // Violations in Donbas, injected on turn 4, have often happened by chance before then.
    const record = opportunistRecord(gameSeed('inject', 0), Infinity, 'donbasViolations');
    const result = luckOrChoice(sc, record, { seeds: 40, baseSeed: 'inject' });
    expectConsistent(result);
    expect(result.skippedInjects).toBeGreaterThan(0);
    expect(result.skippedInjects).toBeLessThan(result.games);
    expect(describeLuck(sc, result, 'us').join(' ')).toContain(
      `${formatCount(result.skippedInjects)} facilitator injects were skipped`,
    );
    const own = luckOrChoice(sc, record, { seeds: 1, baseSeed: 'inject' });
    expect(own.skippedInjects).toBe(0);
    expect(own.endings[own.player.ending]).toBe(1);
  });

  it('plays on without orders when another game outlasts the record, and counts those turns', () => {
    const record = opportunistRecord('short', 3);
    const result = luckOrChoice(sc, record, { seeds: 30 });
    expectConsistent(result);
    expect(result.player.ending).toBe('unfinished');
    expect(result.player.turns).toBe(3);
    expect(result.endings.unfinished ?? 0).toBe(0);
    expect(result.longerGames).toBeGreaterThan(0);
    expect(result.idleTurns).toBeGreaterThanOrEqual(result.longerGames);
    const lines = describeLuck(sc, result, 'us');
    expect(lines[0]).toMatch(/^Your game has not ended yet\. Your orders over 30 other seeds/);
    expect(lines.join(' ')).toMatch(/turns were played with no orders/);
  });

  it('refuses a record that does not replay', () => {
    const record = botRecord('broken', { us: 'greedy' });
    const bad = { ...record, finalHash: '0000000000000000' };
    expect(() => luckOrChoice(sc, bad, { seeds: 3 })).toThrow(/needs a game record that replays/);
  });

  it('holds together over several bots and roles', () => {
    const cases: [string, Record<string, BotName>][] = [
      ['dove', { us: 'dove' }],
      ['hawk', { russia: 'hawk' }],
      ['random', { us: 'random', eu: 'random', ukraine: 'random' }],
      ['historical', { us: 'historical', eu: 'historical', ukraine: 'historical' }],
      ['greedy', { ukraine: 'greedy', russia: 'greedy' }],
    ];
    for (const [name, policies] of cases) {
      const record = botRecord(gameSeed(`prop-${name}`, 2), policies);
      const options = { seeds: 12, baseSeed: `prop-${name}` };
      const result = luckOrChoice(sc, record, options);
      expectConsistent(result);
      expect(result.games, name).toBe(12);
      // Game 2 is the player's own seed: the same ending and scores come back, nothing skipped.
      const own = luckOrChoice(sc, record, { ...options, from: 2, count: 1 });
      expect(own.endings[own.player.ending], name).toBe(1);
      expect(own.skippedActions, name).toBe(0);
      const halves = mergeLuck(
        luckOrChoice(sc, record, { ...options, count: 5 }),
        luckOrChoice(sc, record, { ...options, from: 5 }),
      );
      expect(halves, name).toEqual(result);
      const role = Object.keys(policies)[0]!;
      const lines = describeLuck(sc, result, role);
      expect(lines[0], name).toMatch(
        /^Your orders over 12 other seeds: your ending \(.+\) came up in/,
      );
      expect(lines[1], name).toMatch(/^Your score of \d+ beat \d+% of them/);
    }
  });
});

describe('luck or choice under another what-if setting', () => {
  const record = botRecord('what-if-luck', {
    us: 'historical',
    eu: 'historical',
    ukraine: 'historical',
  });

  it('plays the same orders under the record’s own setting by default, and under another when asked', () => {
    const own = luckOrChoice(sc, record, { seeds: 150 });
    const hard = luckOrChoice(sc, record, { seeds: 150, whatIf: { resolve: 'setOnWar' } });
    expect(own.whatIf).toEqual({});
    expect(hard.whatIf).toEqual({ resolve: 'setOnWar' });
    // The same player's game and the same seeds, so only the assumption differs.
    expect(hard.player).toEqual(own.player);
    const war = (r: LuckResult) =>
      (r.endings.fullInvasion ?? 0) + (r.endings.limitedIncursion ?? 0);
    expect(war(hard)).toBeGreaterThan(war(own));
  });

  it('a record played under a switch is compared under it unless told otherwise', () => {
    const switched = { ...record, whatIf: { dealThreshold: 'thin' } };
    delete (switched as Partial<GameRecord>).finalHash;
    expect(luckOrChoice(sc, switched, { seeds: 5 }).whatIf).toEqual({ dealThreshold: 'thin' });
    expect(luckOrChoice(sc, switched, { seeds: 5, whatIf: {} }).whatIf).toEqual({});
  });

  it('slices under different settings do not merge; an unknown setting names the field', () => {
    const a = luckOrChoice(sc, record, { seeds: 4, count: 2 });
    const b = luckOrChoice(sc, record, { seeds: 4, from: 2, whatIf: { resolve: 'coercion' } });
    expect(() => mergeLuck(a, b)).toThrow(/same run/);
    expect(() => luckOrChoice(sc, record, { seeds: 2, whatIf: { resolve: 'x' } })).toThrow(
      /whatIf\.resolve/,
    );
  });
});
