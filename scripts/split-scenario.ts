// Splits a single-file scenario into a scenario folder (src/sim/scenario/folder.ts describes the
// layout), its effects written compactly, and checks that the folder joins back to the same
// scenario (the same content hash). For a designer starting from a single file, or from an
// archived version.
//
//   npx tsx scripts/split-scenario.ts scenarios/archive/ukraine-2021-1.1.0.json /tmp/ukraine
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFaults } from '../src/sim/result';
import { scenarioHash } from '../src/sim/scenario/content-hash';
import { compactEffect, FOLDER_FILES, joinScenarioFolder } from '../src/sim/scenario/folder';
import { validateScenario } from '../src/sim/scenario/validate';

type Json = Record<string, unknown>;

function compact(entry: Json): Json {
  const effects = (list: unknown) =>
    Array.isArray(list) ? list.map((e: Json) => compactEffect(e) ?? e) : list;
  const out: Json = { ...entry, effects: effects(entry.effects) };
  const roll = entry.roll as Json | undefined;
  if (roll) out.roll = { ...roll, success: effects(roll.success), failure: effects(roll.failure) };
  return out;
}

/** The folder's files, by path inside it, for a validated single-file scenario. */
export function splitScenario(scenario: Json): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const part of FOLDER_FILES) {
    if ('value' in part) {
      if (scenario[part.value] !== undefined) files[part.file] = scenario[part.value];
    } else {
      const held: Json = {};
      for (const key of part.keys) if (scenario[key] !== undefined) held[key] = scenario[key];
      files[part.file] = held;
    }
  }
  files['events.json'] = (scenario.events as Json[]).map(compact);
  for (const role of scenario.roles as Json[]) {
    const actions = (scenario.actions as Json[])
      .filter((a) => a.role === role.id)
      .map(({ role: _role, ...rest }) => compact(rest));
    if (actions.length > 0) files[`actions/${String(role.id)}.json`] = actions;
  }
  return files;
}

if (process.argv[1]?.endsWith('split-scenario.ts')) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error('usage: npx tsx scripts/split-scenario.ts SCENARIO.json FOLDER');
    process.exit(2);
  }
  const checked = validateScenario(JSON.parse(readFileSync(from, 'utf8')));
  if (!checked.ok) {
    console.error(formatFaults(checked.errors));
    process.exit(1);
  }
  const files = splitScenario(checked.value as unknown as Json);
  const joined = joinScenarioFolder(JSON.parse(JSON.stringify(files)));
  const rejoined = joined.ok ? validateScenario(joined.value) : joined;
  if (!rejoined.ok) {
    console.error(formatFaults(rejoined.errors));
    process.exit(1);
  }
  if (scenarioHash(rejoined.value) !== scenarioHash(checked.value)) {
    console.error('the folder does not join back to the same scenario');
    process.exit(1);
  }
  for (const [file, data] of Object.entries(files)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    writeFileSync(join(to, file), `${JSON.stringify(data, null, 2)}\n`);
  }
  console.log(
    `wrote ${Object.keys(files).length} files to ${to} (content hash ${scenarioHash(checked.value)})`,
  );
}
