// `npm run bench:rooms [-- --rooms N --turns N --think MS]`: a bounded loopback load benchmark of the live
// class. It starts `npm run serve`'s server in a process of its own (records in a scratch folder),
// then plays ROOMS Ukraine classes at once from colyseus.js clients in this process: per room a
// teacher and five seats (the United States as a dyad, the EU, Ukraine and Russia), each choosing
// its orders with a bot from the game it follows, for up to TURNS turns.
//
// It prints, over every room's every turn, the time from the order that completes a turn (the
// server then resolves it, saves the record and tells everyone) until every client of the room
// has the new turn folded into its own game and its hash checked, as a live page does before it
// shows the turn (p50, p95, max; and the same until every client has the message), and the
// server's memory (resident set, sampled). Then it checks that no order was lost or doubled:
// every room's saved record replays to the hash its clients saw, with exactly one set of orders
// per role and turn, the ones the room accepted.
// Not a test: figures to read. Clients and server share this machine's cores, and the clients of
// every room share this process: their folds are done one after another, where a class's devices
// would each fold their own at the same time, so the figures overstate what a page waits.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, type Room } from 'colyseus.js';
import {
  foldTurn,
  followWelcome,
  ROOM_NAME,
  type OwnGame,
  type TurnResolved,
  type Welcome,
} from '../src/browser/live-protocol';
import { shippedScenario } from '../src/server/scenarios';
import { freePort, serveProcess } from '../tests/live-server';
import { botOrders, parseRecord, replay, restoreRng, seedRng, type GameRecord } from '../src/sim';

const { values } = parseArgs({
  options: { rooms: { type: 'string' }, turns: { type: 'string' }, think: { type: 'string' } },
});
const ROOMS = Math.max(1, Math.min(200, Number(values.rooms ?? 40)));
const TURNS = Math.max(1, Math.min(10, Number(values.turns ?? 10)));
/**
 * Each seat waits up to this many milliseconds (at random) before it gives its orders, as people
 * do; 0 (the default) is the worst case: every room's turn resolves at the same moment.
 */
const THINK_MS = Math.max(0, Math.min(60_000, Number(values.think ?? 0)));
const think = () =>
  THINK_MS > 0 ? new Promise((r) => setTimeout(r, Math.random() * THINK_MS)) : Promise.resolve();
const ROLES = ['us', 'eu', 'ukraine', 'russia'];
const SEATS = ['us#1', 'us#2', 'eu', 'ukraine', 'russia'];
/** A wait that fails means something never came, not that it was slow. */
const WAIT_MS = 60_000;

/** Resident memory of a process in MB (Linux), or null where it cannot be read. */
function residentMb(pid: number): number | null {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Processor seconds a process has used (user and system, Linux), or null. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are the 14th and 15th fields of the line (12th and 13th after the name).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Resolves when `test` passes, checked at each message; rejects after WAIT_MS. */
function waitFor(what: string, test: () => boolean, wake: Set<() => void>): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      wake.delete(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, WAIT_MS);
    const check = () => {
      if (!test()) return;
      clearTimeout(timer);
      wake.delete(check);
      resolve();
    };
    wake.add(check);
  });
}

function follow(record: GameRecord): OwnGame {
  const followed = followWelcome(
    shippedScenario(record.scenario.id, record.scenario.hash)!,
    record,
  );
  if (!followed.ok) throw new Error(followed.message);
  return followed.game;
}

/**
 * One client of a room. Like a live page, it replays the welcome's record and folds each resolved
 * turn's orders into its own game, checking the room's hash (foldTurn); it has a turn once that is
 * done.
 */
class Member {
  /** By turn: when the message came, when it was folded in and checked, and its hash. */
  resolved = new Map<number, { received: number; folded: number; hash: string }>();
  accepted = 0;
  proposals = 0;
  welcome: Welcome | null = null;
  game: OwnGame | null = null;
  /** Why this client is out of step with its room (then every wait fails). */
  fault: string | null = null;

