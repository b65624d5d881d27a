// `brink validate [files…]`: every scenario through the core's loader (meaning and
// cross-references) and, when the JSON Schema exists, through the schema editors use.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { whatIfVariant, type CompiledScenario, type Fault } from '../sim';
import { MAX_PATH_LENGTH, parseCommand } from './args';
import { CliError } from './errors';
import { loadScenario } from '../sim/scenario/load';
import { tooDeep } from '../sim/scenario/validate';
import {
  SCENARIO_DIR,
  SCHEMA_FILE,
  displayPath,
  faultLine,
  readText,
  scenarioFiles,
  scenarioSource,
} from './scenarios';

export const VALIDATE_USAGE = `Usage: brink validate [SCENARIO…]

Checks scenarios, each a scenario folder (scenarios/<id>/) or a single file: the JSON Schema
(scenarios/scenario.schema.json, when present), then meaning and cross-references, then every
option of every what-if switch (each alone): the scenario it makes must be valid too. With no
SCENARIO, checks every scenario in scenarios/ and scenarios/archive/.
Prints "ok  SCENARIO (id version, hash HASH)" or one line per fault, "FILE: PATH: MESSAGE", where
FILE is the file of a folder the fault is in.
Exits 1 if any file has an error (warnings alone do not fail), 2 if a file cannot be read.`;

export async function validateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'validate',
    args,
    { help: { type: 'boolean', short: 'h' } },
    true,
    MAX_PATH_LENGTH,
  );
  if (values.help) {
    console.log(VALIDATE_USAGE);
    return 0;
  }
  const files = positionals.length > 0 ? positionals.map((f) => resolve(f)) : scenarioFiles();
  if (files.length === 0) {
    throw new CliError(`no scenario files in ${displayPath(SCENARIO_DIR)}`, 2);
  }
  const schema = existsSync(SCHEMA_FILE) ? compileSchema() : undefined;
  let status = 0;
  for (const file of files) {
    const checked = checkFile(file, schema);
    status = Math.max(status, checked.status);
    for (const line of checked.out) console.log(line);
    if (checked.unreadable) console.error(`brink: ${checked.unreadable}`);
  }
  return status;
}

/** Status 0 valid (warnings allowed), 1 errors, 2 the file could not be read. */
function checkFile(
  file: string,
  schema: ValidateFunction | undefined,
): { status: number; out: string[]; unreadable?: string } {
  const shown = displayPath(file);
  let source: ReturnType<typeof scenarioSource>;
  try {
    source = scenarioSource(file);
  } catch (error) {
    return { status: 2, out: [], unreadable: (error as Error).message };
  }
  if (!source.ok) return { status: 1, out: source.errors.map((f) => faultLine(shown, f)) };
  const { text, locate } = source.value;
  const result = loadScenario(text);
  const faults = [
    ...schemaFaults(text, schema),
    ...(result.ok
      ? [
          ...(result.warnings ?? []).map((w) => ({ ...w, severity: 'warning' as const })),
          ...whatIfFaults(result.value),
        ]
      : result.errors),
  ];
  const out = faults.map((f) => faultLine(shown, locate(f)));
  const valid = result.ok && faults.every((f) => f.severity === 'warning');
  if (result.ok && valid) {
    const { scenario, hash } = result.value;
    out.unshift(`ok  ${shown} (${scenario.id} ${scenario.version}, hash ${hash})`);
  }
  return { status: valid ? 0 : 1, out };
}

/**
 * Every option of every what-if switch, each alone, built as a game under it would be: an option
 * that sets a number out of its bounds (or breaks a rule another check makes) is an error at the
 * option, with the fault it causes.
 */
function whatIfFaults(sc: CompiledScenario): Fault[] {
  return (sc.scenario.whatIfs ?? []).flatMap((whatIf, i) =>
    whatIf.options.slice(1).flatMap((option, j) => {
      const variant = whatIfVariant(sc, { [whatIf.id]: option.id });
      if (variant.ok) return [];
      return variant.errors.map((f) => ({
        path: `whatIfs[${i}].options[${j + 1}]`,
        message: `under ${whatIf.id}=${option.id}, ${f.path.replace(/^whatIf \([^)]*\): /, '')}: ${f.message}`,
      }));
    }),
  );
}

function compileSchema(): ValidateFunction {
  const shown = displayPath(SCHEMA_FILE);
  try {
    const schema = JSON.parse(readText(SCHEMA_FILE, 'schema')) as object;
    // Formats are not checked here (the loader checks dates); unknown keywords are not an error.
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    return ajv.compile(schema);
  } catch (error) {
    throw new CliError(`${shown}: the schema itself is broken: ${(error as Error).message}`);
  }
}

/** The schema's complaints, as faults with the same kind of path as the loader's. */
function schemaFaults(text: string, schema: ValidateFunction | undefined): Fault[] {
  if (!schema) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return []; // the loader reports the JSON syntax error
  }
  // Ajv recurses as deep as the data goes; the loader reports nesting beyond its limits.
  if (tooDeep(data) !== null) return [];
  if (schema(data)) return [];
  return (schema.errors ?? []).map((e) => ({
    path: pointerToPath(e.instancePath),
    message: `${describeSchemaError(e)} (schema)`,
  }));
}

/** "/actions/3/effects/0/var" → "actions[3].effects[0].var". */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
      '',
    );
}

function describeSchemaError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties')
    return `unknown property "${String(p.additionalProperty)}"`;
  if (e.keyword === 'enum')
    return `${e.message}: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}
