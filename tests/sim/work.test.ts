// The engine resolves turns on an integer-indexed working form of the state (src/sim/work.ts,
// scenario/tables.ts); the selectors, order checks and saves read the JSON state. Both must give
// the same answers on any state, and the working form must write back exactly what it read.
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chanceOf,
  createGame,
  currentRung,
  gameSeed,
  holds,
  playGame,
  reduce,
  reducePlain,
  seedRng,
  restoreRng,
  thaw,
  type CompiledScenario,
  type GameState,
  type Policies,
} from '../../src/sim';
import { availableOn, isAvailable, lockReason, lockReasonOn } from '../../src/sim/rules';
import { chanceOn, loadWork, rungOn, storeWork } from '../../src/sim/work';
import { SHIPPED_IDS, shipped } from './support/shipped';

const POLICIES: Policies[] = [{}, { us: 'hawk' }, { us: 'dove' }, { us: 'random' }];

/** The state at the start of every turn of a few games, each played under its own policies. */
function statesOf(sc: CompiledScenario, games: number): GameState[] {
  const out: GameState[] = [];
  for (let i = 0; i < games; i++) {
    const policies = POLICIES[i % POLICIES.length]!;
    const played = playGame(sc, gameSeed('work', i), policies);
    const state = createGame(sc, { seed: played.state.seed, humans: played.state.humans });
    out.push(thaw(state));
    for (const order of played.orders) {
      const error = reducePlain(sc, state, order);
      expect(error).toBeNull();
      if (order.type === 'turn/ended') out.push(thaw(state));
    }
  }
  return out;
}

/** The same state with numbers drawn anew (some left out), so conditions meet their edges. */
function shaken(sc: CompiledScenario, state: GameState, seed: string): GameState {
  const rng = restoreRng(seedRng(seed));
  const out = thaw(state);
  for (const v of sc.scenario.variables) {
    const draw = rng.below(12);
    if (draw === 0) delete out.vars[v.id];
    else out.vars[v.id] = v.min + rng.below(v.max - v.min + 1);
  }
  out.turn = 1 + rng.below(sc.scenario.turns);
  for (const a of sc.scenario.actions) {
    if (rng.below(4) === 0) out.taken[a.id] = 1 + rng.below(out.turn);
  }
  for (const e of sc.scenario.events) {
    if (rng.below(4) === 0) out.happened[e.id] = 1 + rng.below(out.turn);
  }
  return out;
}

/** Every object reachable from `value` that is not frozen (none, for a state immer made). */
function unfrozen(value: unknown, path = 'state', out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return out;
  if (!Object.isFrozen(value)) out.push(path);
  for (const [key, item] of Object.entries(value)) unfrozen(item, `${path}.${key}`, out);
  return out;
}

describe.each(SHIPPED_IDS)('the working form of %s', (id) => {
  const sc = shipped(id);
  const states = statesOf(sc, 24);
  const all = [...states, ...states.map((s, i) => shaken(sc, s, `shake-${i}`))];

  it('writes back exactly the state it read', () => {
    for (const state of all) {
      const copy = thaw(state);
      storeWork(loadWork(sc, copy));
      expect(canonicalJson(copy)).toBe(canonicalJson(state));
    }
  });

  it('answers availability, conditions, chances and the rung as the JSON state does', () => {
    let checked = 0;
    for (const state of all) {
      const w = loadWork(sc, state);
      for (const row of sc.tables.actions) {
        expect(availableOn(w, row)).toBe(isAvailable(sc, state, row.action));
        if (row.requires) expect(row.requires(w)).toBe(holds(sc, state, row.action.requires));
        if (row.roll)
          expect(chanceOn(w, row.roll.chance)).toBe(chanceOf(row.action.roll!.chance, state.vars));
      }
      for (const row of sc.tables.events) {
        if (row.when) expect(row.when(w)).toBe(holds(sc, state, row.event.when));
        if (row.chance)
          expect(chanceOn(w, row.chance)).toBe(chanceOf(row.event.chance!, state.vars));
      }
      sc.tables.endings.forEach((ending, i) =>
        expect(ending.when(w)).toBe(holds(sc, state, sc.scenario.endings[i]!.when)),
      );
      expect(rungOn(w)).toBe(currentRung(sc, state));
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("words why an action is locked as the JSON state's reason does", () => {
    let locked = 0;
    for (const state of all) {
      const w = loadWork(sc, state);
      for (const row of sc.tables.actions) {
        const reason = lockReason(sc, state, row.action);
        expect(lockReasonOn(w, row)).toBe(reason);
        if (reason !== null) locked++;
      }
    }
    expect(locked).toBeGreaterThan(1000);
  });

  it('gives the same games on the plain and the immer path', () => {
    for (let i = 0; i < 40; i++) {
      const played = playGame(sc, gameSeed('paths', i), POLICIES[i % POLICIES.length]!);
      let immer = createGame(sc, { seed: played.state.seed, humans: played.state.humans });
      const plain = thaw(immer);
      for (const order of played.orders) {
        const r = reduce(sc, immer, order);
        expect(r.error).toBeNull();
        immer = r.state;
        expect(reducePlain(sc, plain, order)).toBeNull();
      }
      expect(canonicalJson(plain)).toBe(canonicalJson(immer));
      expect(canonicalJson(plain)).toBe(canonicalJson(played.state));
      expect(unfrozen(immer)).toEqual([]);
    }
  });
});
