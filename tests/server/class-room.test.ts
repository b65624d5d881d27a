// The live class room, through real WebSockets to a server in this process: seats and refusals,
// orders checked and hidden, whole games in which every page reaches the same hash, the record
// saved after every turn, and reconnection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_REFUSALS, ROOM_NAME, type TurnResolved } from '../../src/browser/live-protocol';
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
  bootServer,
  client,
  createClass,
  joinClass,
  eventually,
  refusal,
  resumeClass,
  removeScratch,
  scratchDir,
  Seat,
  type TestServer,
} from './support';

const UKRAINE = {
  scenario: 'ukraine-2021',
  seed: 'live-1',
  turnSeconds: 0,
  roles: ['us', 'eu', 'ukraine'],
};

let server: TestServer;
let records: string;

beforeAll(async () => {
  records = scratchDir();
  server = await bootServer(records);
});

afterAll(async () => {
  await server?.close();
  removeScratch();
});

async function classOfThree(options: Record<string, unknown> = UKRAINE) {
  const teacher = await createClass(server.url, options);
  const code = teacher.welcome!.code;
  const [us, eu, ukraine] = await Promise.all(
    ['us', 'eu', 'ukraine'].map((seat) =>
      joinClass(server.url, code, seat, { name: `group ${seat}` }),
    ),
  );
  return { teacher, code, us: us!, eu: eu!, ukraine: ukraine! };
}

/** Each seat's orders this turn, chosen by a bot from the game as that page follows it. */
function botChoice(seat: Seat, turn: number): string[] {
  const role = seat.welcome!.role!;
  return botOrders(seat.sc!, seat.state!, role, 'random', restoreRng(seedRng(`${role}/${turn}`)));
}

async function leaveAll(...seats: Seat[]) {
  await Promise.all(seats.map((s) => s.room.leave(true).catch(() => {})));
}

describe('seats', () => {
  it('a teacher creates a class and three students take their seats', async () => {
    const { teacher, code, us, eu, ukraine } = await classOfThree();
    expect(code).toMatch(/^[A-Z0-9]{5}$/);
    expect(teacher.welcome).toMatchObject({ seat: 'teacher', role: null, code });
    expect(teacher.welcome!.teacherToken).toEqual(expect.any(String));
    expect(us.welcome).toMatchObject({ seat: 'us', role: 'us', code, mine: null });
    expect(us.welcome!.teacherToken).toBeUndefined();
    const state = await teacher.until((s) =>
      Object.values(s.seats).every((seat) => seat.connected),
    );
    expect(state).toMatchObject({
      code,
      turn: 1,
      phase: 'orders',
      teacherConnected: true,
      paused: true,
    });
    expect(Object.keys(state.seats)).toEqual(['us', 'eu', 'ukraine']);
    expect(state.seats.eu).toMatchObject({ taken: true, name: 'group eu', submitted: false });
    // The set-up and the empty record are saved as soon as the class exists.
    const saved = parseRecord(JSON.parse(readFileSync(join(records, `${code}.json`), 'utf8')));
    expect(saved.ok && saved.value.humans).toEqual(['us', 'eu', 'ukraine']);
    await leaveAll(teacher, us, eu, ukraine);
  });

  it('refuses a wrong code, a taken seat, an unknown seat and a false teacher before connecting', async () => {
    const { teacher, code, us, eu, ukraine } = await classOfThree();
    const wrong = await refusal(client(server.url).join(ROOM_NAME, { code: 'QQQQQ', seat: 'us' }));
    expect(wrong.code).toBe(JOIN_REFUSALS.noSuchClass);
    expect(wrong.message).toBe(
      'No class has the code QQQQQ on this server. Check the code on the projector.',
    );
    const garbled = await refusal(client(server.url).join(ROOM_NAME, { code: '12', seat: 'us' }));
    expect(garbled.code).toBe(JOIN_REFUSALS.noSuchClass);
    const taken = await refusal(client(server.url).join(ROOM_NAME, { code, seat: 'us' }));
    expect(taken.code).toBe(JOIN_REFUSALS.seatTaken);
    expect(taken.message).toMatch(/^The seat us is taken/);
    const russia = await refusal(client(server.url).join(ROOM_NAME, { code, seat: 'russia' }));
    expect(russia.code).toBe(JOIN_REFUSALS.noSuchSeat);
    expect(russia.message).toContain('its seats are us, eu, ukraine');
    const impostor = await refusal(
      client(server.url).join(ROOM_NAME, { code, seat: 'teacher', teacherToken: 'guess' }),
    );
    expect(impostor.code).toBe(JOIN_REFUSALS.notTeacher);
    // Nor can create options joined straight to the room make anyone its teacher.
    const sideDoor = await refusal(client(server.url).joinById(code, UKRAINE));
    expect(sideDoor.code).toBe(JOIN_REFUSALS.notTeacher);
    // A code typed in lower case with a space still finds the class; a projector just watches.
    const projector = await joinClass(server.url, ` ${code.toLowerCase()}`, 'projector');
    expect(projector.welcome).toMatchObject({ seat: 'projector', role: null });
    await teacher.until((s) => s.projectors === 1);
    await leaveAll(teacher, us, eu, ukraine, projector);
  });

  it('refuses create options that cannot make a class, with the reason', async () => {
    const unknown = await refusal(
      client(server.url).create(ROOM_NAME, { ...UKRAINE, scenario: 'mars-2030' }),
    );
    expect(unknown.code).toBe(JOIN_REFUSALS.badOptions);
    expect(unknown.message).toContain('ukraine-2021');
    const belarus = await refusal(
      client(server.url).create(ROOM_NAME, { ...UKRAINE, roles: ['belarus'] }),
    );
    expect(belarus.message).toContain('is not a role people can play');
    const dyad = await refusal(
      client(server.url).create(ROOM_NAME, { ...UKRAINE, dyads: ['russia'] }),
    );
    expect(dyad.message).toBe('The dyad "russia" is not among the roles played by people.');
  });

  it('a seat freed by leaving can be taken again; a dropped seat is kept for its student', async () => {
    const { teacher, code, us, eu, ukraine } = await classOfThree();
    await eu.room.leave(true);
    await teacher.until((s) => !s.seats.eu!.taken);
    const eu2 = await joinClass(server.url, code, 'eu');
    expect(eu2.welcome!.role).toBe('eu');

    // A dropped connection (not a leave): the seat stays taken, and the student comes back to it.
    const token = us.room.reconnectionToken;
    await us.room.leave(false);
    await teacher.until((s) => !s.seats.us!.connected && s.seats.us!.taken);
    const stolen = await refusal(client(server.url).join(ROOM_NAME, { code, seat: 'us' }));
    expect(stolen.code).toBe(JOIN_REFUSALS.seatTaken);
    const back = new Seat(await client(server.url).reconnect(token));
    const welcome = await back.next('welcome');
    expect(welcome).toMatchObject({ seat: 'us', role: 'us' });
    await teacher.until((s) => s.seats.us!.connected);
    // Its orders count for its seat's role.
    const answer = await back.ask('submit', { actions: [] }, 'accepted');
    expect(answer).toEqual({ actions: [] });
    await leaveAll(teacher, back, eu2, ukraine);
  });
});

