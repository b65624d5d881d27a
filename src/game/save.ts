// Autosave: the game record, the player's role and how the game is played (a dyad partner,
// facilitator mode) in localStorage. Restoring replays the record through the core, so a reload
// resumes exactly; anything unreadable is reported, never trusted.
import { parseRecord, replay, type CompiledScenario, type Session } from '../sim';

const SAVE_KEY = 'brink.save';

/** How a game is played beyond its record; a save without it (older Brink) means neither. */
export interface PlayMode {
  dyad: boolean;
  facilitator: boolean;
}

export interface SavedGame extends PlayMode {
  role: string;
  session: Session;
}

export type LoadResult =
  { kind: 'none' } | { kind: 'ok'; saved: SavedGame } | { kind: 'error'; message: string };

export function writeSave(role: string, session: Session, mode: PlayMode): void {
  try {
    const { dyad, facilitator } = mode;
    localStorage.setItem(
      SAVE_KEY,
      JSON.stringify({ role, dyad, facilitator, record: session.record }),
    );
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
  const {
    role,
    record: raw,
    dyad,
    facilitator,
  } = data as Record<string, unknown> & { role: string };
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
    saved: {
      role,
      dyad: dyad === true,
      facilitator: facilitator === true,
      session: { state: replayed.value.state, record: parsed.value },
    },
  };
}
