// Every scenario shipped in scenarios/ (not the archive), loaded and validated once per test file,
// so the checks that hold for one scenario run on each.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatFaults, type CompiledScenario } from '../../../src/sim';
import { loadScenario } from '../../../src/sim/scenario/load';

export const SCENARIOS_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** The ids of the shipped scenarios: each `<id>.json` in scenarios/ but the schema. */
export const SHIPPED_IDS: readonly string[] = readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

export function shippedPath(id: string): string {
  return `${SCENARIOS_DIR}${id}.json`;
}

const cache = new Map<string, CompiledScenario>();

/** A shipped scenario, loaded and validated; throws with the faults if it does not load. */
export function shipped(id: string): CompiledScenario {
  const hit = cache.get(id);
  if (hit) return hit;
  const result = loadScenario(readFileSync(shippedPath(id), 'utf8'));
  if (!result.ok) throw new Error(`${id} does not load:\n${formatFaults(result.errors)}`);
  cache.set(id, result.value);
  return result.value;
}
