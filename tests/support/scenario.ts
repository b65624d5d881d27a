import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/sim/scenario/load';
import { formatFaults, type CompiledScenario } from '../../src/sim';

export const SCENARIO_PATH = fileURLToPath(
  new URL('../../scenarios/ukraine-2021.json', import.meta.url),
);

let cached: CompiledScenario | undefined;

/** The shipped scenario, loaded and validated once per test file. */
export function ukraine(): CompiledScenario {
  if (cached) return cached;
  const result = loadScenario(readFileSync(SCENARIO_PATH, 'utf8'));
  if (!result.ok)
    throw new Error(`the shipped scenario does not load:\n${formatFaults(result.errors)}`);
  cached = result.value;
  return cached;
}
