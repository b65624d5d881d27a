// The live class's message protocol: what the browser pages (teacher, projector, student) and the
// server (src/server) say to each other over Colyseus: names, types, limits and one helper to
// follow the game. A page imports it without the server or Colyseus; it imports only the core.
//
// One room per class, named ROOM_NAME. The teacher creates it (CreateOptions) and is its first
// client; everyone else joins it with the class code and a seat (JoinOptions). A wrong code or a
// taken seat is refused at matchmaking, before the WebSocket opens, with a JoinRefusal message.
//
// What everybody sees is the room's synchronised state (ClassStateView: seats, who is connected,
// who has submitted this turn, the clock). The game itself is never sent as state: each page
// replays the record it gets in `welcome` and folds in each turn's orders from `turnResolved`
// (followWelcome and foldTurn, at the end of this file), checking its hash against the room's.
// Orders stay on the server until their turn resolves; a seat learns its own (and a dyad
// partner's proposal) privately.
import {
  formatFaults,
  hashState,
  reducePlain,
  replay,
  whatIfVariant,
  type CompiledScenario,
  type GameRecord,
  type GameState,
  type Order,
  type OrderErrorCode,
} from '../sim';

/** The Colyseus room type of a live class. */
export const ROOM_NAME = 'class';

/** Class codes: five letters and digits without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CLASS_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CLASS_CODE_LENGTH = 5;

/** A class code as typed: upper-cased, spaces and dashes dropped. */
export function normaliseClassCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Seats

/** The projector's seat: any number of them, they see what everyone sees and give no orders. */
export const PROJECTOR_SEAT = 'projector';
/** The teacher's seat, taken by whoever created the room or holds its teacher token. */
export const TEACHER_SEAT = 'teacher';

/**
 * A role's seat: its role id (`us`), or for a dyad, the role id and the partner's number
 * (`us#1`, `us#2`). Role ids never contain "#".
 */
export function seatId(role: string, partner?: 1 | 2): string {
  return partner ? `${role}#${partner}` : role;
}

export interface SeatName {
  role: string;
  /** 1 or 2 for a dyad's seats; 0 for a role played by one seat. */
  partner: 0 | 1 | 2;
}

