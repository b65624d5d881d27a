// Autosave: the game record, the player's role and how the game is played (a dyad partner,
// facilitator mode) in localStorage. Restoring replays the record through the core, so a reload
// resumes exactly; anything unreadable is reported, never trusted — and never thrown away: a save
// that cannot be opened (damaged, or made by a newer Brink) is kept aside under its own key until
// the player downloads or discards it, so a later version of Brink can still open it. A game
// started with an earlier version of the scenario is restored with that version, from the archive.
import type { ScenarioVersions } from '../browser/scenario-versions';
import {
  parseRecord,
  replay,
  whatIfVariant,
  type CompiledScenario,
  type Fault,
  type GameRecord,
  type Session,
} from '../sim';
import { shownValue } from '../sim/record/parse';

const SAVE_KEY = 'brink.save';
/**
 * Saves that could not be opened: a JSON list, newest first. A newer bad save does not replace an
 * older one; both are kept, up to MAX_UNOPENED (beyond that the oldest goes), never the same text
 * twice.
 */
const UNOPENED_KEY = 'brink.save.unopened';
const MAX_UNOPENED = 5;

/** A save kept aside: its text exactly as it was stored, when, and why it could not be opened. */
export interface UnopenedSave {
  keptOn: string;
  reason: string;
  text: string;
}

/** How a game is played beyond its record; a save without it (older Brink) means neither. */
export interface PlayMode {
  dyad: boolean;
  facilitator: boolean;
}

export interface SavedGame extends PlayMode {
  role: string;
  session: Session;
  /** The scenario version the game was started with, and goes on with. */
  sc: CompiledScenario;
}

/** `fetch`: the save names a scenario or version the page has not fetched yet; fetch it and read again. */
export type LoadResult =
  | { kind: 'none' }
  | { kind: 'ok'; saved: SavedGame }
  | { kind: 'fetch'; scenario: { id: string; hash: string } }
  | { kind: 'error'; message: string; text: string };

/**
 * The first fault as words that name its field: a phrase gets its path in front ("seed must be
 * text, not 5."); a sentence stands as it is (the core words those to stand alone).
 */
/** The scenario a recorded game was played with: its version, under its what-if switches. */
export function variantOf(sc: CompiledScenario, record: GameRecord): CompiledScenario {
  const variant = whatIfVariant(sc, record.whatIf);
  return variant.ok ? variant.value : sc;
}

export function faultText(faults: readonly Fault[]): string {
  const [first, ...rest] = faults;
  if (!first) return '';
  const { path, message } = first;
  const text = path && /^[a-z]/.test(message) ? `${path} ${message}` : message;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return `${text.replace(/\.$/, '')}${more}.`;
}

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

/**
 * Moves a save that could not be opened out of the way of new games into the kept list. Returns
 * false when it could not be kept (storage full or off): then it stays where it was.
 */
export function setAsideSave(text: string, reason: string, keptOn: string): boolean {
  const kept = readUnopenedSaves().filter((s) => s.text !== text);
  const list = [{ keptOn, reason, text }, ...kept].slice(0, MAX_UNOPENED);
  try {
    localStorage.setItem(UNOPENED_KEY, JSON.stringify(list));
    localStorage.removeItem(SAVE_KEY);
    return true;
  } catch {
    return false;
  }
}

const isUnopened = (value: unknown): value is UnopenedSave =>
  typeof value === 'object' &&
  value !== null &&
  ['keptOn', 'reason', 'text'].every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'string',
  );

/** The saves kept aside, newest first. A damaged list is itself kept, as one entry. */
export function readUnopenedSaves(): UnopenedSave[] {
  let text: string | null;
  try {
    text = localStorage.getItem(UNOPENED_KEY);
  } catch {
    return [];
  }
  if (text === null) return [];
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list) && list.every(isUnopened)) return list;
  } catch {
    // Not JSON: kept below as it is.
  }
  return [{ keptOn: '', reason: 'The list of saves kept aside was itself damaged.', text }];
}

