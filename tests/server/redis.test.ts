// Two server processes sharing one Redis (Debian's redis-server, started here on a free port):
// the teacher creates the class through one process, the students find it and play through the
// other, and everybody ends with the same hash, which the record kept in Redis replays to.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JOIN_REFUSALS, ROOM_NAME } from '../../src/browser/live-protocol';
import { shippedScenario } from '../../src/server/scenarios';
import { botOrders, replay, restoreRng, seedRng, type GameRecord } from '../../src/sim';
import {
  client,
  createClass,
  freePort,
  joinClass,
  refusal,
  resumeClass,
  removeScratch,
  scratchDir,
  spawnServer,
  type ChildServer,
  type Seat,
} from './support';

const INSTALL = 'apt-get update && apt-get install -y redis-server';

/** redis-server's path, installing Debian's package when it is missing and we are root. */
function redisServer(): string {
  const find = () => spawnSync('sh', ['-c', 'command -v redis-server']).stdout.toString().trim();
  if (find()) return find();
  if (process.getuid?.() !== 0)
    throw new Error(
      `redis-server is not installed: install it (as root: ${INSTALL}) to run this test.`,
    );
  const install = spawnSync('sh', ['-c', INSTALL], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
  });
  if (!find())
    throw new Error(
      `redis-server could not be installed (${INSTALL}):\n${install.stderr.slice(-2000)}`,
    );
  return find();
}

let redis: ChildProcess | undefined;
let redisUrl = '';
const servers: ChildServer[] = [];

beforeAll(async () => {
  const binary = redisServer();
  const port = await freePort(26379, 26399);
  redis = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      scratchDir(),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      30_000,
    );
    redis!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    redis!.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  redisUrl = `redis://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  if (redis && redis.exitCode === null) {
    const exited = new Promise((resolve) => redis!.once('exit', resolve));
    redis.kill('SIGTERM');
    await exited;
  }
  removeScratch();
});

/** A server process on Redis that tells browsers to reach it at its own address. */
async function redisProcess(): Promise<ChildServer> {
  const records = scratchDir();
  const server = await spawnServer(['--records', records], { REDIS_URL: redisUrl }, (port) => [
    '--public-address',
    `127.0.0.1:${port}`,
  ]);
  servers.push(server);
  return server;
}

function choose(seat: Seat, turn: number): string[] {
  const role = seat.welcome!.role!;
  return botOrders(seat.sc!, seat.state!, role, 'greedy', restoreRng(seedRng(`${role}/${turn}`)));
}

it('a class created through one process is joined and played through another', async () => {
  const [one, other] = await Promise.all([redisProcess(), redisProcess()]);
  const teacher = await createClass(one.url, {
    scenario: 'ukraine-2021',
    seed: 'two-processes',
    turnSeconds: 0,
    roles: ['us', 'russia'],
  });
  const code = teacher.welcome!.code;
  // Both processes know the class and its seats, whichever of them runs it.
  const wrong = await refusal(client(other.url).join(ROOM_NAME, { code: 'QQQQQ', seat: 'us' }));
  expect(wrong.code).toBe(JOIN_REFUSALS.noSuchClass);
  const us = await joinClass(other.url, code, 'us');
  const russia = await joinClass(other.url, code, 'russia');
  const taken = await refusal(client(one.url).join(ROOM_NAME, { code, seat: 'us' }));
  expect(taken.code).toBe(JOIN_REFUSALS.seatTaken);
  const projector = await joinClass(one.url, code, 'projector');
  const pages = [teacher, us, russia, projector];
  let turn = 1;
  let hash = '';
  while (teacher.stateJson().phase === 'orders' && turn < 60) {
    await Promise.all(
      [us, russia].map((s) => s.ask('submit', { actions: choose(s, turn) }, 'accepted')),
    );
    const seen = await Promise.all(
      pages.map((p) => p.next('turnResolved', (r) => r.turn === turn)),
    );
    expect(new Set(seen.map((r) => r.hash)).size).toBe(1);
    hash = seen[0]!.hash;
    await teacher.until((s) => s.hash === hash);
    turn++;
  }
  expect(teacher.stateJson().phase).toBe('over');
  for (const page of pages) expect(page.hashes.at(-1)).toBe(hash);
  const { record } = (await us.ask('record', {}, 'record')) as { record: GameRecord };
  const replayed = replay(shippedScenario('ukraine-2021')!, record);
  expect(replayed.ok && replayed.value.hash).toBe(hash);
  // The record is kept in Redis: either process can hand it to the teacher to resume.
  await Promise.all(pages.map((p) => p.room.leave(true)));
  const resumed = await resumeClass(other.url, code, teacher.welcome!.teacherToken!);
  expect(resumed.welcome!.record).toEqual(record);
  await resumed.room.leave(true);
});
