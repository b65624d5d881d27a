// One live class's game, without the network: the project's own reducer, the record it keeps, and
// what is public. `committed` is the game after the last resolved turn (what every seat may see);
// `live` adds the orders accepted this turn, which stay on the server until the turn resolves.
import {
  dispatch,
  hashState,
  replay,
  startSession,
  whatIfVariant,
  formatFaults,
  type CompiledScenario,
  type GameRecord,
  type Order,
  type OrderError,
  type Session,
} from '../sim';

export interface Resolution {
  turn: number;
  orders: Order[];
  hash: string;
  /** Roles that had given no orders: the server gave none for them so the turn could resolve. */
  defaulted: string[];
}

export class LiveGame {
  private constructor(
    readonly sc: CompiledScenario,
    private committedSession: Session,
    private liveSession: Session,
  ) {}

  static start(
    sc: CompiledScenario,
    seed: string,
    humans: readonly string[],
    clock?: number,
  ): LiveGame {
    const session = startSession(sc, seed, humans, clock);
    return new LiveGame(sc, session, session);
  }

  /** The game a saved record reached; an error if it does not replay with this scenario. */
  static resume(base: CompiledScenario, record: GameRecord): LiveGame | string {
    const variant = whatIfVariant(base, record.whatIf);
    if (!variant.ok) return formatFaults(variant.errors);
    const replayed = replay(base, record);
    if (!replayed.ok) return formatFaults(replayed.errors);
    const { finalHash: _hash, ...rest } = record;
    const session: Session = { state: replayed.value.state, record: rest };
    return new LiveGame(variant.value, session, session);
  }

  get state() {
    return this.liveSession.state;
  }

  get turn(): number {
    return this.liveSession.state.turn;
  }

  get over(): boolean {
    return this.liveSession.state.phase === 'over';
  }

  /** The committed game whose hash `committedHash` is (hashing a state is the costliest step here). */
  private hashed: Session | null = null;
  private committedHash = '';

  /** The hash of the game after the last resolved turn, computed once per resolution. */
  get hash(): string {
    if (this.hashed !== this.committedSession) {
      this.committedHash = hashState(this.committedSession.state);
      this.hashed = this.committedSession;
    }
    return this.committedHash;
  }

  /** The record of the resolved turns, with their final hash: what anyone may have. */
  record(): GameRecord {
    // finishedRecord's form, with the hash computed once per resolution instead of at each call.
    return { ...this.committedSession.record, finalHash: this.hash };
  }

  submitted(role: string): { actions: string[]; rationale?: string } | null {
    return this.liveSession.state.submitted[role] ?? null;
  }

  /** The order's error, or null once it is applied and kept for the record. */
  give(order: Order): OrderError | null {
    const result = dispatch(this.sc, this.liveSession, order);
    if (!result.error) this.liveSession = result.session;
    return result.error;
  }

  /** The order's error if it were given now, without giving it. */
  check(order: Order): OrderError | null {
    return dispatch(this.sc, this.liveSession, order).error;
  }

  /** Whether every role played by people has its orders in. */
  allSubmitted(): boolean {
    return this.state.humans.every((role) => this.state.submitted[role] !== undefined);
  }

  /**
   * Resolves the turn now: roles still without orders give none (an order in the record, so the
   * replay stays exact), then the turn ends. The game after it is the new committed game.
   */
  resolve(): Resolution {
    const turn = this.turn;
    const defaulted = this.state.humans.filter((role) => this.state.submitted[role] === undefined);
    for (const role of defaulted) {
      const error = this.give({ type: 'orders/submitted', role, actions: [] });
      if (error) throw new Error(`no orders for ${role} were refused: ${error.message}`);
    }
    const error = this.give({ type: 'turn/ended' });
    if (error) throw new Error(`the turn could not end: ${error.message}`);
    const orders = this.liveSession.record.orders.slice(this.committedSession.record.orders.length);
    this.committedSession = this.liveSession;
    return { turn, orders, hash: this.hash, defaulted };
  }

  /** Forgets the orders of the turn in progress (the teacher ended the game before it resolved). */
  dropTurn(): void {
    this.liveSession = this.committedSession;
  }
}
