// Finding and loading scenario files. The loader in the core does the checking; this module only
// reads files and says which one is meant.
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledScenario } from '../sim';
import { loadScenario } from '../sim/scenario/load';
import { CliError, displayPath, fileError } from './errors';

export { displayPath };

/** The shipped scenarios, found from this file so `brink` works from any directory. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));
export const SCHEMA_FILE = join(SCENARIO_DIR, 'scenario.schema.json');

/** Earlier versions of the scenarios, kept so their games still replay. */
export const ARCHIVE_DIR = join(SCENARIO_DIR, 'archive');

/** Every scenario file in a folder, schemas left out, in name order (the archive after them). */
export function scenarioFiles(dir = SCENARIO_DIR): string[] {
  const inFolder = (folder: string) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
          .sort()
          .map((name) => join(folder, name))
      : [];
  return dir === SCENARIO_DIR ? [...inFolder(dir), ...inFolder(ARCHIVE_DIR)] : inFolder(dir);
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

/** Loads a file that must be a valid scenario, or fails with every fault on its own line. */
export function requireScenarioFile(file: string): FoundScenario {
  const text = readText(file, 'scenario');
  return { file, text, sc: requireScenario(text, displayPath(file)) };
}

export function requireScenario(text: string, shown: string): CompiledScenario {
  const result = loadScenario(text);
  if (!result.ok) {
    throw new CliError(
      `${shown} is not a valid scenario:\n` +
        result.errors.map((f) => `${shown}: ${f.path || '(file)'}: ${f.message}`).join('\n'),
    );
  }
  return result.value;
}

/**
 * The scenario meant by `--scenario`: a path to a file, or the id of a scenario in scenarios/
 * (its file is usually named after it, but any file with that id will do).
 */
export function findScenario(ref: string, command: string): FoundScenario {
  if (ref.endsWith('.json') || ref.includes('/') || ref.includes('\\')) {
    return requireScenarioFile(resolve(ref));
  }
  const named = join(SCENARIO_DIR, `${ref}.json`);
  if (existsSync(named)) {
    const found = requireScenarioFile(named);
    if (found.sc.scenario.id === ref) return found;
  }
  const found = findScenarioById(ref);
  if (found) return found;
  throw new CliError(
    `unknown scenario "${ref}"; scenarios here: ${
      validScenarios()
        .map((found) => found.sc.scenario.id)
        .join(', ') || 'none'
    }`,
    2,
    `Give a scenario id from ${displayPath(SCENARIO_DIR)}/ or a path to a scenario file (brink ${command} --help).`,
  );
}

/** The valid scenario with this id in scenarios/, preferring the one with this content hash. */
export function findScenarioById(id: string, hash?: string): FoundScenario | undefined {
  const matching = validScenarios().filter((found) => found.sc.scenario.id === id);
  return (hash && matching.find((found) => found.sc.hashes.includes(hash))) || matching[0];
}

function validScenarios(): FoundScenario[] {
  return scenarioFiles().flatMap((file) => {
    const text = readText(file, 'scenario');
    const result = loadScenario(text);
    return result.ok ? [{ file, text, sc: result.value }] : [];
  });
}
