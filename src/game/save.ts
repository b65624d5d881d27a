// Autosave: the game record (plus the player's role) in localStorage. Restoring replays the record
// through the core, so a reload resumes exactly; anything unreadable is reported, never trusted.
import { parseRecord, replay, type CompiledScenario, type Session } from '../sim';

const SAVE_KEY = 'brink.save';

export interface SavedGame {
  role: string;
  session: Session;
}

export type LoadResult =
  { kind: 'none' } | { kind: 'ok'; saved: SavedGame } | { kind: 'error'; message: string };

export function writeSave(role: string, session: Session): void {
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify({ role, record: session.record }));
  } catch {
    // Storage full or disabled: the game goes on; only the autosave is lost.
  }
}

export function clearSave(): void {
  try {
    localStorage.removeItem(SAVE_KEY);
  } catch {
    // Nothing to clear.
  }
}

export function readSave(sc: CompiledScenario): LoadResult {
  let text: string | null;
  try {
    text = localStorage.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'error', message: 'The saved game is not readable (it is not valid JSON).' };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof (data as { role?: unknown }).role !== 'string'
  ) {
    return {
      kind: 'error',
      message: 'The saved game is incomplete (it does not say which role you play).',
    };
  }
  const { role, record: raw } = data as { role: string; record: unknown };
  const parsed = parseRecord(raw);
  if (!parsed.ok)
    return { kind: 'error', message: `The saved game is damaged: ${parsed.errors[0]!.message}` };
  if (!sc.roles[role] || !parsed.value.humans.includes(role)) {
    return {
      kind: 'error',
      message: `The saved game names a role this scenario does not have for you ("${role}").`,
    };
  }
  const replayed = replay(sc, parsed.value);
  if (!replayed.ok)
    return {
      kind: 'error',
      message: `The saved game cannot be restored: ${replayed.errors[0]!.message}`,
    };
  return {
    kind: 'ok',
    saved: { role, session: { state: replayed.value.state, record: parsed.value } },
  };
}
