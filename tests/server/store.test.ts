// The file store of live classes: what a restarted server reads back is what was saved last, in a
// folder made when needed, and a save that cannot be written fails instead of passing for kept.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { shippedScenario } from '../../src/server/scenarios';
import type { RoomSetup } from '../../src/server/setup';
import { FileRoomStore } from '../../src/server/store';
import { dispatch, finishedRecord, startSession } from '../../src/sim';
import { removeScratch, scratchDir } from './support';

afterEach(removeScratch);

const sc = shippedScenario('cuba-1962')!;
const setup: RoomSetup = {
  format: 1,
  code: 'ACDEF',
  scenario: 'cuba-1962',
  seed: 'store',
  turnSeconds: 0,
  roles: ['us', 'ussr'],
  dyads: [],
  whatIf: {},
  teacherTokenHash: 'f'.repeat(64),
};
const start = startSession(sc, 'store', ['us', 'ussr']);
const later = dispatch(sc, start, { type: 'orders/submitted', role: 'us', actions: [] }).session;

it('makes its folder, keeps the last save of each class, and leaves no temporary file', async () => {
  const where = join(scratchDir(), 'records', 'today');
  const store = new FileRoomStore(where);
  await store.save('ACDEF', finishedRecord(start), setup);
  await store.save('ACDEF', finishedRecord(later));
  expect(await store.load('ACDEF')).toEqual({ setup, record: finishedRecord(later) });
  expect(readdirSync(where).sort()).toEqual(['ACDEF.json', 'ACDEF.room.json']);
  expect(await store.load('QQQQQ')).toBeNull();
});

it('makes the folder again if it has gone, and fails a save it cannot write', async () => {
  const where = join(scratchDir(), 'records');
  const store = new FileRoomStore(where);
  await store.save('ACDEF', finishedRecord(start), setup);
  rmSync(where, { recursive: true });
  await store.save('ACDEF', finishedRecord(later), setup);
  expect((await store.load('ACDEF'))?.record).toEqual(finishedRecord(later));
  rmSync(where, { recursive: true });
  writeFileSync(where, 'a file where the folder was');
  await expect(store.save('ACDEF', finishedRecord(later))).rejects.toThrow();
});