  constructor(
    readonly room: Room,
    wake: Set<() => void>,
  ) {
    room.onMessage('*', (type, body) => {
      const received = performance.now();
      if (type === 'welcome') {
        this.welcome = body as Welcome;
        this.game = follow(this.welcome.record);
      }
      if (type === 'turnResolved') {
        const r = body as TurnResolved;
        const folded = foldTurn(this.game!, r);
        if (!folded.ok) this.fault = `turn ${r.turn}: ${folded.message}`;
        this.resolved.set(r.turn, { received, folded: performance.now(), hash: r.hash });
      }
      if (type === 'accepted') this.accepted++;
      if (type === 'proposal') this.proposals++;
      // A rejected order would keep its turn from resolving: say it (the wait then times out).
      if (type === 'rejected') console.error(`rejected: ${JSON.stringify(body)}`);
      for (const check of [...wake]) check();
    });
  }
}

interface RoomResult {
  code: string;
  /** Per turn, from its last order until every client has the turn folded in and checked. */
  latencies: number[];
  /** The same until every client has the message (before folding it in). */
  received: number[];
  /** Per turn, the orders each role's seat sent and saw accepted. */
  sent: Map<number, Map<string, string[]>>;
  hashes: string[];
}

async function playRoom(url: string, index: number): Promise<RoomResult> {
  const wake = new Set<() => void>();
  const teacher = new Member(
    await new Client(url).create(ROOM_NAME, {
      scenario: 'ukraine-2021',
      seed: `bench-${index}`,
      turnSeconds: 0,
      roles: ROLES,
      dyads: ['us'],
    }),
    wake,
  );
  await waitFor('the welcome', () => teacher.welcome !== null, wake);
  const code = teacher.welcome!.code;
  const seats = new Map<string, Member>();
  for (const seat of SEATS)
    seats.set(seat, new Member(await new Client(url).join(ROOM_NAME, { code, seat }), wake));
  const everyone = [teacher, ...seats.values()];
  await waitFor('every welcome', () => everyone.every((m) => m.welcome !== null), wake);
  const outOfStep = () => everyone.find((m) => m.fault !== null)?.fault;

  const result: RoomResult = { code, latencies: [], received: [], sent: new Map(), hashes: [] };
  for (let turn = 1; turn <= TURNS && teacher.game!.state.phase !== 'over'; turn++) {
    const { sc, state } = teacher.game!;
    const orders = new Map<string, string[]>();
    for (const role of ROLES)
      orders.set(
        role,
        botOrders(sc, state, role, 'random', restoreRng(seedRng(`${code}/${role}/${turn}`))),
      );
    result.sent.set(turn, orders);
    let lastSent = 0;
    const send = (m: Member, type: string, body: object) => {
      m.room.send(type, body);
      lastSent = performance.now();
    };
    const us1 = seats.get('us#1')!;
    const us2 = seats.get('us#2')!;
    const proposalsBefore = us2.proposals;
    await Promise.all([
      (async () => {
        await think();
        send(us1, 'propose', { actions: orders.get('us') });
        await waitFor('the proposal', () => us2.proposals > proposalsBefore, wake);
        await think();
        send(us2, 'confirm', {});
      })(),
      ...['eu', 'ukraine', 'russia'].map(async (role) => {
        await think();
        send(seats.get(role)!, 'submit', { actions: orders.get(role) });
      }),
    ]);
    await waitFor(
      `turn ${turn} everywhere`,
      () => everyone.every((m) => m.resolved.has(turn)),
      wake,
    );
    const fault = outOfStep();
    if (fault) throw new Error(`room ${code}: a client is out of step at ${fault}`);
    const arrivals = everyone.map((m) => m.resolved.get(turn)!);
    result.received.push(Math.max(...arrivals.map((a) => a.received)) - lastSent);
    result.latencies.push(Math.max(...arrivals.map((a) => a.folded)) - lastSent);
    const hashes = new Set(arrivals.map((a) => a.hash));
    if (hashes.size !== 1) throw new Error(`room ${code} turn ${turn}: clients saw ${[...hashes]}`);
    result.hashes.push(arrivals[0]!.hash);
  }
  await Promise.all(everyone.map((m) => m.room.leave(true)));
  return result;
}

