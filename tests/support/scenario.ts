import { fileURLToPath } from 'node:url';
import { scenarioSource } from '../../src/cli/scenarios';
import { loadScenario } from '../../src/sim/scenario/load';
import { formatFaults, type CompiledScenario, type Scenario } from '../../src/sim';

/** The shipped Ukraine scenario's folder. */
export const SCENARIO_PATH = fileURLToPath(
  new URL('../../scenarios/ukraine-2021', import.meta.url),
);

/** A scenario folder (or file) as one JSON text, the form records and worker threads load. */
export function scenarioText(path = SCENARIO_PATH): string {
  const source = scenarioSource(path);
  if (!source.ok) throw new Error(`${path} does not join:\n${formatFaults(source.errors)}`);
  return source.value.text;
}

/** A fresh copy of a scenario's data, joined from its folder: safe to change. */
export function scenarioData(path = SCENARIO_PATH): Scenario {
  return JSON.parse(scenarioText(path)) as Scenario;
}

let cached: CompiledScenario | undefined;

/** The shipped scenario, loaded and validated once per test file. */
export function ukraine(): CompiledScenario {
  if (cached) return cached;
  const result = loadScenario(scenarioText());
  if (!result.ok)
    throw new Error(`the shipped scenario does not load:\n${formatFaults(result.errors)}`);
  cached = result.value;
  return cached;
}
