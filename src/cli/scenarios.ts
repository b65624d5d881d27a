// Finding and loading scenarios: a scenario folder (scenarios/<id>/, joined by the core's
// folder.ts) or a single file (an archived version, or one a designer passes). The loader in the
// core does the checking; this module only reads files and says which one is meant.
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledScenario, Fault, Result } from '../sim';
import { joinScenarioFolder, locateFault, type ScenarioFiles } from '../sim/scenario/folder';
import { loadScenario } from '../sim/scenario/load';
import { CliError, displayPath, fileError } from './errors';

export { displayPath };

/** The shipped scenarios, found from this file so `brink` works from any directory. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));
export const SCHEMA_FILE = join(SCENARIO_DIR, 'scenario.schema.json');

/** Earlier versions of the scenarios, kept so their games still replay. */
export const ARCHIVE_DIR = join(SCENARIO_DIR, 'archive');

/** Whether a path is a scenario folder (a directory), not a single scenario file. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every scenario in a folder, in name order: each scenario folder in it and each single file,
 * schemas left out (for scenarios/, the archive after them).
 */
export function scenarioFiles(dir = SCENARIO_DIR): string[] {
  const inFolder = (folder: string) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) =>
            name.endsWith('.json')
              ? !name.endsWith('.schema.json')
              : existsSync(join(folder, name, 'scenario.json')),
          )
          .sort()
          .map((name) => join(folder, name))
      : [];
  return dir === SCENARIO_DIR ? [...inFolder(dir), ...inFolder(ARCHIVE_DIR)] : inFolder(dir);
}

/** At most this many files are read from a scenario folder (the joiner names the excess). */
const MAX_FOLDER_FILES = 1_001;

/**
 * The JSON files of a scenario folder by path inside it, each parsed; a file that is not JSON is
 * a fault naming it. Other files (a README) are left alone.
 */
export function readScenarioFolder(dir: string): Result<ScenarioFiles> {
  const files: Record<string, unknown> = {};
  const errors: Fault[] = [];
  const walk = (sub: string, depth: number) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (Object.keys(files).length >= MAX_FOLDER_FILES) return;
      const name = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < 2) walk(name, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.json')) {
        try {
          files[name] = JSON.parse(readText(join(dir, name), 'scenario file'));
        } catch (error) {
          if (error instanceof CliError) throw error;
          const reason = error instanceof Error ? error.message : String(error);
          errors.push({ file: name, path: '', message: `not valid JSON: ${reason}` });
        }
      }
    }
  };
  walk('', 0);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: files };
}

/** A scenario's text as one JSON document, and how to tell a fault of it by its file. */
export interface ScenarioSource {
  /** A file's text, or a folder joined: what worker threads and the loader read. */
  text: string;
  /** A fault at a path of the joined scenario, told by the folder's file it is in. */
  locate(fault: Fault): Fault;
}

/** Reads a scenario file or folder; a folder that cannot be joined gives faults naming its files. */
export function scenarioSource(path: string): Result<ScenarioSource> {
  if (!isFolder(path))
    return { ok: true, value: { text: readText(path, 'scenario'), locate: (f) => f } };
  const read = readScenarioFolder(path);
  if (!read.ok) return read;
  const joined = joinScenarioFolder(read.value);
  if (!joined.ok) return joined;
  return {
    ok: true,
    value: { text: JSON.stringify(joined.value), locate: (f) => locateFault(f, joined.map) },
  };
}

/** "scenarios/cuba-1962/actions/us.json: [3].cost: message", for a fault of a scenario at `shown`. */
export function faultLine(shown: string, fault: Fault): string {
  const where = fault.file ? `${shown.replace(/\/$/, '')}/${fault.file}` : shown;
  return `${where}: ${fault.path || '(file)'}: ${fault.severity === 'warning' ? 'warning: ' : ''}${fault.message}`;
}

/** The most a JavaScript string holds, about 512 MB: larger files cannot be read as text. */
const MAX_TEXT_BYTES = 512 * 1024 * 1024;

/** Reads a text file; a missing or unreadable file is a command-line mistake (exit 2). */
export function readText(file: string, what = 'file'): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // Refused before reading, in the words Node's own refusal gets, which comes only after a read.
    if (fstatSync(fd).size > MAX_TEXT_BYTES) throw { code: 'ERR_STRING_TOO_LONG' };
    return readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw fileError(error, `cannot read ${what}`, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface FoundScenario {
  file: string;
  /** The text it was loaded from: worker threads load the same text, not the file again. */
  text: string;
  sc: CompiledScenario;
}

/** Loads a file or folder that must be a valid scenario, or fails with every fault on its own line. */
export function requireScenarioFile(file: string): FoundScenario {
  const shown = displayPath(file);
  const source = scenarioSource(file);
  if (!source.ok) throw invalid(shown, source.errors);
  const { text, locate } = source.value;
  const result = loadScenario(text);
  if (!result.ok) throw invalid(shown, result.errors.map(locate));
  return { file, text, sc: result.value };
}

export function requireScenario(text: string, shown: string): CompiledScenario {
  const result = loadScenario(text);
  if (!result.ok) throw invalid(shown, result.errors);
  return result.value;
}

function invalid(shown: string, faults: readonly Fault[]): CliError {
  return new CliError(
    `${shown} is not a valid scenario:\n${faults.map((f) => faultLine(shown, f)).join('\n')}`,
  );
}

/**
 * The scenario meant by `--scenario`: a path to a file or a scenario folder, or the id of a
 * scenario in scenarios/ (its folder is usually named after it, but any with that id will do).
 */
export function findScenario(ref: string, command: string): FoundScenario {
  if (ref.endsWith('.json') || ref.includes('/') || ref.includes('\\')) {
    return requireScenarioFile(resolve(ref));
  }
  const named = join(SCENARIO_DIR, ref);
  if (!ref.startsWith('.') && existsSync(join(named, 'scenario.json'))) {
    const found = requireScenarioFile(named);
    if (found.sc.scenario.id === ref) return found;
  }
  const found = findScenarioById(ref);
  if (found) return found;
  throw new CliError(
    `unknown scenario "${ref}"; scenarios here: ${
      // Each id once: the archive holds earlier versions of the same scenarios.
      [...new Set(validScenarios().map((found) => found.sc.scenario.id))].join(', ') || 'none'
    }`,
    2,
    `Give a scenario id from ${displayPath(SCENARIO_DIR)}/ or a path to a scenario folder or file (brink ${command} --help).`,
  );
}

/** The valid scenario with this id in scenarios/, preferring the one with this content hash. */
export function findScenarioById(id: string, hash?: string): FoundScenario | undefined {
  const matching = validScenarios().filter((found) => found.sc.scenario.id === id);
  return (hash && matching.find((found) => found.sc.hashes.includes(hash))) || matching[0];
}

function validScenarios(): FoundScenario[] {
  return scenarioFiles().flatMap((file) => {
    const source = scenarioSource(file);
    if (!source.ok) return [];
    const result = loadScenario(source.value.text);
    return result.ok ? [{ file, text: source.value.text, sc: result.value }] : [];
  });
}