/** Every order the room's clients sent is in the saved record once, and it replays to their hash. */
function check(records: string, room: RoomResult): string | null {
  const parsed = parseRecord(JSON.parse(readFileSync(join(records, `${room.code}.json`), 'utf8')));
  if (!parsed.ok) return `${room.code}: the saved record does not parse`;
  const record = parsed.value;
  const sc = shippedScenario(record.scenario.id, record.scenario.hash)!;
  const replayed = replay(sc, record);
  if (!replayed.ok) return `${room.code}: the saved record does not replay`;
  if (record.finalHash !== room.hashes.at(-1))
    return `${room.code}: record ends on ${record.finalHash}, the clients on ${room.hashes.at(-1)}`;
  let turn = 1;
  const seen = new Map<string, number>();
  for (const order of record.orders) {
    if (order.type === 'turn/ended') {
      for (const role of room.sent.get(turn)?.keys() ?? [])
        if (seen.get(role) !== 1)
          return `${room.code} turn ${turn}: ${role}'s orders ${seen.get(role) ?? 0} times`;
      seen.clear();
      turn++;
      continue;
    }
    if (order.type !== 'orders/submitted') continue;
    const expected = room.sent.get(turn)?.get(order.role);
    if (!expected || JSON.stringify(expected) !== JSON.stringify(order.actions))
      return `${room.code} turn ${turn}: ${order.role}'s orders in the record are not the ones sent`;
    seen.set(order.role, (seen.get(order.role) ?? 0) + 1);
  }
  return turn - 1 === room.hashes.length
    ? null
    : `${room.code}: ${turn - 1} turns saved, ${room.hashes.length} played`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const records = mkdtempSync(join(tmpdir(), 'brink-bench-rooms-'));
  const server = await serveProcess(await freePort(25700, 25799), ['--records', records], {
    nodeArgs: process.env.BENCH_SERVER_PROFILE
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROFILE]
      : [],
  });
  const memory: number[] = [];
  const idle = residentMb(server.pid);
  const sampler = setInterval(() => {
    const mb = residentMb(server.pid);
    if (mb !== null) memory.push(mb);
  }, 250);
  try {
    console.log(
      `bench:rooms — ${ROOMS} Ukraine classes at once, ${SEATS.length} seats and a teacher each, up to ${TURNS} turns, ${THINK_MS ? `each seat thinking up to ${THINK_MS} ms` : 'no thinking time (every room resolves at once)'}, on ${server.url}`,
    );
    const started = performance.now();
    const cpuBefore = cpuSeconds(server.pid);
    const ownBefore = process.cpuUsage();
    const rooms = await Promise.all(
      Array.from({ length: ROOMS }, (_, i) => playRoom(server.url, i)),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpuAfter = cpuSeconds(server.pid);
    const own = process.cpuUsage(ownBefore);
    const latencies = rooms.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const received = rooms.flatMap((r) => r.received).sort((a, b) => a - b);
    const turns = latencies.length;
    const spread = (sorted: number[]) =>
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
    console.log(
      `${turns} turns resolved in ${seconds.toFixed(1)} s (${(turns / seconds).toFixed(1)} turns/s, ${ROOMS * (SEATS.length + 1)} clients)`,
    );
    console.log(
      `last order of a turn → every client of the room has folded in and checked the new turn: ${spread(latencies)}`,
    );
    console.log(`  (→ every client has the message: ${spread(received)})`);
    if (cpuBefore !== null && cpuAfter !== null)
      console.log(
        `processor time: the server ${(cpuAfter - cpuBefore).toFixed(1)} s, the clients ${((own.user + own.system) / 1e6).toFixed(1)} s, in ${seconds.toFixed(1)} s on ${availableParallelism()} cores`,
      );
    if (memory.length > 0)
      console.log(
        `server resident memory: ${idle?.toFixed(0) ?? '?'} MB idle, ${Math.max(...memory).toFixed(0)} MB at most, ${memory.at(-1)!.toFixed(0)} MB at the end`,
      );
    const faults = rooms.map((r) => check(records, r)).filter((f): f is string => f !== null);
    if (faults.length > 0) {
      console.log(`${faults.length} rooms' records do not match what their clients saw:`);
      for (const fault of faults.slice(0, 10)) console.log(`  ${fault}`);
      process.exitCode = 1;
    } else
      console.log(
        `every room's saved record replays to the hash its clients saw, with each role's orders once a turn, as sent`,
      );
  } finally {
    clearInterval(sampler);
    await server.stop();
    rmSync(records, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
