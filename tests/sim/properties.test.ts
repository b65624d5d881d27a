// Property tests over random legal order sequences and many seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOTS,
  createGame,
  finishedRecord,
  hashState,
  legalActions,
  playGame,
  parseRecord,
  reduce,
  replay,
  restoreRng,
  seedRng,
  startSession,
  dispatch,
  type GameState,
  type Session,
} from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();
const PLAYABLE = sc.scenario.roles.filter((r) => r.playable).map((r) => r.id);

/** Plays a whole game where the humans pick random legal, affordable orders from `pickSeed`. */
function randomGame(seed: string, humans: string[], pickSeed: number): Session {
  const pick = restoreRng(seedRng(`pick-${pickSeed}`));
  let session = startSession(sc, seed, humans);
  while (session.state.phase === 'orders') {
    for (const role of session.state.humans) {
      const options = legalActions(sc, session.state, role);
      const chosen: string[] = [];
      let capital = session.state.capital[role] ?? 0;
      const tries = pick.below(4);
      for (let i = 0; i < tries && options.length > 0; i++) {
        const a = options.splice(pick.below(options.length), 1)[0]!;
        if (a.cost <= capital) {
          chosen.push(a.id);
          capital -= a.cost;
        }
      }
      const r = dispatch(sc, session, { type: 'orders/submitted', role, actions: chosen });
      expect(r.error).toBeNull();
      session = r.session;
    }
    const r = dispatch(sc, session, { type: 'turn/ended' });
    expect(r.error).toBeNull();
    session = r.session;
  }
  return session;
}

const gameArb = fc.record({
  seed: fc.string({ minLength: 1, maxLength: 12 }),
  humans: fc.subarray(PLAYABLE),
  pickSeed: fc.nat(),
});

function checkInvariants(state: GameState) {
  for (const v of sc.scenario.variables) {
    const value = state.vars[v.id]!;
    expect(Number.isInteger(value), `${v.id} = ${value}`).toBe(true);
    expect(value).toBeGreaterThanOrEqual(v.min);
    expect(value).toBeLessThanOrEqual(v.max);
  }
  for (const [role, capital] of Object.entries(state.capital)) {
    expect(Number.isInteger(capital)).toBe(true);
    expect(capital).toBeGreaterThanOrEqual(0);
    expect(capital).toBeLessThanOrEqual(sc.roles[role]!.capital.max);
  }
  for (const report of state.reports) {
    for (const roll of report.rolls) {
      expect(roll.chance).toBeGreaterThanOrEqual(0);
      expect(roll.chance).toBeLessThanOrEqual(100);
      expect(roll.success).toBe(roll.draw < roll.chance);
    }
  }
}

describe('over random legal games', () => {
  it('variables stay integers within their limits, and every game ends in a known ending', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, humans, pickSeed }) => {
        const { state } = randomGame(seed, humans, pickSeed);
        checkInvariants(state);
        expect(state.phase).toBe('over');
        expect(sc.scenario.endings.map((e) => e.id)).toContain(state.ending?.id);
        expect(JSON.stringify(state)).not.toMatch(/null|NaN|Infinity/);
      }),
      { numRuns: 60 },
    );
  });

  it('each turn’s recorded changes add up exactly to how far each number moved', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, humans, pickSeed }) => {
        const { state } = randomGame(seed, humans, pickSeed);
        const start = createGame(sc, { seed, humans });
        const values: Record<string, number> = { ...start.vars };
        for (const [role, c] of Object.entries(start.capital)) values[`capital:${role}`] = c;
        for (const report of state.reports) {
          for (const c of report.changes) values[c.key] = values[c.key]! + c.delta;
        }
        for (const v of sc.scenario.variables) expect(values[v.id]).toBe(state.vars[v.id]);
        for (const [role, c] of Object.entries(state.capital))
          expect(values[`capital:${role}`]).toBe(c);
      }),
      { numRuns: 40 },
    );
  });

  it('records survive a JSON round trip and replay to the same hash on both paths', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, humans, pickSeed }) => {
        const session = randomGame(seed, humans, pickSeed);
        const record = finishedRecord(session);
        const parsed = parseRecord(JSON.stringify(record));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.value).toEqual(record);
        const viaImmer = replay(sc, parsed.value);
        const viaPlain = replay(sc, parsed.value, { plain: true });
        expect(viaImmer.ok && viaImmer.value.hash).toBe(hashState(session.state));
        expect(viaPlain.ok && viaPlain.value.hash).toBe(hashState(session.state));
      }),
      { numRuns: 30 },
    );
  });

  it('a state survives a JSON round trip and plays on identically', () => {
    fc.assert(
      fc.property(gameArb, fc.nat({ max: 6 }), ({ seed }, turns) => {
        let state = createGame(sc, { seed, humans: [] });
        for (let i = 0; i < turns && state.phase === 'orders'; i++)
          state = reduce(sc, state, { type: 'turn/ended' }).state;
        const copy = JSON.parse(JSON.stringify(state)) as GameState;
        expect(hashState(copy)).toBe(hashState(state));
        if (state.phase !== 'orders') return;
        const a = reduce(sc, state, { type: 'turn/ended' }).state;
        const b = reduce(sc, copy, { type: 'turn/ended' }).state;
        expect(hashState(a)).toBe(hashState(b));
      }),
      { numRuns: 40 },
    );
  });
});

describe('bots', () => {
  it.each(BOTS.filter((b) => b !== 'ai'))(
    '%s gives only legal orders for every playable role',
    (bot) => {
      const policies = Object.fromEntries(PLAYABLE.map((r) => [r, bot]));
      for (let i = 0; i < 20; i++) {
        // playGame throws if any bot order is rejected.
        expect(() => playGame(sc, `bot-${bot}-${i}`, policies)).not.toThrow();
      }
    },
  );
});
