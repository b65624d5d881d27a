// The records of this browser tab's live classes (a teaching session), for the class view: each
// class's code, scenario and share link, kept in sessionStorage.
import { kept, withTextFields } from './connection';

export interface SessionRecord {
  code: string;
  title: string;
  link: string;
}

const isRecord = withTextFields(['code', 'title', 'link']);
const isList = (v: unknown): v is SessionRecord[] => Array.isArray(v) && v.every(isRecord);

const store = kept('brink-live-records', isList);

export const sessionRecords = {
  read(): SessionRecord[] {
    return store.read() ?? [];
  },
  /** Adds a class's record, or replaces the one of the same class. */
  add(record: SessionRecord): void {
    store.write([...this.read().filter((r) => r.code !== record.code), record]);
  },
};