/** The role and partner number of a role's seat id; null for anything else. */
export function parseSeatId(seat: string): SeatName | null {
  const match = /^([a-z0-9][a-z0-9._-]{0,63})(?:#([12]))?$/i.exec(seat);
  if (!match) return null;
  return { role: match[1]!, partner: match[2] ? (Number(match[2]) as 1 | 2) : 0 };
}

// ---------------------------------------------------------------------------------------------
// Creating and joining

/** What the teacher sends to `client.create(ROOM_NAME, options)`. */
export interface CreateOptions {
  /** A shipped scenario's id: `ukraine-2021`, `cuba-1962`. */
  scenario: string;
  /** Any text up to 64 characters; the same seed and orders always give the same game. */
  seed: string;
  /** Seconds a turn on the class clock, 0 for none (the teacher resolves each turn). */
  turnSeconds: number;
  /** The roles played by people; every other role is played by the computer. */
  roles: string[];
  /** Roles among `roles` shared by two seats (a dyad): one proposes, the other confirms. */
  dyads?: string[];
  /** What-if switches (switch → option), as in the title screen and class codes. */
  whatIf?: Record<string, string>;
}

/**
 * What the teacher sends to `client.create(ROOM_NAME, options)` to bring back a class saved on
 * this server (or in its Redis) after a restart: the game as of its last resolved turn.
 */
export interface ResumeOptions {
  resumeFrom: string;
  teacherToken: string;
}

/** What a student, a projector or a returning teacher sends to `client.join(ROOM_NAME, options)`. */
export interface JoinOptions {
  code: string;
  /** A role's seat id, PROJECTOR_SEAT or TEACHER_SEAT (which needs `teacherToken`). */
  seat: string;
  teacherToken?: string;
  /** A name shown on the projector beside the seat (optional, at most MAX_NAME characters). */
  name?: string;
}

export const MAX_NAME = 40;
/**
 * Seconds a dropped seat (or the teacher) is kept for a reconnection before it is freed. A page
 * that reloads comes back with `client.reconnect(room.reconnectionToken)` (keep the token in
 * sessionStorage) and gets a new `welcome`; joining its own seat again is refused as taken.
 */
export const RECONNECT_SECONDS = 120;

/**
 * Why a create or a join was refused: the `code` of the error colyseus.js throws (its `message`
 * is a sentence for the student or teacher). Matchmaking refuses before the WebSocket opens; only
 * two joins racing for one seat, or create options sent to a running class, are refused just
 * after it opens, with the same codes.
 */
export const JOIN_REFUSALS = {
  /** No class with that code on this server (or it has ended and closed). */
  noSuchClass: 4404,
  /** The seat is not one of this class's seats. */
  noSuchSeat: 4400,
  /** Someone else holds the seat (connected, or dropped and may come back). */
  seatTaken: 4409,
  /** The teacher seat or a resume without the right teacher token. */
  notTeacher: 4403,
  /** Create or resume options that cannot make a class (unknown scenario, bad roles…). */
  badOptions: 4422,
} as const;
export type JoinRefusal = keyof typeof JOIN_REFUSALS;

// ---------------------------------------------------------------------------------------------
// The synchronised state (a Colyseus schema on the server; these are its fields)

export const CLASS_PHASES = ['orders', 'over', 'ended'] as const;
/** `over`: the game reached an ending; `ended`: the teacher ended it before one. */
export type ClassPhase = (typeof CLASS_PHASES)[number];

export interface SeatView {
  seat: string;
  role: string;
  partner: number;
  /** Someone holds the seat (connected now, or dropped and within RECONNECT_SECONDS). */
  taken: boolean;
  connected: boolean;
  name: string;
  /** The seat's role has submitted its orders this turn (never what they are). */
  submitted: boolean;
  /** Dyad: one partner has proposed orders and the other has not yet answered. */
  proposed: boolean;
}

export interface ClassStateView {
  code: string;
  scenario: string;
  seed: string;
  /** The turn whose orders are being given (after the end, the last turn played). */
  turn: number;
  phase: ClassPhase;
  /** The state's hash after the last resolved turn (the start's before the first). */
  hash: string;
  turnSeconds: number;
  secondsLeft: number;
  paused: boolean;
  teacherConnected: boolean;
  projectors: number;
  seats: Map<string, SeatView>;
}

// ---------------------------------------------------------------------------------------------
// Messages from a page to the server: `room.send(type, body)`

export interface ClientMessages {
  /** A single seat's orders for this turn (final once accepted). */
  submit: { actions: string[]; rationale?: string };
  /** A dyad seat proposes its role's orders; the partner confirms or refuses them. */
  propose: { actions: string[]; rationale?: string };
  /** A dyad seat accepts the partner's proposal: it becomes the role's orders. */
  confirm: Record<string, never>;
  /** A dyad seat refuses the partner's proposal; the refusal is recorded for the debrief. */
  refuse: { note?: string };
  /** The record of the resolved turns and its share-link code (any seat, any time). */
  record: Record<string, never>;
  /** Asks for the `welcome` again (a page that was not listening yet when it came). */
  sync: Record<string, never>;
  /** Teacher only. The clock starts paused (the students are still finding their seats). */
  pause: Record<string, never>;
  resume: Record<string, never>;
  extend: { seconds: number };
  inject: { event: string };
  /** Resolves the turn now: roles without orders give none (`TurnResolved.defaulted`). */
  resolve: Record<string, never>;
  /** Ends the game before an ending: the turn in progress is dropped. */
  end: Record<string, never>;
}
export type ClientMessageType = keyof ClientMessages;
export const CLIENT_MESSAGE_TYPES = [
  'submit',
  'propose',
  'confirm',
  'refuse',
  'record',
  'sync',
  'pause',
  'resume',
  'extend',
  'inject',
  'resolve',
  'end',
] as const satisfies readonly ClientMessageType[];
export const TEACHER_MESSAGE_TYPES = [
  'pause',
  'resume',
  'extend',
  'inject',
  'resolve',
  'end',
] as const satisfies readonly ClientMessageType[];

/** The most characters a message's body may have as JSON; longer ones are rejected unread. */
export const MAX_MESSAGE_CHARS = 4_096;
/** A client may send this many messages in a burst, refilled at MESSAGES_PER_SECOND. */
export const MESSAGE_BURST = 20;
export const MESSAGES_PER_SECOND = 5;
/** The most seconds one `extend` adds. */
export const MAX_EXTEND_SECONDS = 600;

// ---------------------------------------------------------------------------------------------
// Messages from the server to pages: `room.onMessage(type, handler)`

export interface Welcome {
  code: string;
  seat: string;
  /** The seat's role; null for the teacher and projectors. */
  role: string | null;
  partner: number;
  /** Only to the teacher who created the class: keep it to come back as teacher or to resume. */
  teacherToken?: string;
  /** The resolved turns so far: replay it (the core's `replay`) for the game state. */
  record: GameRecord;
  /** The seat's own orders already accepted this turn, if any. */
  mine: { actions: string[]; rationale?: string } | null;
  /** A dyad's pending proposal this turn, if any, and the seat that made it. */
  proposal: Proposal | null;
}

export interface Proposal {
  from: string;
  actions: string[];
  rationale?: string;
}

export interface TurnResolved {
  /** The turn that resolved. */
  turn: number;
  /** Every order of that turn in the record's order, ending with `turn/ended`. */
  orders: Order[];
  /** hashState after the turn: every page folding `orders` in must reach it. */
  hash: string;
  /** Roles whose orders the server gave as none, because the turn was resolved without them. */
  defaulted: string[];
  why: 'allSubmitted' | 'clock' | 'teacher';
}

export interface ServerMessages {
  welcome: Welcome;
  /** This seat's (or its dyad's) orders were accepted; they count for the turn. */
  accepted: { actions: string[]; rationale?: string };
  /** To both seats of a dyad: a proposal waiting for the other seat's answer. */
  proposal: Proposal;
  /** To both seats of a dyad: the proposal was refused (and recorded as disputed). */
  refused: { by: string; actions: string[]; note?: string };
  /** To the teacher: the injected event will happen when this turn resolves. */
  injected: { event: string };
  /**
   * To everyone, once the record with this turn is saved: when every role has its orders, when
   * the clock runs out, or when the teacher resolves.
   */
  turnResolved: TurnResolved;
  /** To everyone, when the teacher ends the game (an ending reached shows in `turnResolved`). */
  ended: { hash: string };
  /** The reply to `record`: the resolved turns' record with its final hash, and its link code. */
  record: { record: GameRecord; link: string };
  /** The reply to a message that was not acted on; only its sender gets it. */
  rejected: Rejection;
}
export type ServerMessageType = keyof ServerMessages;

export const LIVE_ERROR_CODES = [
  /** Not an object of the message's shape, or an unknown message type. */
  'live/malformed',
  /** Longer than MAX_MESSAGE_CHARS. */
  'live/tooLarge',
  /** More messages than MESSAGE_BURST at MESSAGES_PER_SECOND (said once; the rest are dropped). */
  'live/rateLimited',
  /** The message names a role that is not the seat's. */
  'live/notYourRole',
  /** Orders from a seat without a role (teacher, projector). */
  'live/noRole',
  /** A teacher's command from another seat. */
  'live/notTeacher',
  /** The game is over or ended; or orders arrive while the turn is resolving. */
  'live/wrongPhase',
  /** The role's orders for this turn were already accepted. */
  'live/alreadySubmitted',
  /** `submit` from a dyad seat (propose instead) or `propose`/`confirm`/`refuse` from a single one. */
  'live/notDyad',
  'live/isDyad',
  /** `confirm`/`refuse` with no proposal from the partner waiting. */
  'live/noProposal',
] as const;
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

export interface Rejection {
  /** The message type that was rejected. */
  request: string;
  /** A live-room code, or the core's order error code when the reducer refused the order. */
  code: LiveErrorCode | OrderErrorCode;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Following the game on a page

/** A page's own copy of a class's game: its scenario and state, which only foldTurn changes. */
export interface OwnGame {
  /** The scenario version the class plays, under the record's what-if switches. */
  sc: CompiledScenario;
  state: GameState;
}

/**
 * The game a welcome's record reaches, replayed with `base` (the scenario version the record
 * names) into a page's own copy, and its hash; or why it does not replay.
 */
export function followWelcome(
  base: CompiledScenario,
  record: GameRecord,
): { ok: true; game: OwnGame; hash: string } | { ok: false; message: string } {
  const variant = whatIfVariant(base, record.whatIf);
  if (!variant.ok) return { ok: false, message: formatFaults(variant.errors) };
  // Plain: a state of the page's own, for foldTurn to change in place.
  const replayed = replay(base, record, { plain: true });
  if (!replayed.ok)
    return {
      ok: false,
      message: `The class's record does not replay here: ${formatFaults(replayed.errors)}`,
    };
  const { state, hash } = replayed.value;
  return { ok: true, game: { sc: variant.value, state }, hash };
}

/**
 * Folds a resolved turn's orders into the page's own game, changing its state in place through
 * the core's plain reducer (a third of the immutable reducer's time: no copy of the state for
 * each order), then checks the room's hash. An error means the page is out of step, its game
 * part-way through the turn or at a hash the room does not have: ask for `sync` and follow the
 * welcome's record again.
 */
export function foldTurn(
  game: OwnGame,
  resolved: Pick<TurnResolved, 'orders' | 'hash'>,
): { ok: true } | { ok: false; message: string } {
  for (const order of resolved.orders) {
    const error = reducePlain(game.sc, game.state, order);
    if (error) return { ok: false, message: error.message };
  }
  const hash = hashState(game.state);
  if (hash !== resolved.hash)
    return { ok: false, message: `This page reached hash ${hash}; the room has ${resolved.hash}.` };
  return { ok: true };
}
