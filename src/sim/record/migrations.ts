// Every change of the record format is migrated here, one step at a time, so an old record or
// share link still opens. Each step takes format N and returns format N + 1.
import type { Fault, Result } from '../result';
import { RECORD_FORMAT } from './types';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Format 1 is the first; when format 2 comes, its step from 1 goes here as `1: (old) => ...`. */
const MIGRATIONS: Record<number, Migration> = {};

export function migrateRecord(raw: Record<string, unknown>): Result<Record<string, unknown>> {
  let record = raw;
  const start = record.format;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) {
    return fail({ path: 'format', message: 'The record has no valid format number.' });
  }
  if (start > RECORD_FORMAT) {
    return fail({
      path: 'format',
      message: `The record is format ${start}, newer than this version of Brink understands (${RECORD_FORMAT}). Update Brink to open it.`,
    });
  }
  for (let format = start; format < RECORD_FORMAT; format++) {
    const step = MIGRATIONS[format];
    if (!step)
      return fail({ path: 'format', message: `No migration from record format ${format}.` });
    record = step(record);
  }
  return { ok: true, value: record };
}

function fail(fault: Fault): Result<never> {
  return { ok: false, errors: [fault] };
}