/** Deletes the newest kept save (the one the title screen offers). */
export function discardUnopenedSave(): UnopenedSave[] {
  const rest = readUnopenedSaves().slice(1);
  try {
    if (rest.length) localStorage.setItem(UNOPENED_KEY, JSON.stringify(rest));
    else localStorage.removeItem(UNOPENED_KEY);
  } catch {
    // Storage off: nothing was kept to discard.
  }
  return rest;
}

/** Why a game of a scenario version that none here has cannot be opened, and which there are. */
export function missingVersion(
  versions: ScenarioVersions,
  played: { id: string; hash: string; version?: string },
): string {
  const here = [
    ...new Set(
      [versions.currentOf(played.id) ?? versions.current, ...(versions.earlier ?? [])]
        .filter((v) => v.scenario.id === played.id)
        .flatMap((v) => [
          v.scenario.version,
          ...(v.scenario.compatibleWith ?? []).map((c) => c.version),
        ]),
    ),
  ].sort(newestFirst);
  const which = played.version ? `version ${played.version}` : 'a version';
  return (
    `It was played with ${which} of the scenario "${played.id}" (content hash ${played.hash}), ` +
    `which this copy of Brink does not have: it has ${here.join(', ')}.`
  );
}

/** Why a game of a scenario this page does not have (or could not fetch) cannot be opened. */
export function missingScenario(versions: ScenarioVersions, id: string): string {
  return (
    versions.failure(id) ??
    `It was played with the scenario "${id}", which this copy of Brink does not have: it has ${versions.ids.join(', ')}.`
  );
}

/** Versions such as "1.10.0" and "1.9.2", newest first. */
function newestFirst(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x!.length, y!.length); i++) {
    const d = (y![i] ?? 0) - (x![i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function readSave(versions: ScenarioVersions): LoadResult {
  let text: string | null;
  try {
    text = localStorage.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const error = (message: string): LoadResult => ({ kind: 'error', message, text: text! });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return error('The saved game is not readable (it is not valid JSON).');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return error(
      `The saved game is incomplete: it must be a JSON object, not ${shownValue(data)}.`,
    );
  const role: unknown = (data as Record<string, unknown>).role;
  if (typeof role !== 'string')
    return error(
      `The saved game is incomplete: role must name the role you play, not ${shownValue(role)}.`,
    );
  const { record: raw, dyad, facilitator } = data as Record<string, unknown>;
  if (raw === undefined) return error('The saved game is incomplete: record is missing.');
  const parsed = parseRecord(raw);
  if (!parsed.ok) {
    // A format fault is most often a save from a newer Brink, not a damaged one.
    const what = parsed.errors[0]?.path === 'format' ? 'could not be opened' : 'is damaged';
    return error(`The saved game ${what}: ${faultText(parsed.errors)}`);
  }
  const played = parsed.value.scenario;
  if (versions.wants(played.hash, played.id)) return { kind: 'fetch', scenario: played };
  const sc = versions.versionFor(played.hash, played.id);
  if (played.id !== sc.scenario.id)
    return error(`The saved game could not be opened. ${missingScenario(versions, played.id)}`);
  if (!sc.hashes.includes(played.hash))
    return error(`The saved game could not be opened. ${missingVersion(versions, played)}`);
  if (!sc.roles[role] || !parsed.value.humans.includes(role))
    return error(
      `The saved game is damaged: role ${shownValue(role)} is not a role played by a person in it.`,
    );
  const replayed = replay(sc, parsed.value);
  if (!replayed.ok)
    return error(`The saved game cannot be restored: ${faultText(replayed.errors)}`);
  return {
    kind: 'ok',
    saved: {
      role,
      dyad: dyad === true,
      facilitator: facilitator === true,
      session: { state: replayed.value.state, record: parsed.value },
      sc: variantOf(sc, parsed.value),
    },
  };
}
