// What the server sends, checked before the page uses it: the server is trusted to run the game,
// but a message is still data from the network, so every field is read through these guards
// (a wrong shape is dropped and said, never half-used). Records go through the core's parser.
import {
  CLASS_PHASES,
  type ClassPhase,
  type ClassStateView,
  type Proposal,
  type Rejection,
  type SeatView,
  type TurnResolved,
  type Welcome,
} from '../browser/live-protocol';
import { parseRecord, type GameRecord, type Order } from '../sim';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isTextList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 100 && v.every((x) => isText(x, 200));

function orders(v: unknown): { actions: string[]; rationale?: string } | null {
  if (!isObj(v) || !isTextList(v.actions)) return null;
  if (v.rationale !== undefined && !isText(v.rationale, 2_000)) return null;
  return { actions: v.actions, ...(v.rationale ? { rationale: v.rationale } : {}) };
}

function record(v: unknown): GameRecord | null {
  const parsed = parseRecord(v);
  return parsed.ok ? parsed.value : null;
}

export function asProposal(v: unknown): Proposal | null {
  const o = orders(v);
  return o && isObj(v) && isText(v.from, 80) ? { from: v.from, ...o } : null;
}

export function asWelcome(v: unknown): Welcome | null {
  if (!isObj(v) || !isText(v.code, 10) || !isText(v.seat, 80) || !isInt(v.partner)) return null;
  if (v.role !== null && !isText(v.role, 80)) return null;
  if (v.teacherToken !== undefined && !isText(v.teacherToken, 200)) return null;
  const rec = record(v.record);
  if (!rec) return null;
  const mine = v.mine === null ? null : orders(v.mine);
  if (v.mine !== null && !mine) return null;
  const proposal = v.proposal === null ? null : asProposal(v.proposal);
  if (v.proposal !== null && !proposal) return null;
  return {
    code: v.code,
    seat: v.seat,
    role: v.role as string | null,
    partner: v.partner,
    ...(v.teacherToken ? { teacherToken: v.teacherToken } : {}),
    record: rec,
    mine,
    proposal,
  };
}

export function asAccepted(v: unknown): { actions: string[]; rationale?: string } | null {
  return orders(v);
}

export function asTurnResolved(v: unknown): TurnResolved | null {
  if (!isObj(v) || !isInt(v.turn) || !isText(v.hash, 100) || !isTextList(v.defaulted)) return null;
  if (!Array.isArray(v.orders) || v.orders.length > 1_000) return null;
  // The core's reducer checks each order and refuses what does not fit; here only its envelope.
  if (!v.orders.every((o) => isObj(o) && isText(o.type, 60))) return null;
  if (v.why !== 'allSubmitted' && v.why !== 'clock' && v.why !== 'teacher') return null;
  return {
    turn: v.turn,
    orders: v.orders as Order[],
    hash: v.hash,
    defaulted: v.defaulted,
    why: v.why,
  };
}

export function asRecordReply(v: unknown): { record: GameRecord; link: string } | null {
  if (!isObj(v) || !isText(v.link, 200_000) || !/^[A-Za-z0-9+/=_.~-]*$/.test(v.link)) return null;
  const rec = record(v.record);
  return rec ? { record: rec, link: v.link } : null;
}

export function asRejection(v: unknown): Rejection | null {
  if (!isObj(v) || !isText(v.request, 60) || !isText(v.code, 60) || !isText(v.message, 2_000))
    return null;
  return { request: v.request, code: v.code as Rejection['code'], message: v.message };
}

export function asEnded(v: unknown): { hash: string } | null {
  return isObj(v) && isText(v.hash, 100) ? { hash: v.hash } : null;
}

export function asRefused(v: unknown): { by: string; actions: string[]; note?: string } | null {
  if (!isObj(v) || !isText(v.by, 80) || !isTextList(v.actions)) return null;
  if (v.note !== undefined && !isText(v.note, 2_000)) return null;
  return { by: v.by, actions: v.actions, ...(v.note ? { note: v.note } : {}) };
}

/** A seat as the shared state shows it (the protocol's own description). */
export type SeatShown = SeatView;

/** The room's shared state, its seats as a list in the room's order. */
export type ClassShown = Omit<ClassStateView, 'seats'> & { seats: SeatShown[] };

function asSeat(seat: string, v: unknown): SeatShown | null {
  if (!isObj(v) || !isText(v.role, 80) || !isText(v.name, 80)) return null;
  const flags = ['taken', 'connected', 'submitted', 'proposed'] as const;
  if (!flags.every((f) => typeof v[f] === 'boolean') || !isInt(v.partner)) return null;
  return {
    seat: seat.slice(0, 80),
    role: v.role,
    partner: v.partner,
    taken: v.taken as boolean,
    connected: v.connected as boolean,
    name: v.name,
    submitted: v.submitted as boolean,
    proposed: v.proposed as boolean,
  };
}

/** The shared state as colyseus.js decoded it (`toJSON()`), checked; null if it is not one. */
export function asClassState(v: unknown): ClassShown | null {
  if (!isObj(v) || !isObj(v.seats)) return null;
  const texts = ['code', 'scenario', 'seed', 'hash'] as const;
  const ints = ['turn', 'turnSeconds', 'secondsLeft', 'projectors'] as const;
  if (!texts.every((k) => isText(v[k], 100)) || !ints.every((k) => isInt(v[k]))) return null;
  if (!(CLASS_PHASES as readonly unknown[]).includes(v.phase)) return null;
  if (typeof v.paused !== 'boolean' || typeof v.teacherConnected !== 'boolean') return null;
  const seats: SeatShown[] = [];
  for (const [id, value] of Object.entries(v.seats).slice(0, 64)) {
    const seat = asSeat(id, value);
    if (!seat) return null;
    seats.push(seat);
  }
  return {
    code: v.code as string,
    scenario: v.scenario as string,
    seed: v.seed as string,
    turn: v.turn as number,
    phase: v.phase as ClassPhase,
    hash: v.hash as string,
    turnSeconds: v.turnSeconds as number,
    secondsLeft: v.secondsLeft as number,
    paused: v.paused,
    teacherConnected: v.teacherConnected,
    projectors: v.projectors as number,
    seats,
  };
}
