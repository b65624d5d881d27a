// A scenario as its designer edits it: one folder, split by concern, joined here into the one
// scenario object the validator and the engine read. The folder holds
//
//   scenario.json      the frame: id, version, dates, turns, mechanics, the hidden intent, the ladder
//   roles.json         the roles              variables.json   the variables
//   actions/<role>.json  each role's actions, in the order of roles.json (`role` may be left out)
//   events.json        the events             endings.json     the endings
//   rules.json         the rules block        what-ifs.json    the what-if switches
//   history.json       the historical plan, its conditions, and the calibration lines
//   teaching.json      the briefing, glossary, questions, real timeline and model card
//   lesson-kit.json    the 45-minute lesson
//
// An effect may be written compactly: "tension +5", "readiness +10 after 2" (it lands two turns
// later), "channels +5 for 3" (a political effect that lapses after three turns), "intel 10 to
// actor". Joining gives the same object as a single-file scenario, so the content hash, records
// and links do not depend on how the scenario is stored. A fault is told by the file and the JSON
// path inside it.
import type { Fault, Result } from '../result';
import type { CompiledScenario } from './compile';
import { loadScenario } from './load';
import { at, didYouMean, isObject, quote, show } from './words';

/** Parsed JSON by path inside the folder ("actions/us.json"), `/` between folders. */
export type ScenarioFiles = Readonly<Record<string, unknown>>;

interface KeysFile {
  readonly file: string;
  /** The scenario's top-level keys the file holds, as an object with these keys. */
  readonly keys: readonly string[];
  readonly optional?: boolean;
}
interface ValueFile {
  readonly file: string;
  /** The one top-level key whose value the whole file is. */
  readonly value: string;
  /** The value is a list (checked while joining: the actions are joined by the roles' list). */
  readonly list?: boolean;
  readonly optional?: boolean;
}
type Part = KeysFile | ValueFile;

/** The files of a scenario folder besides actions/, each with the parts of a scenario it holds. */
export const FOLDER_FILES: readonly Part[] = [
  {
    file: 'scenario.json',
    keys: [
      '$schema',
      'id',
      'version',
      'title',
      'summary',
      'startDate',
      'turns',
      'daysPerTurn',
      'compatibleWith',
      'mechanics',
      'hiddenIntent',
      'rungs',
      'presentation',
    ],
  },
  { file: 'roles.json', value: 'roles', list: true },
  { file: 'variables.json', value: 'variables', list: true },
  { file: 'events.json', value: 'events', list: true },
  { file: 'endings.json', value: 'endings', list: true },
  { file: 'rules.json', value: 'rules', optional: true },
  { file: 'what-ifs.json', value: 'whatIfs', list: true, optional: true },
  { file: 'history.json', keys: ['historical', 'historicalWhen', 'calibration'] },
  {
    file: 'teaching.json',
    keys: ['briefing', 'glossary', 'discussionQuestions', 'whatHappened', 'modelCard'],
  },
  { file: 'lesson-kit.json', value: 'lessonKit', optional: true },
];
const ACTIONS_DIR = 'actions/';
const MAX_FILES = 1_000;

/** Where each part of a joined scenario came from, to tell a fault by its file. */
export interface FolderMap {
  /** Top-level key → the file that holds it, and whether the file is the key's whole value. */
  readonly parts: ReadonlyMap<string, { file: string; whole: boolean }>;
  /** The actions: each role's file and where its actions start in the joined list. */
  readonly actions: readonly { file: string; start: number; count: number }[];
}

