// Binding and political offers (issue 7, item 3: the commitment problem). A political promise's
// effect lapses after its `holds` turns, moved back through the ledger with a cause the debrief
// words; a binding one holds; the computer values a promise that lapses below an equal one that
// binds, both as its own move and as an offer on the table.
import { describe, expect, it } from 'vitest';
import {
  createGame,
  describeCause,
  reduce,
  scoreAction,
  selectActions,
  selectPending,
  thaw,
  type Action,
  type GameState,
  type Scenario,
} from '../../src/sim';
import { heldValue, valueActions } from '../../src/sim/action-values';
import { validateScenario } from '../../src/sim/scenario/validate';
import { scenarioData, ukraine } from '../support/scenario';

const sc = ukraine();
const PEOPLE = ['us', 'eu', 'ukraine', 'russia'];

/** Plays one turn in which the people give these orders (and Russia, played by a person, none). */
function turn(state: GameState, orders: Record<string, string[]> = {}): GameState {
  let next = state;
  for (const role of PEOPLE) {
    const result = reduce(sc, next, {
      type: 'orders/submitted',
      role,
      actions: orders[role] ?? [],
    });
    expect(result.error).toBeNull();
    next = result.state;
  }
  const ended = reduce(sc, next, { type: 'turn/ended' });
  expect(ended.error).toBeNull();
  return ended.state;
}

const lapses = (state: GameState, action: string) =>
  state.reports.flatMap((r) =>
    r.changes
      .filter((c) => c.cause.kind === 'lapse' && c.cause.action === action)
      .map((c) => ({ turn: r.turn, key: c.key, delta: c.delta, cause: c.cause })),
  );

describe('a political offer lapses; a binding one holds', () => {
  it('a tabled Donbas bill (political) adds its progress, which lapses 3 turns later, in the ledger and in words', () => {
    const bill = sc.actions['ukraine.donbasLawGesture']!;
    expect(bill.commitment).toBe('political');
    const holds = bill.effects.find((e) => 'var' in e && e.var === 'dealProgress');
    expect(holds).toMatchObject({ holds: 3 });

    let state = turn(createGame(sc, { seed: 'lapse', humans: PEOPLE }), {
      ukraine: ['ukraine.donbasLawGesture'],
    });
    const added = state.reports[0]!.changes.find(
      (c) => c.key === 'dealProgress' && c.cause.action === bill.id,
    )!;
    expect(added.delta).toBe(4);
    const pending = selectPending(sc, state).find((p) => p.lapse);
    expect(pending).toMatchObject({ amount: -4, landsOnTurn: 4, lapse: true });
    expect(pending!.because).toMatch(/political, not binding; lapses on turn 4/);

    state = turn(turn(state));
    expect(lapses(state, bill.id)).toEqual([]);
    state = turn(state);
    const [lapse, ...more] = lapses(state, bill.id);
    expect(more).toEqual([]);
    expect(lapse).toMatchObject({ turn: 4, key: 'dealProgress', delta: -4 });
    expect(lapse!.cause).toMatchObject({ kind: 'lapse', role: 'ukraine', fromTurn: 1 });
    expect(describeCause(sc, lapse!.cause, 'dealProgress')).toBe(
      'Ukraine: Table a Donbas settlement bill lapsed (made on turn 1): political, not binding',
    );
    expect(state.pending.some((p) => p.lapse)).toBe(false);
  });

  it('the written reply (binding) adds its progress for good', () => {
    const reply = sc.actions['us.writtenResponse']!;
    expect(reply.commitment).toBe('binding');
    let state = createGame(sc, { seed: 'binding', humans: PEOPLE });
    state = turn(turn(state));
    state = turn(state, { us: [reply.id] });
    for (let i = 0; i < 5 && state.phase === 'orders'; i++) state = turn(state);
    expect(state.reports[2]!.changes.some((c) => c.cause.action === reply.id)).toBe(true);
    expect(lapses(state, reply.id)).toEqual([]);
    expect(state.pending.filter((p) => p.lapse)).toEqual([]);
  });

  it('the action cards say which is which', () => {
    const state = createGame(sc, { seed: 'cards', humans: PEOPLE });
    const card = (role: string, id: string) =>
      selectActions(sc, state, role).find((a) => a.id === id)!;
    expect(card('ukraine', 'ukraine.donbasLawGesture').commitment).toEqual({
      kind: 'political',
      text: 'Political: lapses after 3 turns',
    });
    expect(card('us', 'us.writtenResponse').commitment?.kind).toBe('binding');
    expect(card('us', 'us.defensiveAid').commitment).toBeUndefined();
  });
});

