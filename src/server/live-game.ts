// One live class's game, without the network: the project's own reducer, the record it keeps, and
// what is public. The game is the server's own, changed in place by the core's plain reducer (no
// copy of the state for each order, as the immutable reducer makes): `state` is the live game,
// with the orders accepted this turn, which stay on the server until the turn resolves; the
// committed game, what every seat may see, is the record up to the last resolved turn and its hash.
import {
  createGame,
  hashState,
  reducePlain,
  replay,
  startSession,
  whatIfVariant,
  formatFaults,
  type CompiledScenario,
  type GameRecord,
  type GameState,
  type Order,
  type OrderError,
} from '../sim';
import { validateOrder } from '../sim/orders';

export interface Resolution {
  turn: number;
  orders: Order[];
  hash: string;
  /** Roles that had given no orders: the server gave none for them so the turn could resolve. */
  defaulted: string[];
}

/** A record without its orders and final hash: what a game is started from. */
type RecordHead = Omit<GameRecord, 'orders' | 'finalHash'>;

export class LiveGame {
  /** The orders of the record up to the last resolved turn (the rest are this turn's). */
  private committed: number;

  private constructor(
    readonly sc: CompiledScenario,
    private readonly head: RecordHead,
    /** The live game, changed in place by each order accepted. */
    private live: GameState,
    /** Every order accepted, the committed ones first. */
    private readonly orders: Order[],
    /** The hash of the committed game, computed once per resolution. */
    private committedHash: string,
  ) {
    this.committed = orders.length;
  }

  static start(
    sc: CompiledScenario,
    seed: string,
    humans: readonly string[],
    clock?: number,
  ): LiveGame {
    const { state, record } = startSession(sc, seed, humans, clock);
    const { orders: _none, ...head } = record;
    return new LiveGame(sc, head, state, [], hashState(state));
  }

  /** The game a saved record reached; an error if it does not replay with this scenario. */
  static resume(base: CompiledScenario, record: GameRecord): LiveGame | string {
    const variant = whatIfVariant(base, record.whatIf);
    if (!variant.ok) return formatFaults(variant.errors);
    const replayed = replay(base, record, { plain: true });
    if (!replayed.ok) return formatFaults(replayed.errors);
    const { finalHash: _hash, orders, ...head } = record;
    return new LiveGame(
      variant.value,
      head,
      replayed.value.state,
      [...orders],
      replayed.value.hash,
    );
  }

  get state(): GameState {
    return this.live;
  }

  get turn(): number {
    return this.live.turn;
  }

  get over(): boolean {
    return this.live.phase === 'over';
  }

  /** The hash of the game after the last resolved turn. */
  get hash(): string {
    return this.committedHash;
  }

  /** The record of the resolved turns, with their final hash: what anyone may have. */
  record(): GameRecord {
    return {
      ...this.head,
      orders: this.orders.slice(0, this.committed),
      finalHash: this.committedHash,
    };
  }

  submitted(role: string): { actions: string[]; rationale?: string } | null {
    return this.live.submitted[role] ?? null;
  }

  /** The order's error, or null once it is applied and kept for the record. */
  give(order: Order): OrderError | null {
    const error = reducePlain(this.sc, this.live, order);
    if (!error) this.orders.push(order);
    return error;
  }

  /** The order's error if it were given now, without giving it. */
  check(order: Order): OrderError | null {
    return validateOrder(this.sc, this.live, order);
  }

  /** Whether every role played by people has its orders in. */
  allSubmitted(): boolean {
    return this.live.humans.every((role) => this.live.submitted[role] !== undefined);
  }

  /**
   * Resolves the turn now: roles still without orders give none (an order in the record, so the
   * replay stays exact), then the turn ends. The game after it is the new committed game.
   */
  resolve(): Resolution {
    const turn = this.turn;
    const defaulted = this.live.humans.filter((role) => this.live.submitted[role] === undefined);
    for (const role of defaulted) {
      const error = this.give({ type: 'orders/submitted', role, actions: [] });
      if (error) throw new Error(`no orders for ${role} were refused: ${error.message}`);
    }
    const error = this.give({ type: 'turn/ended' });
    if (error) throw new Error(`the turn could not end: ${error.message}`);
    const orders = this.orders.slice(this.committed);
    this.committed = this.orders.length;
    this.committedHash = hashState(this.live);
    return { turn, orders, hash: this.committedHash, defaulted };
  }

  /**
   * Forgets the orders of the turn in progress (the teacher ended the game before it resolved):
   * the committed game is played again from its start (once a class, so no copy is kept).
   */
  dropTurn(): void {
    this.orders.length = this.committed;
    const { seed, humans, scenario } = this.head;
    const state = createGame(this.sc, { seed, humans, version: scenario.version });
    for (const order of this.orders) {
      const error = reducePlain(this.sc, state, order);
      if (error) throw new Error(`the committed game does not play again: ${error.message}`);
    }
    this.live = state;
  }
}