describe('orders', () => {
  it('rejects orders for another role, out of turn, malformed or from the wrong seat, only to the sender', async () => {
    const { teacher, us, eu, ukraine } = await classOfThree();
    const russian = us.sc!.actionsByRole.russia![0]!.id;
    expect(await us.ask('submit', { actions: [russian] }, 'accepted')).toMatchObject({
      request: 'submit',
      code: 'order/notYourRole',
    });
    expect(await us.ask('submit', { role: 'russia', actions: [] }, 'accepted')).toMatchObject({
      code: 'live/notYourRole',
    });
    expect(await us.ask('submit', { actions: 'all' }, 'accepted')).toMatchObject({
      code: 'live/malformed',
    });
    expect(await us.ask('submit', 'hello', 'accepted')).toMatchObject({ code: 'live/malformed' });
    expect(await us.ask('launch', {}, 'accepted')).toMatchObject({ code: 'live/malformed' });
    expect(await us.ask('propose', { actions: [] }, 'proposal')).toMatchObject({
      code: 'live/notDyad',
    });
    expect(await us.ask('resolve', {}, 'turnResolved')).toMatchObject({ code: 'live/notTeacher' });
    expect(await teacher.ask('submit', { actions: [] }, 'accepted')).toMatchObject({
      code: 'live/noRole',
    });
    const long = 'x'.repeat(5_000);
    expect(await us.ask('submit', { actions: [], rationale: long }, 'accepted')).toMatchObject({
      code: 'live/tooLarge',
    });
    expect(
      await us.ask('submit', { actions: [], rationale: 'y'.repeat(300) }, 'accepted'),
    ).toMatchObject({
      code: 'order/malformed',
    });
    expect(await us.ask('submit', { actions: [] }, 'accepted')).toEqual({ actions: [] });
    expect(await us.ask('submit', { actions: [] }, 'accepted')).toMatchObject({
      code: 'live/alreadySubmitted',
    });
    // Nobody else heard of any of it.
    for (const other of [eu, ukraine])
      expect(other.messages.map(([type]) => type)).not.toContain('rejected');
    await leaveAll(teacher, us, eu, ukraine);
  });

  it('a flood of messages is cut off with a rejection', async () => {
    const { teacher, us, eu, ukraine } = await classOfThree();
    for (let i = 0; i < 60; i++) us.room.send('record', {});
    await us.next('rejected', (r) => r.code === 'live/rateLimited');
    // One refusal for the flood, not one for each message; the rest are dropped.
    // Once the bucket refills, messages are answered again.
    const welcomes = () => us.messages.filter(([type]) => type === 'welcome').length;
    const before = welcomes();
    await eventually(() => {
      us.room.send('sync', {});
      expect(welcomes()).toBeGreaterThan(before);
    }, 250);
    const answered = us.messages.filter(([type]) => type === 'record' || type === 'rejected');
    expect(answered.length).toBeLessThan(60);
    expect(answered.filter(([type]) => type === 'rejected')).toHaveLength(1);
    await leaveAll(teacher, us, eu, ukraine);
  });

  it("keeps each seat's orders from every other page until the turn resolves", async () => {
    const { teacher, us, eu, ukraine } = await classOfThree();
    const projector = await joinClass(server.url, teacher.welcome!.code, 'projector');
    const chosen = botChoice(us, 1);
    expect(chosen.length).toBeGreaterThan(0);
    const rationale = 'Deterrence first: a secret of the US group';
    expect(await us.ask('submit', { actions: chosen, rationale }, 'accepted')).toEqual({
      actions: chosen,
      rationale,
    });
    await eu.until((s) => s.seats.us!.submitted);
    for (const other of [teacher, eu, ukraine, projector]) {
      const seen = JSON.stringify(other.messages) + JSON.stringify(other.stateJson());
      for (const id of chosen) expect(seen).not.toContain(id);
      expect(seen).not.toContain('secret of the US group');
    }
    // The US page learns its own orders again if it reloads.
    us.room.send('sync', {});
    expect((await us.next('welcome', (w) => w.mine !== null)).mine).toEqual({
      actions: chosen,
      rationale,
    });
    expect(eu.stateJson().seats.us!.submitted).toBe(true);
    await eu.ask('submit', { actions: [] }, 'accepted');
    await ukraine.ask('submit', { actions: [] }, 'accepted');
    const resolved = await projector.next('turnResolved');
    expect(resolved.why).toBe('allSubmitted');
    expect(resolved.orders).toContainEqual({
      type: 'orders/submitted',
      role: 'us',
      actions: chosen,
      rationale,
    });
    await leaveAll(teacher, us, eu, ukraine, projector);
  });
});

