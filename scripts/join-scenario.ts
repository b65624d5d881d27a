// Joins a scenario folder into the single file it stands for, checked, on standard output: the
// form an archived version is kept in (scenarios/archive/), and what split-scenario.ts splits.
//
//   npx tsx scripts/join-scenario.ts scenarios/cuba-1962 > scenarios/archive/cuba-1962-1.1.0.json
import { scenarioSource } from '../src/cli/scenarios';
import { formatFaults } from '../src/sim/result';
import { loadScenario } from '../src/sim/scenario/load';

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error('usage: npx tsx scripts/join-scenario.ts FOLDER > FILE.json');
  process.exit(2);
}
const source = scenarioSource(folder);
const loaded = source.ok ? loadScenario(source.value.text) : source;
if (!source.ok || !loaded.ok) {
  const faults = !source.ok
    ? source.errors
    : loaded.ok
      ? []
      : loaded.errors.map(source.value.locate);
  console.error(formatFaults(faults));
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(JSON.parse(source.value.text), null, 2)}\n`);
console.error(
  `joined ${loaded.value.scenario.id} ${loaded.value.scenario.version} (content hash ${loaded.value.hash})`,
);
