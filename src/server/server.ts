// One Node process for a live class: the built game (dist/) and the Colyseus rooms on one port.
// Presence and matchmaking are in memory, or shared through Redis when a Redis URL is given, so
// several processes can serve the same classes.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalPresence, Server, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from './ws-transport';
import { MAX_MESSAGE_CHARS, ROOM_NAME } from '../browser/live-protocol';
import { classRoomType } from './class-room';
import { staticFiles } from './static-files';
import { FileRoomStore, PresenceRoomStore, type RoomStore } from './store';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 2567;
export const DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

export interface ServeOptions {
  host: string;
  port: number;
  /** Where room records are written when there is no Redis. */
  recordsDir: string;
  /** Share presence, matchmaking and records through this Redis server. */
  redisUrl?: string;
  /** Where browsers reach this process when matchmaking happened on another (host:port or host/path). */
  publicAddress?: string;
  distDir?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  readonly store: RoomStore;
  /** Disposes the rooms (their records are already saved) and closes the port. */
  close(): Promise<void>;
}

/** A WebSocket frame far larger than any message allowed closes the connection outright. */
const MAX_FRAME_BYTES = MAX_MESSAGE_CHARS * 4;
/** How long to wait for Redis before saying it cannot be reached. */
const REDIS_TIMEOUT_MS = 5_000;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dist = resolve(options.distDir ?? DIST_DIR);
  if (!existsSync(join(dist, 'index.html')))
    log(
      `${dist} has no built game: run \`npm run build\` for the pages (the rooms work without it).`,
    );
  const http = createServer(staticFiles(dist));
  let presence: Presence;
  let driver: RedisDriver | undefined;
  let store: RoomStore;
  if (options.redisUrl) {
    presence = new RedisPresence(options.redisUrl);
    await reachable(presence, options.redisUrl);
    driver = new RedisDriver(options.redisUrl);
    store = new PresenceRoomStore(presence);
  } else {
    presence = new LocalPresence();
    store = new FileRoomStore(resolve(options.recordsDir));
  }
  const server = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_FRAME_BYTES }),
    presence,
    ...(driver ? { driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    gracefullyShutdown: false,
    greet: false,
  });
  server.define(ROOM_NAME, classRoomType({ store, log })).filterBy(['code']);
  await server.listen(options.port, options.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    port,
    store,
    close: () => server.gracefullyShutdown(false),
  };
}

/** Refuses to start against a Redis that does not answer (ioredis would retry for ever). */
async function reachable(presence: Presence, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`cannot reach Redis at ${url} (no answer in ${REDIS_TIMEOUT_MS / 1000} s)`),
        ),
      REDIS_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([presence.exists('brink:ping'), timeout]);
  } catch (error) {
    presence.shutdown();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