describe('the computer discounts a promise that lapses', () => {
  const base = sc.actions['us.writtenResponse']!;
  const binding: Action = { ...base, id: 'test.binding', commitment: 'binding' };
  const political: Action = {
    ...base,
    id: 'test.political',
    commitment: 'political',
    effects: base.effects.map((e) => ('var' in e && e.amount > 0 ? { ...e, holds: 2 } : e)),
  };

  it('values a political offer below an otherwise equal binding one', () => {
    const values = valueActions(
      sc.roles,
      [binding, political],
      (key) => key,
      sc.rules,
      sc.scenario.mechanics,
    );
    expect(values['test.political']!.fixed).toBeLessThan(values['test.binding']!.fixed);
    // Two turns of holding keep half: the positive effects count for half their value.
    const progress = (id: string) =>
      values[id]!.effectTerms.find((t) => t.term === 'dealProgress up')!.value;
    expect(progress('test.political')).toBe(Math.trunc(progress('test.binding') / 2));
  });

  /** A state with 30 points of progress on the table, 10 of them a political promise lapsing next turn or not. */
  function onTable(politicalPart: boolean): GameState {
    const state = thaw(createGame(sc, { seed: 'table', humans: [] }));
    state.vars.dealProgress = 30;
    if (politicalPart) {
      state.pending.push({
        key: 'dealProgress',
        amount: -10,
        landsOnTurn: state.turn + 1,
        orderedOnTurn: state.turn,
        cause: { kind: 'action', role: 'us', action: 'us.sanctionsRelief' },
        lapse: true,
      });
    }
    return state;
  }

  it('Russia counts what is on the table by how long it will hold', () => {
    const firm = onTable(false);
    const shaky = onTable(true);
    expect(heldValue(sc.rules, firm, 'dealProgress')).toBe(30);
    // Ten points lapsing next turn keep a quarter of their value: three quarters are not counted.
    expect(heldValue(sc.rules, shaky, 'dealProgress')).toBe(30 - Math.trunc((10 * 3) / 4));
    const russia = sc.roles.russia!;
    const pullback = sc.actions['russia.partialPullback']!;
    const invasion = sc.actions['russia.limitedIncursion']!;
    // Backing down keeps less, and war forfeits less, when the offers may lapse.
    expect(scoreAction(sc, shaky, russia, pullback, null)).toBeLessThan(
      scoreAction(sc, firm, russia, pullback, null),
    );
    expect(scoreAction(sc, shaky, russia, invasion, null)).toBeGreaterThan(
      scoreAction(sc, firm, russia, invasion, null),
    );
  });
});

describe('the validator holds commitments to their effects', () => {
  const current = () => scenarioData();
  const indexOf = (s: Scenario, id: string) => s.actions.findIndex((a) => a.id === id);

  it('refuses a political action none of whose effects lapses, naming the field', () => {
    const s = current();
    const i = indexOf(s, 'us.defensiveAid');
    s.actions[i]!.commitment = 'political';
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(`actions[${i}].commitment`);
  });

  it('refuses a binding action with an effect that lapses', () => {
    const s = current();
    const i = indexOf(s, 'ukraine.donbasLawGesture');
    s.actions[i]!.commitment = 'binding';
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
  });

  it('warns when a lapsing effect is on a variable that drifts back by itself', () => {
    const s = current();
    const i = indexOf(s, 'us.writtenResponse');
    s.actions[i]!.commitment = 'political';
    const channel = s.actions[i]!.effects.find((e) => 'var' in e && e.var === 'channelHealth')!;
    Object.assign(channel, { holds: 2 });
    const result = validateScenario(s);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect((result.warnings ?? []).map((w) => w.message).join('\n')).toMatch(/drifts/);
  });
});