describe('a whole game', () => {
  it('every page sees the same resolutions and hash, which the saved record replays to', async () => {
    const { teacher, code, us, eu, ukraine } = await classOfThree({
      ...UKRAINE,
      seed: 'whole-game',
    });
    const pages = [teacher, us, eu, ukraine];
    const students = [us, eu, ukraine];
    const injectable = teacher.sc!.scenario.events.find((e) => e.injectable)!;
    let turn = 1;
    while (teacher.stateJson().phase === 'orders') {
      if (turn === 2) {
        expect(await teacher.ask('inject', { event: injectable.id }, 'injected')).toEqual({
          event: injectable.id,
        });
        expect(await teacher.ask('inject', { event: 'no-such-event' }, 'injected')).toMatchObject({
          code: 'order/unknownEvent',
        });
      }
      // On turn 3 the Ukrainian group is late and the teacher resolves without it.
      const giving = turn === 3 ? [us, eu] : students;
      await Promise.all(
        giving.map((s) => s.ask('submit', { actions: botChoice(s, turn) }, 'accepted')),
      );
      if (turn === 3)
        expect(await teacher.ask('resolve', {}, 'turnResolved')).toMatchObject({
          why: 'teacher',
          defaulted: ['ukraine'],
        });
      const seen = await Promise.all(
        pages.map((p) => p.next('turnResolved', (r) => r.turn === turn)),
      );
      expect(new Set(seen.map((r) => JSON.stringify(r))).size).toBe(1);
      if (turn === 2)
        expect(seen[0]!.orders).toContainEqual({
          type: 'facilitator/eventInjected',
          event: injectable.id,
        });
      await teacher.until((s) => s.hash === seen[0]!.hash);
      turn++;
      expect(turn).toBeLessThan(60);
    }
    expect(teacher.stateJson().phase).toBe('over');
    const final = teacher.stateJson().hash;
    for (const page of pages) {
      expect(page.hashes.at(-1)).toBe(final);
      expect(page.state!.phase).toBe('over');
    }
    // Every page gets the same record and link; the record replays to the hash everyone saw.
    const answers = await Promise.all(pages.map((p) => p.ask('record', {}, 'record')));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const { record, link } = answers[0] as { record: GameRecord; link: string };
    expect(record.finalHash).toBe(final);
    expect(link.length).toBeGreaterThan(20);
    const sc = shippedScenario('ukraine-2021')!;
    const replayed = replay(sc, record);
    expect(replayed.ok && replayed.value.hash).toBe(final);
    // The saved file is the same record (it is written just after the last resolution).
    await eventually(() => {
      const saved = parseRecord(JSON.parse(readFileSync(join(records, `${code}.json`), 'utf8')));
      expect(saved.ok && saved.value).toEqual(record);
    });
    // After the end: no more orders.
    expect(await us.ask('submit', { actions: [] }, 'accepted')).toMatchObject({
      code: 'live/wrongPhase',
    });
    await leaveAll(...pages);
  });

  it('the clock resolves a turn when it runs out, after the teacher starts it', async () => {
    const teacher = await createClass(server.url, { ...UKRAINE, roles: ['us'], turnSeconds: 1 });
    const us = await joinClass(server.url, teacher.welcome!.code, 'us');
    expect(teacher.stateJson()).toMatchObject({ paused: true, secondsLeft: 1 });
    teacher.room.send('resume', {});
    const resolved: TurnResolved = await us.next('turnResolved');
    expect(resolved).toMatchObject({ turn: 1, why: 'clock', defaulted: ['us'] });
    teacher.room.send('pause', {});
    await teacher.until((s) => s.paused && s.turn === 2);
    teacher.room.send('extend', { seconds: 30 });
    await teacher.until((s) => s.secondsLeft === 31);
    await leaveAll(teacher, us);
  });

  it('the teacher ends the game: the turn in progress is dropped and no more orders come in', async () => {
    const { teacher, code, us, eu, ukraine } = await classOfThree({ ...UKRAINE, seed: 'ended' });
    await Promise.all([us, eu, ukraine].map((s) => s.ask('submit', { actions: [] }, 'accepted')));
    const first = await teacher.next('turnResolved');
    await us.ask('submit', { actions: botChoice(us, 2) }, 'accepted');
    teacher.room.send('end', {});
    expect(await ukraine.next('ended')).toEqual({ hash: first.hash });
    await ukraine.until((s) => s.phase === 'ended');
    expect(await eu.ask('submit', { actions: [] }, 'accepted')).toMatchObject({
      code: 'live/wrongPhase',
    });
    expect(await teacher.ask('resolve', {}, 'turnResolved')).toMatchObject({
      code: 'live/wrongPhase',
    });
    const { record } = (await eu.ask('record', {}, 'record')) as { record: GameRecord };
    expect(record.orders.filter((o) => o.type === 'turn/ended')).toHaveLength(1);
    expect(record.finalHash).toBe(first.hash);
    await eventually(() => {
      const saved = parseRecord(JSON.parse(readFileSync(join(records, `${code}.json`), 'utf8')));
      expect(saved.ok && saved.value.finalHash).toBe(first.hash);
    });
    await leaveAll(teacher, us, eu, ukraine);
    // Resumed later, it is still ended.
    const resumed = await resumeClass(server.url, code, teacher.welcome!.teacherToken!);
    expect(resumed.stateJson()).toMatchObject({ phase: 'ended', hash: first.hash, turn: 2 });
    await leaveAll(resumed);
  });

  it('a dyad proposes, refuses (recorded as disputed) and confirms its orders', async () => {
    const teacher = await createClass(server.url, {
      ...UKRAINE,
      roles: ['us', 'eu'],
      dyads: ['eu'],
    });
    const code = teacher.welcome!.code;
    const [us, eu1, eu2] = await Promise.all(
      ['us', 'eu#1', 'eu#2'].map((s) => joinClass(server.url, code, s)),
    );
    const first = botChoice(eu1!, 1);
    expect(await eu1!.ask('submit', { actions: first }, 'accepted')).toMatchObject({
      code: 'live/isDyad',
    });
    expect(await eu1!.ask('confirm', {}, 'accepted')).toMatchObject({ code: 'live/noProposal' });
    await eu1!.ask('propose', { actions: first }, 'proposal');
    expect(await eu2!.next('proposal')).toEqual({ from: 'eu#1', actions: first });
    expect(await eu1!.ask('confirm', {}, 'accepted')).toMatchObject({ code: 'live/noProposal' });
    expect(us!.messages.map(([t]) => t)).not.toContain('proposal');
    await eu2!.ask('refuse', { note: 'too soft' }, 'refused');
    expect(await eu1!.next('refused')).toEqual({ by: 'eu#2', actions: first, note: 'too soft' });
    await eu2!.ask('propose', { actions: [] }, 'proposal');
    expect(await eu1!.ask('confirm', {}, 'accepted')).toEqual({ actions: [] });
    await us!.ask('submit', { actions: [] }, 'accepted');
    const resolved = await teacher.next('turnResolved');
    expect(resolved.orders).toContainEqual({
      type: 'orders/disputed',
      role: 'eu',
      actions: first,
      note: 'too soft',
    });
    await leaveAll(teacher, us!, eu1!, eu2!);
  });
});
