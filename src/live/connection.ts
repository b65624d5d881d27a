// The live class's connection: colyseus.js against the server that served this page (`npm run
// serve`), what a refusal says to a person, and what a reload needs kept in sessionStorage. Only
// this page loads colyseus.js; the game's own bundle never does.
import { Client, type Room } from 'colyseus.js';
import { JOIN_REFUSALS, PROJECTOR_SEAT, ROOM_NAME } from '../browser/live-protocol';
import { asClassState, type ClassShown } from './messages';

/**
 * Whether the live-class server is behind this page: asked to join a class with a code no class
 * can have, its matchmaking refuses with its own "no such class" answer; a file server cannot.
 */
export async function serverIsThere(): Promise<boolean> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return false;
  try {
    const answer = await fetch(new URL(`/matchmake/join/${ROOM_NAME}`, location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: '-', seat: PROJECTOR_SEAT }),
    });
    const body: unknown = await answer.json();
    return (body as { code?: unknown } | null)?.code === JOIN_REFUSALS.noSuchClass;
  } catch {
    return false;
  }
}

export const NO_SERVER =
  'A live class needs the live-class server: on the teacher’s computer, run `npm run build` and then `npm run serve` (see “Host a live class” in the README), and open the address it prints. This page was opened without it, so it cannot create or join a class. The game itself works without it.';

export function newClient(): Client {
  return new Client(location.origin);
}

export type { Room };

/** A refusal or a failed connection in words for the teacher or student. */
export function refusalText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'number' ? e.code : null;
  const message = typeof e?.message === 'string' ? e.message.slice(0, 400) : '';
  const known = (Object.values(JOIN_REFUSALS) as number[]).includes(code ?? -1);
  if (known && message) return message;
  return `The class server could not be reached${message ? ` (${message})` : ''}. Check that \`npm run serve\` is still running and that this device is on the same network.`;
}

/** The refusal's name (`seatTaken`…), when it is one of the protocol's. */
export function refusalOf(error: unknown): keyof typeof JOIN_REFUSALS | null {
  const code = (error as { code?: unknown } | null)?.code;
  const entry = Object.entries(JOIN_REFUSALS).find(([, n]) => n === code);
  return entry ? (entry[0] as keyof typeof JOIN_REFUSALS) : null;
}

/** A check that a value is an object with these fields, each text (what the pages keep). */
export function withTextFields<K extends string>(
  keys: readonly K[],
): (v: unknown) => v is Record<K, string> {
  return (v): v is Record<K, string> =>
    typeof v === 'object' &&
    v !== null &&
    keys.every((k) => typeof (v as Record<string, unknown>)[k] === 'string');
}

/** A small JSON value kept for this tab (survives a reload, not a closed tab). */
export function kept<T>(key: string, check: (v: unknown) => v is T) {
  return {
    read(): T | null {
      try {
        const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
        return check(value) ? value : null;
      } catch {
        return null;
      }
    },
    write(value: T): void {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // A page that may not store keeps working; only a reload loses the seat.
      }
    },
    clear(): void {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

/** The class's shared state as the room has it now, checked; null if it is not one. */
export function shownState(room: Room): ClassShown | null {
  return asClassState((room.state as { toJSON(): unknown }).toJSON());
}

/** What a page does with its class's room. */
export interface RoomFollower {
  /** A message from the server; the next one waits until this one is handled. */
  message(type: string, body: unknown): Promise<void>;
  /** Whether the welcome has come. */
  welcomed(): boolean;
  /** The shared state changed (a state that does not check is ignored). */
  state(shown: ClassShown): void;
  /** The connection closed, other than by a normal close. */
  lost(): void;
}

/**
 * Follows a class's room for a page: messages handled one at a time in the order they came (a
 * welcome may wait for its scenario to be fetched: a turn resolved meanwhile is folded after it,
 * not lost), the welcome asked for again if it has not come soon (it may have arrived before the
 * page listened), the shared state at each change, and a lost connection.
 */
export function followRoom(room: Room, follower: RoomFollower): void {
  let queue = Promise.resolve();
  room.onMessage('*', (type, body) => {
    queue = queue
      .then(() => follower.message(String(type), body))
      .catch((error: unknown) => {
        console.error(error);
      });
  });
  setTimeout(() => {
    if (!follower.welcomed()) room.send('sync', {});
  }, 1500);
  room.onStateChange(() => {
    const shown = shownState(room);
    if (shown) follower.state(shown);
  });
  room.onLeave((code) => {
    if (code !== 1000) follower.lost();
  });
}
