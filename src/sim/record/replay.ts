// A replay is the initial state plus the order log folded through the same reducer.
import { createGame, reduce, reducePlain } from '../engine';
import type { Result } from '../result';
import type { CompiledScenario } from '../scenario/compile';
import { whatIfVariant } from '../scenario/what-if';
import type { GameState, Order, OrderError } from '../state';
import { hashState, hashStateV1 } from '../state-hash';
import { RECORD_FORMAT, type GameRecord } from './types';

/** Where a game of an earlier scenario version can still be replayed. */
export const EARLIER_VERSIONS =
  'Games of earlier versions still replay in the class view (class.html), on the printed report page and with `brink replay`.';

/** A live game: its state and the record that reproduces it. */
export interface Session {
  readonly state: GameState;
  readonly record: GameRecord;
}

export function startSession(
  sc: CompiledScenario,
  seed: string,
  humans: readonly string[],
  /** Minutes a turn on the class clock, when the game is played under one. */
  clock?: number,
): Session {
  const state = createGame(sc, { seed, humans });
  const record: GameRecord = {
    format: RECORD_FORMAT,
    scenario: { id: sc.scenario.id, version: sc.scenario.version, hash: sc.hash },
    seed,
    humans: [...state.humans],
    orders: [],
    ...(clock ? { clock } : {}),
    ...(state.whatIf ? { whatIf: { ...state.whatIf } } : {}),
  };
  return { state, record };
}

/** Applies an order; an accepted order is appended to the record, a rejected one changes nothing. */
export function dispatch(
  sc: CompiledScenario,
  session: Session,
  order: Order,
): { session: Session; error: OrderError | null } {
  const { state, error } = reduce(sc, session.state, order);
  if (error) return { session, error };
  return {
    session: { state, record: { ...session.record, orders: [...session.record.orders, order] } },
    error: null,
  };
}

/** The record of a finished (or paused) game, with the hash of its state for others to check. */
export function finishedRecord(session: Session): GameRecord {
  return { ...session.record, finalHash: hashState(session.state) };
}

export interface ReplayResult {
  state: GameState;
  hash: string;
  /**
   * What the record's own final hash was found to be: none carried, this state's hash, or its hash
   * by the first definition (records and links made before 30 November 2026; see state-hash.ts).
   */
  claim: 'none' | 'matches' | 'matchesEarlier';
}

export function describeOrder(order: Order, index: number): string {
  switch (order.type) {
    case 'orders/submitted':
      return `order ${index + 1} (orders of ${order.role}: ${order.actions.join(', ') || 'none'})`;
    case 'orders/disputed':
      return `order ${index + 1} (disputed orders of ${order.role})`;
    case 'turn/ended':
      return `order ${index + 1} (end of turn)`;
    case 'facilitator/eventInjected':
      return `order ${index + 1} (facilitator injects ${order.event})`;
  }
}

/**
 * Replays a parsed record against a scenario and verifies it. `plain` folds the orders on a plain
 * mutable state (fast, for batch work); the default goes through immer like the live game.
 */
export function replay(
  scenario: CompiledScenario,
  record: GameRecord,
  options: { plain?: boolean } = {},
): Result<ReplayResult> {
  const fail = (path: string, message: string): Result<ReplayResult> => ({
    ok: false,
    errors: [{ path, message }],
  });
  const s = scenario.scenario;
  if (record.scenario.id !== s.id) {
    return fail(
      'scenario.id',
      `This record was played in scenario "${record.scenario.id}", not "${s.id}".`,
    );
  }
  if (!scenario.hashes.includes(record.scenario.hash)) {
    return fail(
      'scenario.hash',
      `This record was made with ${record.scenario.id} version ${record.scenario.version} (content hash ${record.scenario.hash}); ` +
        `the scenario here is version ${s.version} (hash ${scenario.hash}). A game can only be reproduced with the scenario it was played in. ${EARLIER_VERSIONS}`,
    );
  }
  const variant = whatIfVariant(scenario, record.whatIf);
  if (!variant.ok) return variant;
  const sc = variant.value;
  const unknown = record.humans.filter((h) => !sc.roles[h]);
  if (unknown.length > 0)
    return fail('humans', `Unknown role(s) in this scenario: ${unknown.join(', ')}.`);
  const notPlayable = record.humans.filter((h) => !sc.roles[h]!.playable);
  if (notPlayable.length > 0)
    return fail('humans', `Role(s) that only the computer plays: ${notPlayable.join(', ')}.`);

  let state = createGame(sc, {
    seed: record.seed,
    humans: record.humans,
    version: record.scenario.version,
  });
  for (let i = 0; i < record.orders.length; i++) {
    const order = record.orders[i]!;
    let error: OrderError | null;
    if (options.plain) {
      error = reducePlain(sc, state, order);
    } else {
      const result = reduce(sc, state, order);
      state = result.state;
      error = result.error;
    }
    if (error) {
      return fail(
        `orders[${i}]`,
        `The replay stops at ${describeOrder(order, i)}, on turn ${state.turn}: ${error.message} ` +
          'The record has been altered or was made with other rules.',
      );
    }
  }
  const hash = hashState(state);
  const claim =
    record.finalHash === undefined
      ? 'none'
      : record.finalHash === hash
        ? 'matches'
        : record.finalHash === hashStateV1(state)
          ? 'matchesEarlier'
          : null;
  if (claim === null) {
    return fail(
      'finalHash',
      `The replayed game ends with hash ${hash}, but the record claims ${record.finalHash}: ` +
        'the record has been altered, or was made by a different version of the rules.',
    );
  }
  return { ok: true, value: { state, hash, claim } };
}

/** Where a replay stands after a number of resolved turns: the state and the orders that led there. */
export interface ReplayPoint {
  state: GameState;
  orders: Order[];
}

/**
 * The state after `turns` resolved turns of a recorded game (0 = the start), for stepping through
 * it and branching from it. Orders given for the next turn are not applied.
 */
export function replayTo(
  scenario: CompiledScenario,
  record: GameRecord,
  turns: number,
): Result<ReplayPoint> {
  const variant = whatIfVariant(scenario, record.whatIf);
  if (!variant.ok) return variant;
  const sc = variant.value;
  let state = createGame(sc, {
    seed: record.seed,
    humans: record.humans,
    version: record.scenario.version,
  });
  const orders: Order[] = [];
  let resolved = 0;
  for (let i = 0; i < record.orders.length && resolved < turns; i++) {
    const order = record.orders[i]!;
    const result = reduce(sc, state, order);
    if (result.error) {
      return { ok: false, errors: [{ path: `orders[${i}]`, message: result.error.message }] };
    }
    state = result.state;
    orders.push(order);
    if (order.type === 'turn/ended') resolved++;
  }
  return { ok: true, value: { state, orders } };
}

/** A new game that starts where a recorded one stood after `turns` turns; it names its parent. */
export function branchRecord(
  sc: CompiledScenario,
  record: GameRecord,
  turns: number,
): Result<Session> {
  const point = replayTo(sc, record, turns);
  if (!point.ok) return point;
  // The parent is named by its hash as this version computes it (its record may carry the first
  // definition's), so the branch names the game the viewer shows.
  const parent = replay(sc, record, { plain: true });
  const hash = parent.ok ? parent.value.hash : (record.finalHash ?? '');
  const { finalHash: _unused, parent: _parent, ...rest } = record;
  return {
    ok: true,
    value: {
      state: point.value.state,
      record: { ...rest, orders: point.value.orders, parent: { hash, turn: turns } },
    },
  };
}
