// Every scenario shipped in scenarios/ (not the archive), loaded and validated once per test file,
// so the checks that hold for one scenario run on each.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatFaults, type CompiledScenario } from '../../../src/sim';
import { loadScenario } from '../../../src/sim/scenario/load';
import { scenarioText } from '../../support/scenario';

export const SCENARIOS_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** The ids of the shipped scenarios: each folder of scenarios/ that holds a scenario.json. */
export const SHIPPED_IDS: readonly string[] = readdirSync(SCENARIOS_DIR)
  .filter((name) => existsSync(`${SCENARIOS_DIR}${name}/scenario.json`))
  .sort();

/** A shipped scenario's folder. */
export function shippedPath(id: string): string {
  return `${SCENARIOS_DIR}${id}`;
}

/** A shipped scenario as one JSON text, joined from its folder. */
export function shippedText(id: string): string {
  return scenarioText(shippedPath(id));
}

const cache = new Map<string, CompiledScenario>();

/** A shipped scenario, loaded and validated; throws with the faults if it does not load. */
export function shipped(id: string): CompiledScenario {
  const hit = cache.get(id);
  if (hit) return hit;
  const result = loadScenario(shippedText(id));
  if (!result.ok) throw new Error(`${id} does not load:\n${formatFaults(result.errors)}`);
  cache.set(id, result.value);
  return result.value;
}
