import { describe, expect, it } from 'vitest';
import {
  createGame,
  describeCause,
  hashState,
  hashStateV1,
  playGame,
  reduce,
  reducePlain,
  thaw,
  type GameState,
  type Order,
  type Policies,
} from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

function endTurn(state: GameState): GameState {
  const { state: next, error } = reduce(sc, state, { type: 'turn/ended' });
  expect(error).toBeNull();
  return next;
}

describe('a new game', () => {
  it('starts on turn 1 with the scenario values and each role’s starting capital', () => {
    const state = createGame(sc, { seed: 's1', humans: ['us'] });
    expect(state.turn).toBe(1);
    expect(state.phase).toBe('orders');
    expect(state.vars.russianForces).toBe(100);
    expect(state.capital.us).toBe(sc.roles.us!.capital.start);
    expect(state.humans).toEqual(['us']);
  });

  it('draws Russia’s hidden intent from the seed, and every estimate contains the truth', () => {
    const intents = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const state = createGame(sc, { seed: `intent-${i}`, humans: [] });
      intents.add(JSON.stringify(state.hidden));
      for (const role of Object.keys(state.intel)) {
        for (const spec of sc.scenario.hiddenIntent) {
          const e = state.intel[role]![spec.id];
          expect(e.low).toBeLessThanOrEqual(state.hidden[spec.id]);
          expect(e.high).toBeGreaterThanOrEqual(state.hidden[spec.id]);
        }
      }
    }
    expect(intents.size).toBeGreaterThan(40);
    expect(Object.keys(createGame(sc, { seed: 'x', humans: [] }).intel)).not.toContain('russia');
  });
});

describe('determinism', () => {
  // Golden values: a known seed and policies give this exact final state, fingerprinted twice:
  // by the whole state's canonical JSON (the first hash, which also covers the AI's and the
  // changes' accounts) and by the final-state hash records carry now. If a change to the rules or
  // the scenario moves them, every recorded game changes: update them only on purpose, together
  // with the scenario's version.
  const GOLDEN: [string, Policies, string, string, string, number][] = [
    ['golden-1', {}, 'a43eab7809c9d12c', 'eacdfba4d2cae58a', 'fullInvasion', 8],
    [
      'golden-2',
      { us: 'historical', eu: 'historical', ukraine: 'historical' },
      '0f69672d884230a5',
      'e02a56d03a4c5d5f',
      'managedStandoff',
      10,
    ],
    ['golden-3', { russia: 'hawk' }, 'e01070e20f128d9b', '1d6522540a6c40d1', 'limitedIncursion', 7],
  ];

  it.each(GOLDEN)(
    'seed %s with %o ends with its known hashes',
    (seed, policies, wholeState, hash, ending, turn) => {
      const { state } = playGame(sc, seed, policies);
      expect(state.ending).toEqual({ id: ending, turn });
      expect(hashStateV1(state)).toBe(wholeState);
      expect(hashState(state)).toBe(hash);
    },
  );

  it('another seed gives another game', () => {
    const hashes = new Set(
      [1, 2, 3, 4, 5].map((i) => hashState(playGame(sc, `other-${i}`, {}).state)),
    );
    expect(hashes.size).toBe(5);
  });
});

describe('illegal orders are rejected whole, with a typed error', () => {
  const fresh = () => createGame(sc, { seed: 'reject', humans: ['us', 'russia'] });
  const usAction = (pred: (id: string) => boolean = () => true) =>
    sc.actionsByRole.us!.find((a) => pred(a.id))!.id;

  const cases: [string, () => GameState, Order, string][] = [
    ['malformed', fresh, { type: 'nonsense' } as unknown as Order, 'order/malformed'],
    [
      'unknown role',
      fresh,
      { type: 'orders/submitted', role: 'china', actions: [] },
      'order/unknownRole',
    ],
    [
      'a role the AI plays',
      fresh,
      { type: 'orders/submitted', role: 'eu', actions: [] },
      'order/notHuman',
    ],
    [
      'unknown action',
      fresh,
      { type: 'orders/submitted', role: 'us', actions: ['us.nope'] },
      'order/unknownAction',
    ],
    [
      'another role’s action',
      fresh,
      { type: 'orders/submitted', role: 'us', actions: [sc.actionsByRole.russia![0]!.id] },
      'order/notYourRole',
    ],
    [
      'the same action twice',
      fresh,
      { type: 'orders/submitted', role: 'us', actions: [usAction(), usAction()] },
      'order/duplicate',
    ],
    [
      'too many orders',
      fresh,
      {
        type: 'orders/submitted',
        role: 'us',
        actions: sc.actionsByRole.us!.slice(0, 4).map((a) => a.id),
      },
      'order/tooMany',
    ],
    [
      'ending the turn before every human has ordered',
      fresh,
      { type: 'turn/ended' },
      'order/ordersMissing',
    ],
    [
      'injecting an unknown event',
      fresh,
      { type: 'facilitator/eventInjected', event: 'martians' },
      'order/unknownEvent',
    ],
  ];

  it.each(cases)('%s', (_name, make, order, code) => {
    const state = make();
    const before = JSON.stringify(state);
    const { state: after, error } = reduce(sc, state, order);
    expect(error?.code).toBe(code);
    expect(error?.message.length).toBeGreaterThan(10);
    expect(after).toBe(state);
    expect(JSON.stringify(state)).toBe(before);
    const plain = thaw(state);
    expect(reducePlain(sc, plain, order)?.code).toBe(code);
    expect(JSON.stringify(plain)).toBe(before);
  });

  it('orders the role cannot afford', () => {
    const state = fresh();
    const dear = [...sc.actionsByRole.us!].sort((a, b) => b.cost - a.cost).slice(0, 3);
    const poor: GameState = { ...state, capital: { ...state.capital, us: dear[0]!.cost - 1 } };
    const { state: after, error } = reduce(sc, poor, {
      type: 'orders/submitted',
      role: 'us',
      actions: [dear[0]!.id],
    });
    expect(error?.code).toBe('order/notAffordable');
    expect(after).toBe(poor);
  });

  it('an action whose conditions do not hold is locked, with the reason', () => {
    const state = fresh();
    const locked = sc.scenario.actions.find((a) => a.role === 'russia' && a.warStage === 3)!;
    const { error } = reduce(sc, state, {
      type: 'orders/submitted',
      role: 'russia',
      actions: [locked.id],
    });
    expect(error?.code).toBe('order/locked');
    expect(error?.message).toMatch(/Needs/);
  });

  it('any order once the game is over', () => {
    let state = createGame(sc, { seed: 'over', humans: [] });
    while (state.phase === 'orders') state = endTurn(state);
    const { error } = reduce(sc, state, { type: 'turn/ended' });
    expect(error?.code).toBe('order/wrongPhase');
  });
});

