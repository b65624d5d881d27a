// The final-state hash (src/sim/state-hash.ts) covers every value of the state but the turn
// reports' accounts of why (the AI's weighing, the causes of changes, roll labels, dates): each
// value of real finished games is changed in turn, and the hash must see every one it covers and
// none it leaves out. A field added to the state and forgotten by the hash fails here.
import { describe, expect, it } from 'vitest';
import {
  createGame,
  gameSeed,
  hashState,
  playGame,
  reduce,
  type GameState,
  type Order,
} from '../../src/sim';
import { ukraine } from '../support/scenario';
import { shipped } from './support/shipped';

type Path = (string | number)[];

/** Paths (with list indexes as `[]`) the hash leaves out: the reports' accounts, not the game. */
const ACCOUNTS = [
  /^reports\.\[\]\.date$/,
  /^reports\.\[\]\.ai(\.|$)/,
  /^reports\.\[\]\.rolls\.\[\]\.label$/,
  /^reports\.\[\]\.changes\.\[\]\.cause(\.|$)/,
];
const isAccount = (path: Path) =>
  ACCOUNTS.some((re) => re.test(path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.')));

function leaves(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      leaves(item, [...path, Array.isArray(value) ? Number(key) : key], out);
  } else {
    out.push(path);
  }
  return out;
}

/** The hash of the state with the value at `path` changed to another of its kind (then put back). */
function hashChangedAt(state: GameState, path: Path): string {
  let at = state as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const value = at[last];
  at[last] =
    typeof value === 'number'
      ? value + 1
      : typeof value === 'boolean'
        ? !value
        : typeof value === 'string'
          ? `${value}x`
          : 'was null';
  const hash = hashState(state);
  at[last] = value;
  return hash;
}

function finishedGames(): GameState[] {
  const u = ukraine();
  const c = shipped('cuba-1962');
  // People's orders with their reasons, a dispute, a facilitator's event and a what-if are in none
  // of the AI's games: one game gets them by hand.
  let s = createGame(u, { seed: 'hash-by-hand', humans: ['us'] });
  const steps: Order[] = [
    { type: 'orders/disputed', role: 'us', actions: [], note: 'not yet' },
    { type: 'orders/submitted', role: 'us', actions: [], rationale: 'wait and see' },
    { type: 'facilitator/eventInjected', event: u.scenario.events.find((e) => e.injectable)!.id },
    { type: 'turn/ended' },
    { type: 'orders/submitted', role: 'us', actions: [] },
  ];
  for (const order of steps) {
    const result = reduce(u, s, order);
    expect(result.error).toBeNull();
    s = result.state;
  }
  s = { ...s, whatIf: { example: 'on' } };
  return [
    playGame(u, gameSeed('hash-covers', 1), {}).state,
    playGame(c, gameSeed('hash-covers', 2), {}).state,
    s,
  ];
}

describe('the final-state hash', () => {
  const games = finishedGames();

  it('sees every value of the game, and none of the accounts of why', () => {
    for (const game of games) {
      // A copy through JSON, as a record's replay or a save would have it: the engine's state
      // shares some lists (an AI's chosen actions are its orders), a copy does not.
      const state = JSON.parse(JSON.stringify(game)) as GameState;
      const hash = hashState(state);
      const paths = leaves(state);
      expect(paths.length).toBeGreaterThan(30);
      const missed: string[] = [];
      const seen: string[] = [];
      for (const path of paths) {
        const changed = hashChangedAt(state, path) !== hash;
        if (!changed && !isAccount(path)) missed.push(path.join('.'));
        if (changed && isAccount(path)) seen.push(path.join('.'));
      }
      expect(missed).toEqual([]);
      expect(seen).toEqual([]);
    }
  });

  it('sees an optional field come or go', () => {
    const [state] = games;
    const hash = hashState(state!);
    expect(hashState({ ...state!, whatIf: {} })).not.toBe(hash);
    expect(hashState({ ...state!, ending: null })).not.toBe(hash);
    // A pending effect that holds, or lapses, where it did neither.
    const withPending = games.find((g) => g.pending.some((p) => p.holds === undefined && !p.lapse));
    expect(withPending).toBeDefined();
    const at = withPending!.pending.findIndex((p) => p.holds === undefined && !p.lapse);
    const changed = (extra: object) => ({
      ...withPending!,
      pending: withPending!.pending.map((p, i) => (i === at ? { ...p, ...extra } : p)),
    });
    const before = hashState(withPending!);
    expect(hashState(changed({ holds: 2 }))).not.toBe(before);
    expect(hashState(changed({ lapse: true }))).not.toBe(before);
  });

  it('is the same whatever the order of the keys, and after a trip through JSON', () => {
    for (const state of games) {
      const reversed = (o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).reverse());
      const shuffled: GameState = {
        ...state,
        vars: reversed(state.vars) as GameState['vars'],
        capital: reversed(state.capital) as GameState['capital'],
        taken: reversed(state.taken) as GameState['taken'],
        happened: reversed(state.happened) as GameState['happened'],
      };
      expect(hashState(shuffled)).toBe(hashState(state));
      expect(hashState(JSON.parse(JSON.stringify(state)) as GameState)).toBe(hashState(state));
    }
  });

  it('tells apart numbers JSON tells apart, and not those it does not', () => {
    const [state] = games;
    const key = Object.keys(state!.vars)[0]!;
    const at = (value: number) => hashState({ ...state!, vars: { ...state!.vars, [key]: value } });
    expect(at(0.5)).not.toBe(at(0.25));
    expect(at(2 ** 40)).not.toBe(at(2 ** 40 + 1));
    expect(at(-1)).not.toBe(at(0xffffffff));
    expect(at(-0)).toBe(at(0));
    // JSON writes a number that is not finite as null, so a saved state cannot tell them apart.
    expect(at(Number.NaN)).toBe(at(Number.POSITIVE_INFINITY));
  });

  it('gives different games different hashes', () => {
    const sc = ukraine();
    const hashes = new Set(
      Array.from({ length: 200 }, (_, i) => hashState(playGame(sc, gameSeed('many', i), {}).state)),
    );
    expect(hashes.size).toBe(200);
  });
});
