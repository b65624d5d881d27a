// A crash in the middle of a game: the server process is killed (SIGKILL, no chance to save) with
// orders of the turn in progress given; a new process on the same records folder resumes the class
// from its record for the teacher, the students take their seats again, and the game goes on to
// an end whose record replays to the hash every page saw. Only the turn in progress is lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { JOIN_REFUSALS, ROOM_NAME } from '../../src/browser/live-protocol';
import { shippedScenario } from '../../src/server/scenarios';
import {
  botOrders,
  parseRecord,
  replay,
  restoreRng,
  seedRng,
  type GameRecord,
} from '../../src/sim';
import {
  client,
  createClass,
  joinClass,
  refusal,
  removeScratch,
  scratchDir,
  spawnServer,
  type ChildServer,
  type Seat,
} from './support';

const servers: ChildServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop('SIGKILL')));
  removeScratch();
});

function choose(seat: Seat, turn: number): string[] {
  const role = seat.welcome!.role!;
  return botOrders(seat.sc!, seat.state!, role, 'random', restoreRng(seedRng(`${role}/${turn}`)));
}

async function playTurn(teacher: Seat, students: Seat[], turn: number) {
  await Promise.all(students.map((s) => s.ask('submit', { actions: choose(s, turn) }, 'accepted')));
  const seen = await Promise.all(
    [teacher, ...students].map((p) => p.next('turnResolved', (r) => r.turn === turn)),
  );
  expect(new Set(seen.map((r) => r.hash)).size).toBe(1);
  return seen[0]!;
}

it('a killed server loses only the turn in progress: the teacher resumes the class from its record', async () => {
  const records = scratchDir();
  const first = await spawnServer(['--records', records]);
  servers.push(first);
  const teacher = await createClass(first.url, {
    scenario: 'cuba-1962',
    seed: 'crash',
    turnSeconds: 120,
    roles: ['us', 'ussr'],
  });
  const { code, teacherToken } = teacher.welcome!;
  const seats = await Promise.all(['us', 'ussr'].map((s) => joinClass(first.url, code, s)));
  await playTurn(teacher, seats, 1);
  const second = await playTurn(teacher, seats, 2);
  // Turn 3 is under way: one group has given its orders when the server dies.
  await seats[0]!.ask('submit', { actions: choose(seats[0]!, 3) }, 'accepted');
  const file = join(records, `${code}.json`);
  const saved = (): GameRecord => {
    const parsed = parseRecord(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    return parsed.value;
  };
  await first.stop('SIGKILL');
  expect(saved().finalHash).toBe(second.hash);
  expect(saved().orders.filter((o) => o.type === 'turn/ended')).toHaveLength(2);

  const restarted = await spawnServer(['--records', records]);
  servers.push(restarted);
  // The students cannot find the class until the teacher resumes it, and only the teacher can.
  expect((await refusal(client(restarted.url).join(ROOM_NAME, { code, seat: 'us' }))).code).toBe(
    JOIN_REFUSALS.noSuchClass,
  );
  const impostor = await refusal(
    client(restarted.url).create(ROOM_NAME, { resumeFrom: code, teacherToken: 'x' }),
  );
  expect(impostor.code).toBe(JOIN_REFUSALS.notTeacher);
  const unknown = await refusal(
    client(restarted.url).create(ROOM_NAME, { resumeFrom: 'QQQQQ', teacherToken }),
  );
  expect(unknown.code).toBe(JOIN_REFUSALS.noSuchClass);

  const resumed = await createClass(restarted.url, { resumeFrom: code, teacherToken });
  expect(resumed.welcome!.code).toBe(code);
  expect(resumed.welcome!.record).toEqual(saved());
  expect(resumed.stateJson()).toMatchObject({ turn: 3, hash: second.hash, phase: 'orders' });
  const running = await refusal(
    client(restarted.url).create(ROOM_NAME, { resumeFrom: code, teacherToken }),
  );
  expect(running.message).toBe(
    `Class ${code} is still running: join it with the teacher token instead.`,
  );
  // The teacher can also come back on another device with the token.
  const secondScreen = await joinClass(restarted.url, code, 'teacher', { teacherToken });
  expect(secondScreen.welcome!.seat).toBe('teacher');

  const back = await Promise.all(['us', 'ussr'].map((s) => joinClass(restarted.url, code, s)));
  for (const seat of back) expect(seat.state!.turn).toBe(3);
  // The US orders of turn 3 were lost with the server: the US group gives them again.
  expect(back[0]!.welcome!.mine).toBeNull();
  let turn = 3;
  let last = second;
  while (resumed.stateJson().phase === 'orders' && turn < 60) {
    last = await playTurn(resumed, back, turn);
    await resumed.until((s) => s.hash === last.hash);
    turn++;
  }
  expect(resumed.stateJson().phase).toBe('over');
  const { record } = (await back[1]!.ask('record', {}, 'record')) as { record: GameRecord };
  expect(record.orders.slice(0, resumed.welcome!.record.orders.length)).toEqual(
    resumed.welcome!.record.orders,
  );
  const replayed = replay(shippedScenario('cuba-1962')!, record);
  expect(replayed.ok && replayed.value.hash).toBe(last.hash);
  for (const page of [resumed, ...back]) expect(page.hashes.at(-1)).toBe(last.hash);
  // (The pages of the killed server have no connection left to leave.)
  await Promise.all([resumed, secondScreen, ...back].map((p) => p.room.leave(true)));
});