describe('a turn', () => {
  it('keeps orders hidden until the turn ends, then resolves every role', () => {
    let state = createGame(sc, { seed: 'turn', humans: ['us'] });
    const action = sc.actionsByRole.us!.find((a) => a.cost <= state.capital.us! && !a.requires)!;
    state = reduce(sc, state, { type: 'orders/submitted', role: 'us', actions: [action.id] }).state;
    expect(state.reports).toHaveLength(0);
    expect(state.submitted.us?.actions).toEqual([action.id]);
    state = endTurn(state);
    expect(state.turn).toBe(2);
    expect(state.submitted).toEqual({});
    const report = state.reports[0]!;
    expect(report.orders.map((o) => o.role)).toEqual(sc.roleOrder);
    expect(report.orders.find((o) => o.role === 'us')).toMatchObject({
      actions: [action.id],
      byAi: false,
    });
    expect(report.ai.map((d) => d.role)).toEqual(sc.roleOrder.filter((r) => r !== 'us'));
    expect(state.taken[action.id]).toBe(1);
  });

  it('records every change with its cause, and the changes add up to the difference', () => {
    const { state } = playGame(sc, 'ledger', { us: 'random', russia: 'random' });
    let vars = createGame(sc, { seed: 'ledger', humans: [] }).vars;
    for (const report of state.reports) {
      const next = { ...vars };
      for (const c of report.changes) {
        expect(describeCause(sc, c.cause, c.key)).not.toMatch(/unknown cause|a rule of the model/);
        if (!c.key.startsWith('capital:')) next[c.key] = next[c.key]! + c.delta;
      }
      vars = next;
    }
    expect(vars).toEqual(state.vars);
  });

  it('an injected event happens in that turn and is part of the record', () => {
    let state = createGame(sc, { seed: 'inject', humans: [] });
    const event = sc.scenario.events.find((e) => e.injectable && e.turn === undefined)!;
    state = reduce(sc, state, { type: 'facilitator/eventInjected', event: event.id }).state;
    const again = reduce(sc, state, { type: 'facilitator/eventInjected', event: event.id });
    expect(again.error?.code).toBe('order/notInjectable');
    state = endTurn(state);
    expect(state.reports[0]!.events).toContain(event.id);
    expect(state.reports[0]!.injected).toEqual([event.id]);
  });
});

describe('the immer and plain paths', () => {
  it('give identical states over many seeds and bots', () => {
    const bots = ['random', 'hawk', 'dove', 'greedy'] as const;
    for (let i = 0; i < 60; i++) {
      const policies = { us: bots[i % 4]!, russia: bots[(i + 1) % 4]!, eu: bots[(i + 2) % 4]! };
      const played = playGame(sc, `paths-${i}`, policies);
      let immerState = createGame(sc, { seed: `paths-${i}`, humans: played.state.humans });
      const plainState = thaw(immerState);
      for (const order of played.orders) {
        const r = reduce(sc, immerState, order);
        expect(r.error).toBeNull();
        immerState = r.state;
        expect(reducePlain(sc, plainState, order)).toBeNull();
      }
      // The whole state, the reports' accounts of why included (the final-state hash leaves them out).
      expect(hashStateV1(immerState)).toBe(hashStateV1(plainState));
      expect(hashStateV1(plainState)).toBe(hashStateV1(played.state));
    }
  });
});
