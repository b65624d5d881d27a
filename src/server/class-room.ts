// The live class: a Colyseus room that runs the project's own reducer for one game. Seats are the
// server's: a message's role is its sender's seat's, never the message's. The protocol (options,
// messages, state, refusals) is described in src/browser/live-protocol.ts; the game and its
// record in live-game.ts. The turn clock lives here, in the room, so the core stays pure.
import { matchMaker, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { encodeRecord, type GameRecord, type Order } from '../sim';
import {
  JOIN_REFUSALS,
  MAX_EXTEND_SECONDS,
  MAX_MESSAGE_CHARS,
  MAX_NAME,
  MESSAGE_BURST,
  MESSAGES_PER_SECOND,
  PROJECTOR_SEAT,
  RECONNECT_SECONDS,
  ROOM_NAME,
  TEACHER_SEAT,
  TEACHER_MESSAGE_TYPES,
  normaliseClassCode,
  type ClassPhase,
  type JoinRefusal,
  type Proposal,
  type Rejection,
  type ServerMessages,
  type ServerMessageType,
  type TurnResolved,
  type Welcome,
} from '../browser/live-protocol';
import { ClassState, SeatState } from './class-state';
import { isClassCode, newClassCode, newTeacherToken, tokenHash, tokenMatches } from './codes';
import { LiveGame } from './live-game';
import { RateLimit } from './rate-limit';
import { shippedScenario } from './scenarios';
import { parseCreateOptions, seatsOf, type RoomSetup } from './setup';
import type { RoomStore } from './store';

/** What every process's matchmaker can read about a class, to refuse a join before it connects. */
interface ClassMetadata {
  seats: string[];
  taken: string[];
  teacherTokenHash: string;
}

/** What static onAuth found out, handed to onJoin (it crosses processes as JSON). */
interface Admission {
  seat: string;
  name: string;
  /** Admitted by its create (or resume) options: only the room's first client may be that. */
  creator?: true;
}

interface Occupant {
  seat: string;
  /** The seat's role; null for the teacher and projectors. */
  role: string | null;
  partner: 0 | 1 | 2;
  limit: RateLimit;
  /** Told it is sending too fast; further messages are dropped unanswered until one gets in. */
  throttled: boolean;
}

export interface ClassServices {
  store: RoomStore;
  /** Where the server's own messages go (a room saved, a save that failed). */
  log: (line: string) => void;
}

function refuse(reason: JoinRefusal, message: string): never {
  throw new ServerError(JOIN_REFUSALS[reason], message);
}

const cleanName = (value: unknown): string =>
  typeof value === 'string'
    ? value
        .replace(/[\p{Cc}\p{Cf}]/gu, '')
        .trim()
        .slice(0, MAX_NAME)
    : '';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The room type, bound to where its records are kept (static onAuth has no instance to ask). */
export function classRoomType(services: ClassServices): typeof ClassRoom {
  return class extends ClassRoom {
    static override services = services;
  };
}

export class ClassRoom extends Room<ClassState, ClassMetadata> {
  static services: ClassServices;

  private setup!: RoomSetup;
  private game!: LiveGame;
  private readonly occupants = new Map<string, Occupant>();
  /** Dyads: the proposal waiting for the partner's answer, by role. */
  private readonly proposals = new Map<string, Proposal>();
  /** The teacher token, only until the creator has been welcomed. */
  private newToken: string | null = null;
  private creatorJoined = false;
  private saving: Promise<void> = Promise.resolve();
  /** A resolved turn (or the end) is being saved before the pages hear of it. */
  private resolving = false;
  /** The record as the pages know it: the game up to the last resolution they were told of. */
  private published!: GameRecord;

  private get services(): ClassServices {
    return (this.constructor as typeof ClassRoom).services;
  }

  // ------------------------------------------------------------------------------------------
  // Matchmaking: who may come in, decided before the WebSocket opens

  static override async onAuth(
    this: typeof ClassRoom,
    _token: string,
    options: unknown,
    _context: AuthContext,
  ): Promise<Admission> {
    const o = isRecord(options) ? options : {};
    if (o.code === undefined) return this.admitCreator(o);
    const code = typeof o.code === 'string' ? normaliseClassCode(o.code) : '';
    // Matchmaking then looks the room up by these same options: the code as typed ("abc de")
    // must find it too.
    if (isRecord(options)) options.code = code;
    if (!isClassCode(code))
      refuse(
        'noSuchClass',
        'That is not a class code: it has 5 letters and digits, as on the projector.',
      );
    const listing = await matchMaker.getRoomById(code);
    if (!listing || listing.name !== ROOM_NAME)
      refuse(
        'noSuchClass',
        `No class has the code ${code} on this server. Check the code on the projector.`,
      );
    const meta = listing.metadata as ClassMetadata;
    const seat = typeof o.seat === 'string' ? o.seat : '';
    const name = cleanName(o.name);
    if (seat === PROJECTOR_SEAT) return { seat, name };
    if (seat === TEACHER_SEAT) {
      if (!tokenMatches(o.teacherToken, meta.teacherTokenHash))
        refuse('notTeacher', "The teacher's seat needs the teacher token of this class.");
      return { seat, name };
    }
    if (!meta.seats.includes(seat))
      refuse(
        'noSuchSeat',
        `Class ${code} has no seat "${seat.slice(0, 40)}"; its seats are ${meta.seats.join(', ')}.`,
      );
    if (meta.taken.includes(seat)) refuse('seatTaken', takenMessage(seat));
    return { seat, name };
  }

  private static async admitCreator(
    this: typeof ClassRoom,
    o: Record<string, unknown>,
  ): Promise<Admission> {
    if (o.resumeFrom === undefined) {
      const parsed = parseCreateOptions(o);
      if (!parsed.ok) refuse('badOptions', parsed.message);
      return { seat: TEACHER_SEAT, name: '', creator: true };
    }
    const code = typeof o.resumeFrom === 'string' ? normaliseClassCode(o.resumeFrom) : '';
    if (!isClassCode(code))
      refuse('noSuchClass', 'resumeFrom must be a class code of 5 letters and digits.');
    if (await matchMaker.getRoomById(code))
      refuse(
        'badOptions',
        `Class ${code} is still running: join it with the teacher token instead.`,
      );
    const saved = await this.services.store.load(code);
    if (!saved)
      refuse('noSuchClass', `No saved class has the code ${code} in ${this.services.store.where}.`);
    if (!tokenMatches(o.teacherToken, saved.setup.teacherTokenHash))
      refuse(
        'notTeacher',
        `Only the teacher of class ${code} can resume it: the teacher token does not match.`,
      );
    return { seat: TEACHER_SEAT, name: '', creator: true };
  }

  // ------------------------------------------------------------------------------------------
  // Creating or resuming

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    if (options.resumeFrom !== undefined)
      await this.resume(normaliseClassCode(String(options.resumeFrom)));
    else await this.create(options);
    this.roomId = this.setup.code;
    this.listing.code = this.setup.code;
    const state = new ClassState();
    state.code = this.setup.code;
    state.scenario = this.setup.scenario;
    state.seed = this.setup.seed;
    state.turnSeconds = this.setup.turnSeconds;
    state.secondsLeft = this.setup.turnSeconds;
    // The clock waits for the teacher: students are still finding their seats.
    state.paused = true;
    state.teacherConnected = false;
    state.projectors = 0;
    if (this.setup.ended) state.phase = 'ended';
    for (const plan of seatsOf(this.setup)) {
      state.seats.set(
        plan.seat,
        new SeatState({
          ...plan,
          taken: false,
          connected: false,
          name: '',
          submitted: false,
          proposed: false,
        }),
      );
    }
    this.setState(state);
    this.published = this.game.record();
    this.showGame();
    await this.setMetadata({
      seats: seatsOf(this.setup).map((s) => s.seat),
      taken: [],
      teacherTokenHash: this.setup.teacherTokenHash,
    });
    this.clock.setInterval(() => this.tick(), 1000);
    this.onMessage('*', (client, type, message) => this.receive(client, String(type), message));
  }

  private async create(options: Record<string, unknown>): Promise<void> {
    const parsed = parseCreateOptions(options);
    if (!parsed.ok) refuse('badOptions', parsed.message);
    if (options.code !== undefined)
      refuse('badOptions', 'A new class gets its code from the server.');
    const code = await this.freeCode();
    this.newToken = newTeacherToken();
    this.setup = { ...parsed.value, code, teacherTokenHash: tokenHash(this.newToken) };
    const minutes = this.setup.turnSeconds / 60;
    this.game = LiveGame.start(
      parsed.sc,
      this.setup.seed,
      this.setup.roles,
      Number.isInteger(minutes) && minutes > 0 ? minutes : undefined,
    );
    await this.services.store.save(code, this.game.record(), this.setup);
  }

  private async resume(code: string): Promise<void> {
    const saved = await this.services.store.load(code);
    if (!saved) refuse('noSuchClass', `No saved class has the code ${code}.`);
    const { record, setup } = saved;
    const base = shippedScenario(record.scenario.id, record.scenario.hash);
    if (!base)
      refuse(
        'badOptions',
        `Class ${code} was played with ${record.scenario.id} ${record.scenario.version}, which this server does not have.`,
      );
    const game = LiveGame.resume(base, record);
    if (typeof game === 'string')
      refuse('badOptions', `The record of class ${code} does not replay: ${game}`);
    this.setup = setup;
    this.game = game;
    this.services.log(
      `class ${code} resumed at turn ${game.turn} from ${this.services.store.where}`,
    );
  }

  /** A code no running class and no saved class has. */
  private async freeCode(): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = newClassCode();
      if (!(await matchMaker.getRoomById(code)) && !(await this.services.store.load(code)))
        return code;
    }
    refuse('badOptions', 'No free class code could be found; try again.');
  }

  // ------------------------------------------------------------------------------------------
  // Seats

  override async onJoin(client: Client, _options: unknown, admission: Admission): Promise<void> {
    const { seat, name } = admission;
    // Create options passed to a join of an existing room (joinById) must not seat a teacher.
    if (admission.creator) {
      if (this.creatorJoined)
        refuse('notTeacher', "The teacher's seat needs the teacher token of this class.");
      this.creatorJoined = true;
    }
    const plan = seatsOf(this.setup).find((s) => s.seat === seat);
    // Another join may have taken the seat between its matchmaking and this one.
    if (plan && this.state.seats.get(seat)?.taken) refuse('seatTaken', takenMessage(seat));
    this.occupants.set(client.sessionId, {
      seat,
      role: plan?.role ?? null,
      partner: plan?.partner ?? 0,
      limit: new RateLimit(MESSAGE_BURST, MESSAGES_PER_SECOND, Date.now()),
      throttled: false,
    });
    if (plan) {
      const view = this.state.seats.get(seat)!;
      view.taken = true;
      view.name = name;
      await this.publishTaken();
    }
    this.seatConnected(seat, true);
    this.welcome(client);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const occupant = this.occupants.get(client.sessionId);
    if (!occupant) return;
    this.seatConnected(occupant.seat, false);
    if (!consented) {
      try {
        const back = await this.allowReconnection(client, RECONNECT_SECONDS);
        this.seatConnected(occupant.seat, true);
        // It may have missed a resolution while away: the welcome is the whole picture again.
        this.welcome(back);
        return;
      } catch {
        // Not back in time: the seat is free again.
      }
    }
    this.occupants.delete(client.sessionId);
    const view = this.state.seats.get(occupant.seat);
    if (view && occupant.role) {
      view.taken = false;
      view.name = '';
      await this.publishTaken();
    }
  }

  override async onDispose(): Promise<void> {
    await this.saving;
  }

  private seatConnected(seat: string, connected: boolean): void {
    const view = this.state.seats.get(seat);
    if (view) view.connected = connected;
    // The leaving client is already out of `clients`; a joining one is already in.
    const count = (which: string) =>
      this.clients.filter((c) => this.occupants.get(c.sessionId)?.seat === which).length;
    this.state.teacherConnected = count(TEACHER_SEAT) > 0;
    this.state.projectors = count(PROJECTOR_SEAT);
  }

  private async publishTaken(): Promise<void> {
    const taken = [...this.state.seats.values()].filter((s) => s.taken).map((s) => s.seat);
    await this.setMetadata({ taken });
  }

  private welcome(client: Client): void {
    const occupant = this.occupants.get(client.sessionId)!;
    const token = occupant.seat === TEACHER_SEAT ? this.newToken : null;
    if (token) this.newToken = null;
    const role = occupant.role;
    const welcome: Welcome = {
      code: this.setup.code,
      seat: occupant.seat,
      role,
      partner: occupant.partner,
      ...(token ? { teacherToken: token } : {}),
      record: this.published,
      mine: role ? this.game.submitted(role) : null,
      proposal: role ? (this.proposals.get(role) ?? null) : null,
    };
    this.tell(client, 'welcome', welcome);
  }

  // ------------------------------------------------------------------------------------------
  // Messages

  private tell<T extends ServerMessageType>(
    client: Client,
    type: T,
    body: ServerMessages[T],
  ): void {
    client.send(type, body);
  }

  private reject(client: Client, request: string, code: Rejection['code'], message: string): void {
    this.tell(client, 'rejected', { request: request.slice(0, 40), code, message });
  }

  private receive(client: Client, type: string, message: unknown): void {
    const occupant = this.occupants.get(client.sessionId);
    if (!occupant) return;
    if (!occupant.limit.take(Date.now())) {
      if (!occupant.throttled)
        this.reject(
          client,
          type,
          'live/rateLimited',
          'Too many messages: wait a moment and try again.',
        );
      occupant.throttled = true;
      return;
    }
    occupant.throttled = false;
    const size = JSON.stringify(message ?? null)?.length ?? 0;
    if (size > MAX_MESSAGE_CHARS)
      return this.reject(
        client,
        type,
        'live/tooLarge',
        `That message is too long (at most ${MAX_MESSAGE_CHARS} characters).`,
      );
    const body = message === undefined ? {} : message;
    if (!isRecord(body))
      return this.reject(client, type, 'live/malformed', 'A message must be an object.');
    if ((TEACHER_MESSAGE_TYPES as readonly string[]).includes(type)) {
      if (occupant.seat !== TEACHER_SEAT)
        return this.reject(client, type, 'live/notTeacher', 'Only the teacher can do that.');
      return this.teacherCommand(client, type as (typeof TEACHER_MESSAGE_TYPES)[number], body);
    }
    switch (type) {
      case 'record':
        return this.sendRecord(client);
      case 'sync':
        return this.welcome(client);
      case 'submit':
      case 'propose':
      case 'confirm':
      case 'refuse':
        return this.seatCommand(client, occupant, type, body);
      default:
        return this.reject(
          client,
          type,
          'live/malformed',
          `Unknown message type "${type.slice(0, 40)}".`,
        );
    }
  }

  private sendRecord(client: Client): void {
    const record = this.published;
    this.tell(client, 'record', { record, link: encodeRecord(this.game.sc, record) });
  }

  private seatCommand(
    client: Client,
    occupant: Occupant,
    type: 'submit' | 'propose' | 'confirm' | 'refuse',
    body: Record<string, unknown>,
  ): void {
    const role = occupant.role;
    if (!role)
      return this.reject(client, type, 'live/noRole', 'This seat has no role to give orders for.');
    if (body.role !== undefined && body.role !== role)
      return this.reject(
        client,
        type,
        'live/notYourRole',
        `This seat plays ${this.roleName(role)}; it cannot give orders for another role.`,
      );
    if (this.phase !== 'orders')
      return this.reject(
        client,
        type,
        'live/wrongPhase',
        'The game is over; no more orders can be given.',
      );
    if (this.resolving)
      return this.reject(client, type, 'live/wrongPhase', 'The turn is resolving: wait a moment.');
    if (this.game.submitted(role))
      return this.reject(
        client,
        type,
        'live/alreadySubmitted',
        `${this.roleName(role)} has already given its orders this turn.`,
      );
    const dyad = occupant.partner !== 0;
    if (type === 'submit' && dyad)
      return this.reject(
        client,
        type,
        'live/isDyad',
        'This seat shares its role: propose the orders, and the partner confirms them.',
      );
    if (type !== 'submit' && !dyad)
      return this.reject(
        client,
        type,
        'live/notDyad',
        'This seat plays its role alone: submit the orders.',
      );
    if (type === 'submit' || type === 'propose') {
      const orders = ordersIn(body);
      if (!orders)
        return this.reject(
          client,
          type,
          'live/malformed',
          'Orders need a list of action ids and, at most, a rationale.',
        );
      const order: Order = { type: 'orders/submitted', role, ...orders };
      if (type === 'propose') return this.propose(client, occupant, order);
      const error = this.game.give(order);
      if (error) return this.reject(client, type, error.code, error.message);
      return this.afterOrders(role, orders);
    }
    const proposal = this.proposals.get(role);
    if (!proposal || proposal.from === occupant.seat)
      return this.reject(
        client,
        type,
        'live/noProposal',
        'There is no proposal from your partner to answer.',
      );
    if (type === 'confirm') {
      const { from: _from, ...orders } = proposal;
      const error = this.game.give({ type: 'orders/submitted', role, ...orders });
      if (error) return this.reject(client, type, error.code, error.message);
      this.clearProposal(role);
      return this.afterOrders(role, orders);
    }
    const note = body.note;
    if (note !== undefined && typeof note !== 'string')
      return this.reject(client, type, 'live/malformed', 'A note must be text.');
    const error = this.game.give({
      type: 'orders/disputed',
      role,
      actions: proposal.actions,
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
    if (error) return this.reject(client, type, error.code, error.message);
    this.clearProposal(role);
    for (const partner of this.clientsOf(role))
      this.tell(partner, 'refused', {
        by: occupant.seat,
        actions: proposal.actions,
        ...(note?.trim() ? { note: note.trim() } : {}),
      });
  }

  private propose(
    client: Client,
    occupant: Occupant,
    order: Order & { type: 'orders/submitted' },
  ): void {
    const error = this.game.check(order);
    if (error) return this.reject(client, 'propose', error.code, error.message);
    const { type: _type, role, ...orders } = order;
    const proposal: Proposal = { from: occupant.seat, ...orders };
    this.proposals.set(role, proposal);
    this.markSeats(role, (view) => (view.proposed = true));
    for (const partner of this.clientsOf(role)) this.tell(partner, 'proposal', proposal);
  }

  private afterOrders(role: string, orders: { actions: string[]; rationale?: string }): void {
    this.markSeats(role, (view) => (view.submitted = true));
    for (const seat of this.clientsOf(role)) this.tell(seat, 'accepted', orders);
    if (this.game.allSubmitted()) this.resolveTurn('allSubmitted');
  }

  private teacherCommand(
    client: Client,
    type: (typeof TEACHER_MESSAGE_TYPES)[number],
    body: Record<string, unknown>,
  ): void {
    if (this.phase !== 'orders')
      return this.reject(client, type, 'live/wrongPhase', 'The game is over.');
    if (this.resolving)
      return this.reject(client, type, 'live/wrongPhase', 'The turn is resolving: wait a moment.');
    switch (type) {
      case 'pause':
        this.state.paused = true;
        return;
      case 'resume':
        this.state.paused = false;
        return;
      case 'extend': {
        const seconds = body.seconds;
        if (
          !Number.isInteger(seconds) ||
          (seconds as number) < 1 ||
          (seconds as number) > MAX_EXTEND_SECONDS
        )
          return this.reject(
            client,
            type,
            'live/malformed',
            `Extend the clock by 1 to ${MAX_EXTEND_SECONDS} seconds.`,
          );
        this.state.secondsLeft += seconds as number;
        return;
      }
      case 'inject': {
        if (typeof body.event !== 'string')
          return this.reject(client, type, 'live/malformed', 'An inject needs an event id.');
        const error = this.game.give({
          type: 'facilitator/eventInjected',
          event: body.event.slice(0, 100),
        });
        if (error) return this.reject(client, type, error.code, error.message);
        return this.tell(client, 'injected', { event: body.event });
      }
      case 'resolve':
        return this.resolveTurn('teacher');
      case 'end':
        return this.endGame();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Turns and the clock

  private get phase(): ClassPhase {
    return this.state.phase as ClassPhase;
  }

  private tick(): void {
    const s = this.state;
    const idle = this.phase !== 'orders' || this.resolving || s.turnSeconds === 0 || s.paused;
    if (idle || s.secondsLeft <= 0) return;
    s.secondsLeft -= 1;
    if (s.secondsLeft === 0) this.resolveTurn('clock');
  }

  /**
   * Resolves the turn, saves the record and only then tells the pages, so a crash never loses a
   * turn somebody has seen. Until then the room takes no orders or commands.
   */
  private resolveTurn(why: TurnResolved['why']): void {
    const resolution = this.game.resolve();
    this.resolving = true;
    this.proposals.clear();
    void this.persist().then(() => {
      this.resolving = false;
      this.state.secondsLeft = this.setup.turnSeconds;
      this.published = this.game.record();
      this.showGame();
      this.broadcast('turnResolved', { ...resolution, why } satisfies TurnResolved);
    });
  }

  private endGame(): void {
    this.game.dropTurn();
    this.proposals.clear();
    this.state.phase = 'ended';
    this.resolving = true;
    this.setup = { ...this.setup, ended: true };
    void this.persist(this.setup).then(() => {
      this.resolving = false;
      this.published = this.game.record();
      this.showGame();
      this.broadcast('ended', { hash: this.game.hash } satisfies ServerMessages['ended']);
    });
  }

  /** The game's turn, phase and hash in the shared state, and who has given orders. */
  private showGame(): void {
    this.state.turn = this.game.turn;
    this.state.hash = this.game.hash;
    if (this.state.phase !== 'ended') this.state.phase = this.game.over ? 'over' : 'orders';
    for (const view of this.state.seats.values()) {
      view.submitted = this.game.submitted(view.role) !== null;
      view.proposed = this.proposals.has(view.role);
    }
  }

  /**
   * Saves the record as it is now (and the set-up, when it changed), after the saves before it;
   * resolves when it is kept or has failed.
   */
  private persist(setup?: RoomSetup): Promise<void> {
    const record = this.game.record();
    const code = this.setup.code;
    this.saving = this.saving
      .then(() => this.services.store.save(code, record, setup))
      .catch((error: unknown) =>
        this.services.log(
          `class ${code}: the record could not be saved: ${(error as Error).message}`,
        ),
      );
    return this.saving;
  }

  // ------------------------------------------------------------------------------------------

  private clientsOf(role: string): Client[] {
    return this.clients.filter((c) => this.occupants.get(c.sessionId)?.role === role);
  }

  private markSeats(role: string, change: (view: SeatState) => void): void {
    for (const view of this.state.seats.values()) if (view.role === role) change(view);
  }

  private clearProposal(role: string): void {
    this.proposals.delete(role);
    this.markSeats(role, (view) => (view.proposed = false));
  }

  private roleName(role: string): string {
    return this.game.sc.roles[role]?.name ?? role;
  }
}

function takenMessage(seat: string): string {
  return `The seat ${seat} is taken: someone is playing it, or has dropped out and may come back within ${RECONNECT_SECONDS / 60} minutes. Choose another seat, or ask the teacher.`;
}

/** The actions and rationale of a submit or propose message; null if they are not well formed. */
function ordersIn(body: Record<string, unknown>): { actions: string[]; rationale?: string } | null {
  const { actions, rationale } = body;
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) return null;
  if (rationale !== undefined && typeof rationale !== 'string') return null;
  const text = rationale?.trim();
  return { actions: [...actions], ...(text ? { rationale: text } : {}) };
}
