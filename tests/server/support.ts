// Helpers for the live-class server tests: free ports in the range these tests may use, a server
// in this process or in a child process, and clients that keep every message they get and follow
// the game by folding each resolved turn, as a page would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error TS7016: @colyseus/testing's package.json "exports" names no types
import { ColyseusTestServer as UntypedTestServer } from '@colyseus/testing';
import { Client, type Room } from 'colyseus.js';
import {
  foldTurn,
  followWelcome,
  ROOM_NAME,
  type OwnGame,
  type ServerMessages,
  type ServerMessageType,
  type TurnResolved,
  type Welcome,
} from '../../src/browser/live-protocol';
import { shippedScenario } from '../../src/server/scenarios';
import { startServer, type RunningServer } from '../../src/server/server';
import type { CompiledScenario, GameState } from '../../src/sim';
import { freePort as sharedFreePort, serveProcess, type ServerProcess } from '../live-server';

type TestServerClass =
  typeof import('../../node_modules/@colyseus/testing/build/TestServer.js').ColyseusTestServer;
/** @colyseus/testing's server wrapper (its `boot` always listens on port 2568, outside our range). */
const ColyseusTestServer = UntypedTestServer as TestServerClass;
type ColyseusTestServer = InstanceType<TestServerClass>;

export const ROOT = join(import.meta.dirname, '..', '..');
/** Generous: a wait that fails means something never came, not that it was slow. */
const WAIT_MS = 30_000;

/** A free port from the range these tests were given (others: the range named). */
export const freePort = (first = 25670, last = 25699) => sharedFreePort(first, last);

const scratch: string[] = [];

/** A new empty folder, removed by removeScratch (call it after the file's tests). */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brink-server-'));
  scratch.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface TestServer {
  running: RunningServer;
  colyseus: ColyseusTestServer;
  url: string;
  close(): Promise<void>;
}

/** The live-class server in this process, as `npm run serve` starts it, with records in `dir`. */
export async function bootServer(recordsDir: string): Promise<TestServer> {
  const port = await freePort();
  const running = await startServer({
    host: '127.0.0.1',
    port,
    recordsDir,
    distDir: join(ROOT, 'dist'),
    log: () => {},
  });
  const colyseus = new ColyseusTestServer(running.server);
  return {
    running,
    colyseus,
    url: `ws://127.0.0.1:${running.port}`,
    close: async () => {
      await colyseus.cleanup();
      await running.close();
    },
  };
}

export type ChildServer = ServerProcess;

/** `npm run serve` as a separate process, on a free port of this range, once it says it listens. */
export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  /** Arguments that depend on the port it gets. */
  more: (port: number) => string[] = () => [],
): Promise<ChildServer> {
  const port = await freePort();
  return serveProcess(port, [...args, ...more(port)], { env });
}

/** A page in the class: its room, every message it got, and the game as it follows it. */
export class Seat {
  readonly messages: [string, unknown][] = [];
  welcome: Welcome | null = null;
  /** The game this page follows (null until the welcome). */
  game: OwnGame | null = null;
  get sc(): CompiledScenario | null {
    return this.game?.sc ?? null;
  }
  get state(): GameState | null {
    return this.game?.state ?? null;
  }
  hashes: string[] = [];

  constructor(public room: Room) {
    this.listen(room);
  }

  private listen(room: Room): void {
    room.onMessage('*', (type, body) => this.got(String(type), body));
  }

  private got(type: string, body: unknown): void {
    this.messages.push([type, body]);
    if (type === 'welcome') this.follow(body as Welcome);
    if (type === 'turnResolved') this.fold(body as TurnResolved);
  }

  private follow(welcome: Welcome): void {
    this.welcome = welcome;
    const base = shippedScenario(welcome.record.scenario.id, welcome.record.scenario.hash)!;
    const followed = followWelcome(base, welcome.record);
    if (!followed.ok) throw new Error(followed.message);
    this.game = followed.game;
  }

