// `npm run serve`'s server in a child process, for the live-class server tests, the end-to-end
// suite and `npm run bench:rooms`: on a free port from the range its caller may use, ready once
// it says it listens, stopped with a signal (SIGKILL for a crash) and waited for.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** Generous: a server that has not said it listens by then never will. */
const START_MS = 60_000;

/** A free port from `first` to `last`, tried from a random one (parallel runs do not collide). */
export async function freePort(first: number, last: number): Promise<number> {
  const start = first + Math.floor(Math.random() * (last - first + 1));
  for (let i = 0; i <= last - first; i++) {
    const port = first + ((start - first + i) % (last - first + 1));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${first} to ${last}`);
}

export interface ServerProcess {
  port: number;
  /** ws://127.0.0.1:PORT, for colyseus.js. */
  url: string;
  /** http://127.0.0.1:PORT, for a browser. */
  origin: string;
  pid: number;
  /** What it has written so far (standard output and error). */
  output(): string;
  /** Ends it with a signal (SIGKILL for a crash) and waits until it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `npm run serve -- --port PORT ARGS` as a child process (node --import tsx, one process: tsx's
 * command line would run the server in a child that SIGKILL would miss), once it listens.
 */
export async function serveProcess(
  port: number,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: readonly string[] } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      join(ROOT, 'src/server/main.ts'),
      '--port',
      String(port),
      ...args,
    ],
    { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      START_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Brink live class on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