/** The files joined into one scenario object, or faults naming the file (and path) at fault. */
export function joinScenarioFolder(
  files: ScenarioFiles,
): { ok: true; value: Record<string, unknown>; map: FolderMap } | { ok: false; errors: Fault[] } {
  const errors: Fault[] = [];
  const fault = (file: string, path: string, message: string) =>
    errors.push({ file, path, message, severity: 'error' });
  const names = Object.keys(files);
  if (names.length > MAX_FILES) {
    return {
      ok: false,
      errors: [{ path: '', message: `has more than ${MAX_FILES} files`, severity: 'error' }],
    };
  }
  const known = FOLDER_FILES.map((part) => part.file);
  for (const name of names) {
    if (known.includes(name) || isActionsFile(name)) continue;
    fault(
      name,
      '',
      `is not a file of a scenario folder${didYouMean(name, known)}: it holds ${known.join(', ')} and ${ACTIONS_DIR}<role>.json`,
    );
  }

  const value: Record<string, unknown> = {};
  const parts = new Map<string, { file: string; whole: boolean }>();
  for (const part of FOLDER_FILES) {
    const data = files[part.file];
    if ('value' in part) parts.set(part.value, { file: part.file, whole: true });
    else for (const key of part.keys) parts.set(key, { file: part.file, whole: false });
    if (data === undefined) {
      if (!part.optional) fault(part.file, '', 'is missing from the scenario folder');
      continue;
    }
    if ('value' in part) {
      if (part.list && !Array.isArray(data))
        fault(part.file, '', `must be a list, not ${show(data)}`);
      else value[part.value] = data;
      continue;
    }
    if (!isObject(data)) {
      fault(part.file, '', `must be a JSON object, not ${show(data)}`);
      continue;
    }
    for (const [key, item] of Object.entries(data)) {
      if (part.keys.includes(key)) {
        value[key] = item;
        continue;
      }
      const home = FOLDER_FILES.find((p) =>
        'value' in p ? p.value === key : p.keys.includes(key),
      );
      fault(
        part.file,
        at('', key),
        home
          ? `belongs in ${home.file}, not here`
          : `is not a part of a scenario${didYouMean(key, part.keys)}: this file holds ${part.keys.map((k) => JSON.stringify(k)).join(', ')}`,
      );
    }
  }

  // Each role's actions, in the order of roles.json, so the joined list keeps its order.
  const roleIds = Array.isArray(value.roles)
    ? value.roles.map((role) => (isObject(role) ? role.id : undefined))
    : [];
  const actionFiles = names.filter(isActionsFile);
  const roleOf = (file: string) => file.slice(ACTIONS_DIR.length, -'.json'.length);
  const ordered = [...actionFiles].sort(
    (a, b) => rank(roleIds.indexOf(roleOf(a))) - rank(roleIds.indexOf(roleOf(b))),
  );
  const actions: unknown[] = [];
  const slices: { file: string; start: number; count: number }[] = [];
  for (const file of Array.isArray(value.roles) ? ordered : []) {
    const role = roleOf(file);
    const list = files[file];
    if (!roleIds.includes(role)) {
      const ids = roleIds.filter((id): id is string => typeof id === 'string');
      fault(
        file,
        '',
        `names no role of roles.json${didYouMean(role, ids)}: name it after a role's id`,
      );
      continue;
    }
    if (!Array.isArray(list)) {
      fault(file, '', `must be a list of the role's actions, not ${show(list)}`);
      continue;
    }
    slices.push({ file, start: actions.length, count: list.length });
    list.forEach((action, i) => {
      if (!isObject(action)) return actions.push(action);
      if (action.role !== undefined && action.role !== role) {
        fault(
          file,
          at(at('', i), 'role'),
          `is ${show(action.role)}, but the file is ${quote(role)}'s`,
        );
      }
      // The role goes after the id, where a single-file scenario has it.
      const { id, ...rest } = action;
      actions.push(expandEffects({ id, role, ...rest }, file, at('', i), fault));
    });
  }
  if (actionFiles.length === 0) fault(ACTIONS_DIR, '', 'has no actions: add actions/<role>.json');
  value.actions = actions;
  if (Array.isArray(value.events)) {
    value.events = value.events.map((event: unknown, i) =>
      expandEffects(event, 'events.json', at('', i), fault),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value, map: { parts, actions: slices } };

  function rank(index: number): number {
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  }
}

function isActionsFile(name: string): boolean {
  return (
    name.startsWith(ACTIONS_DIR) &&
    name.endsWith('.json') &&
    !name.slice(ACTIONS_DIR.length).includes('/')
  );
}

/** A scenario folder, joined, validated and compiled; every fault names its file. */
export function loadScenarioFolder(files: ScenarioFiles): Result<CompiledScenario> {
  const joined = joinScenarioFolder(files);
  if (!joined.ok) return joined;
  const loaded = loadScenario(joined.value);
  const locate = (faults: Fault[]) => faults.map((f) => locateFault(f, joined.map));
  if (!loaded.ok) return { ok: false, errors: locate(loaded.errors) };
  return loaded.warnings ? { ...loaded, warnings: locate(loaded.warnings) } : loaded;
}

/** A fault at a path of the joined scenario, told by the file and the path inside that file. */
export function locateFault(fault: Fault, map: FolderMap): Fault {
  const { file, path } = locatePath(fault.path, map);
  // A message may point at another place too ("already used by actions[5]"): told the same way.
  const message = fault.message.replace(
    /\b(actions|events|endings|roles|variables)\[\d+\]/g,
    (at) => {
      const other = locatePath(at, map);
      return `${other.file} ${other.path}`;
    },
  );
  return { ...fault, file, path, message };
}

function locatePath(path: string, map: FolderMap): { file: string; path: string } {
  const found = /^([A-Za-z_$][\w$]*)(.*)$/.exec(path);
  if (!found) return { file: 'scenario.json', path };
  const [, key, rest] = found as unknown as [string, string, string];
  if (key === 'actions') {
    const index = /^\[(\d+)\](.*)$/.exec(rest);
    const n = index ? Number(index[1]) : -1;
    const slice = map.actions.find((s) => n >= s.start && n < s.start + s.count);
    if (slice && index) return { file: slice.file, path: `[${n - slice.start}]${index[2]}` };
  }
  const part = map.parts.get(key);
  if (!part) return { file: 'scenario.json', path };
  return { file: part.file, path: part.whole ? rest.replace(/^\./, '') : path };
}

// ---------------------------------------------------------------------------------------------
// Compact effects

const VARIABLE_EFFECT =
  /^([A-Za-z][A-Za-z0-9_.-]*) ([+-]\d{1,9})(?: after (\d{1,4}))?(?: for (\d{1,4}))?$/;
const INTEL_EFFECT = /^intel (\d{1,9}) to ([A-Za-z][A-Za-z0-9_.-]*)$/;

/** An effect as a designer writes it: "tension +5", "readiness +10 after 2", "intel 10 to actor". */
export function compactEffect(effect: Readonly<Record<string, unknown>>): string | null {
  const keys = Object.keys(effect).sort().join(',');
  if (keys === 'intel,who') return `intel ${String(effect.intel)} to ${String(effect.who)}`;
  if (
    !['amount,var', 'amount,delay,var', 'amount,holds,var', 'amount,delay,holds,var'].includes(keys)
  )
    return null;
  const amount = effect.amount as number;
  const text = `${String(effect.var)} ${amount < 0 ? '' : '+'}${amount}${
    effect.delay === undefined ? '' : ` after ${String(effect.delay)}`
  }${effect.holds === undefined ? '' : ` for ${String(effect.holds)}`}`;
  // Only what reads back as the same effect is written compactly.
  const back = expandEffect(text);
  return back && JSON.stringify(back) === JSON.stringify(effect) ? text : null;
}

/** The effect object a compact effect stands for, or null when the text is not one. */
export function expandEffect(text: string): Record<string, unknown> | null {
  const intel = INTEL_EFFECT.exec(text);
  if (intel) return { intel: Number(intel[1]), who: intel[2] };
  const found = VARIABLE_EFFECT.exec(text);
  if (!found) return null;
  const [, variable, amount, delay, holds] = found;
  const effect: Record<string, unknown> = { var: variable, amount: Number(amount) };
  if (delay !== undefined) effect.delay = Number(delay);
  if (holds !== undefined) effect.holds = Number(holds);
  return effect;
}

type Report = (file: string, path: string, message: string) => void;

/**
 * An action or event with its compact effects written out in full (a copy: the files are left as
 * they were); a text that is no effect is reported at its place and left for the shape check.
 */
function expandEffects(entry: unknown, file: string, path: string, report: Report): unknown {
  if (!isObject(entry)) return entry;
  const expand = (list: unknown, where: string): unknown =>
    Array.isArray(list)
      ? list.map((effect: unknown, i) => {
          if (typeof effect !== 'string') return effect;
          const full = expandEffect(effect);
          if (!full)
            report(
              file,
              at(where, i),
              `${quote(effect)} is not an effect: write "variable +5" or "variable -5", then " after N" to land N turns later or " for N" to lapse after N turns; or "intel N to actor"`,
            );
          return full ?? effect;
        })
      : list;
  const within = (object: Record<string, unknown>, where: string, keys: readonly string[]) => {
    const out = { ...object };
    for (const key of keys) if (key in out) out[key] = expand(out[key], at(where, key));
    return out;
  };
  const out = within(entry, path, ['effects']);
  if (isObject(entry.roll)) out.roll = within(entry.roll, at(path, 'roll'), ['success', 'failure']);
  return out;
}