  private fold(resolved: TurnResolved): void {
    const folded = foldTurn(this.game!, resolved);
    if (!folded.ok) throw new Error(folded.message);
    this.hashes.push(resolved.hash);
  }

  /** Read so far, by message type: `next` returns each message once, in order. */
  private read = new Map<string, number>();

  /** The next message of this type passing `test` (earlier ones that fail it are skipped). */
  async next<T extends ServerMessageType>(
    type: T,
    test: (body: ServerMessages[T]) => boolean = () => true,
  ): Promise<ServerMessages[T]> {
    const started = Date.now();
    while (Date.now() - started < WAIT_MS) {
      const ofType = this.messages.filter(([t]) => t === type);
      for (let i = this.read.get(type) ?? 0; i < ofType.length; i++) {
        this.read.set(type, i + 1);
        if (test(ofType[i]![1] as ServerMessages[T])) return ofType[i]![1] as ServerMessages[T];
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no ${type} message came to ${this.welcome?.seat ?? 'a seat'}`);
  }

  /** Sends a message and waits for the reply of `type` (or a rejection of it). */
  async ask<T extends ServerMessageType>(
    type: string,
    body: unknown,
    reply: T,
  ): Promise<ServerMessages[T] | ServerMessages['rejected']> {
    const before = this.messages.length;
    this.room.send(type, body);
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${type}`)), WAIT_MS);
      const check = setInterval(() => {
        const answer = this.messages
          .slice(before)
          .find(
            ([t, b]) =>
              t === reply || (t === 'rejected' && (b as { request: string }).request === type),
          );
        if (answer) {
          clearTimeout(timer);
          clearInterval(check);
          resolve(answer[1] as ServerMessages[T]);
        }
      }, 10);
    });
  }

  /** Resolves once the shared state satisfies `test` (patches come every 50 ms). */
  async until(test: (state: ClassStateJson) => boolean): Promise<ClassStateJson> {
    const started = Date.now();
    while (Date.now() - started < WAIT_MS) {
      const state = this.stateJson();
      if (test(state)) return state;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the state never came: ${JSON.stringify(this.stateJson())}`);
  }

  stateJson(): ClassStateJson {
    return (this.room.state as { toJSON(): ClassStateJson }).toJSON();
  }
}

export interface ClassStateJson {
  code: string;
  turn: number;
  phase: string;
  hash: string;
  turnSeconds: number;
  secondsLeft: number;
  paused: boolean;
  teacherConnected: boolean;
  projectors: number;
  seats: Record<
    string,
    {
      role: string;
      taken: boolean;
      connected: boolean;
      submitted: boolean;
      proposed: boolean;
      name: string;
    }
  >;
}

export function client(url: string): Client {
  return new Client(url);
}

export async function createClass(url: string, options: Record<string, unknown>): Promise<Seat> {
  const seat = new Seat(await client(url).create(ROOM_NAME, options));
  await seat.next('welcome');
  return seat;
}

export async function joinClass(
  url: string,
  code: string,
  seat: string,
  extra: Record<string, unknown> = {},
): Promise<Seat> {
  const joined = new Seat(await client(url).join(ROOM_NAME, { code, seat, ...extra }));
  await joined.next('welcome');
  return joined;
}

/** The code and message matchmaking refused a join or create with. */
export async function refusal(
  attempt: Promise<unknown>,
): Promise<{ code: number; message: string }> {
  try {
    await attempt;
  } catch (error) {
    const e = error as { code: number; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('it was not refused');
}

/** Retries `check` every `pause` ms until it passes (or throws its last failure after the wait). */
export async function eventually(check: () => void, pause = 25): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > WAIT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Resumes a saved class, once its room is gone (a moment after its last page has left). */
export async function resumeClass(url: string, code: string, teacherToken: string): Promise<Seat> {
  const started = Date.now();
  for (;;) {
    try {
      return await createClass(url, { resumeFrom: code, teacherToken });
    } catch (error) {
      if (!/still running/.test((error as Error).message) || Date.now() - started > WAIT_MS)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
