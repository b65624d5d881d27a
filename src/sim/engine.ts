// The reducer. One small handler per order type, run either inside immer's `produce` (the default,
// for the game and replays) or directly on a plain copy of the state (for batch runs): the same
// handlers, the same results.
import { produce } from 'immer';
import { drawEstimates, drawHiddenIntent } from './intel';
import { validateOrder } from './orders';
import { resolveTurn } from './resolve/turn';
import { restoreRng, seedRng } from './rng';
import type { CompiledScenario } from './scenario/compile';
import type { GameState, Order, OrderError, ReduceResult } from './state';
import { loadWork, storeWork, type Work } from './work';

export interface NewGameOptions {
  seed: string;
  /** Roles played by people (or scripted bots); every other role is played by the AI. */
  humans: readonly string[];
  /**
   * The scenario version the game is played under: a record of an earlier, compatible version
   * replays under this scenario with its own version in the state. Default: this scenario's.
   */
  version?: string;
}

export function createGame(sc: CompiledScenario, options: NewGameOptions): GameState {
  const rng = restoreRng(seedRng(options.seed));
  const hidden = drawHiddenIntent(sc, rng);
  const intel = drawEstimates(sc, hidden, rng);
  const vars = { ...sc.tables.initialVars };
  const capital: Record<string, number> = {};
  for (const role of sc.scenario.roles) capital[role.id] = role.capital.start;
  return {
    scenario: { id: sc.scenario.id, version: options.version ?? sc.scenario.version },
    seed: options.seed,
    turn: 1,
    phase: 'orders',
    // Only playable roles can be human; the others are always the AI's.
    humans: sc.roleOrder.filter((r) => options.humans.includes(r) && sc.roles[r]!.playable),
    rng: rng.state(),
    vars,
    capital,
    hidden,
    intel,
    submitted: {},
    injected: [],
    pending: [],
    redLines: [],
    taken: idRecord(),
    happened: idRecord(),
    reports: [],
    disputes: [],
    ending: null,
    // Only when switched, so games of the model as built keep the state (and hash) they had.
    ...(Object.keys(sc.whatIf).length > 0 ? { whatIf: { ...sc.whatIf } } : {}),
  };
}

/**
 * An empty object that ids will be added to in whatever order a game takes them (`taken`,
 * `happened`). Built and emptied so, V8 keeps it as a hash table from the start: added to key by
 * key in ever new orders, a plain `{}` gets a new hidden class for each, which costs far more.
 */
function idRecord(): Record<string, number> {
  const record: Record<string, number> = { first: 0, second: 0 };
  delete record.first;
  delete record.second;
  return record;
}

/**
 * Applies a valid order to `state`, which may be an immer draft or a plain object it owns; `work`,
 * when given, is the working form of a plain `state` kept between turns (see plainGame).
 */
function apply(sc: CompiledScenario, state: GameState, order: Order, work?: Work): void {
  switch (order.type) {
    case 'orders/submitted':
      state.submitted[order.role] = {
        actions: [...order.actions],
        ...(order.rationale ? { rationale: order.rationale } : {}),
      };
      return;
    case 'facilitator/eventInjected':
      state.injected.push(order.event);
      return;
    case 'orders/disputed':
      state.disputes.push({
        turn: state.turn,
        role: order.role,
        actions: [...order.actions],
        ...(order.note ? { note: order.note } : {}),
      });
      return;
    case 'turn/ended': {
      const rng = restoreRng(state.rng);
      resolveTurn(sc, state, rng, work);
      state.rng = rng.state();
      return;
    }
  }
}

/** The next state, or the same state and a typed error for an illegal order. Never throws for bad orders. */
export function reduce(sc: CompiledScenario, state: GameState, order: Order): ReduceResult {
  const error = validateOrder(sc, state, order);
  if (error) return { state, error };
  return { state: produce(state, (draft) => apply(sc, draft as GameState, order)), error: null };
}

/**
 * The same handlers on a plain, mutable state: `state` is changed in place. For batch runs that
 * own their state; an illegal order leaves it untouched.
 */
export function reducePlain(
  sc: CompiledScenario,
  state: GameState,
  order: Order,
): OrderError | null {
  const error = validateOrder(sc, state, order);
  if (!error) apply(sc, state, order);
  return error;
}

export interface PlainGameOptions {
  /**
   * The caller reads `state` only once the game is over (an AI-only batch game): the working form
   * is written back into it then, not at the end of every turn.
   */
  readonly readAtEnd?: boolean;
}

/**
 * `reducePlain` for code that owns `state` and changes it only through the function returned
 * (batch runs, luck or choice): the working form of the state is read once and kept between turns,
 * written back into `state` at the end of each (or, with `readAtEnd`, of the game), instead of
 * being read from it again every turn.
 */
export function plainGame(
  sc: CompiledScenario,
  state: GameState,
  options: PlainGameOptions = {},
): (order: Order) => OrderError | null {
  const work = loadWork(sc, state);
  return (order) => {
    // Checking any other order reads the numbers from the JSON state.
    if (order.type !== 'turn/ended') storeWork(work);
    const error = validateOrder(sc, state, order);
    if (!error) apply(sc, state, order, work);
    if (!options.readAtEnd || state.phase !== 'orders') storeWork(work);
    return error;
  };
}

/** A copy of a state that batch code may mutate (the state itself may be frozen by immer). */
export function thaw(state: GameState): GameState {
  return JSON.parse(JSON.stringify(state)) as GameState;
}

export interface Engine {
  readonly sc: CompiledScenario;
  newGame(options: NewGameOptions): GameState;
  reduce(state: GameState, order: Order): ReduceResult;
  reducePlain(state: GameState, order: Order): OrderError | null;
}

export function createEngine(sc: CompiledScenario): Engine {
  return {
    sc,
    newGame: (options) => createGame(sc, options),
    reduce: (state, order) => reduce(sc, state, order),
    reducePlain: (state, order) => reducePlain(sc, state, order),
  };
}
