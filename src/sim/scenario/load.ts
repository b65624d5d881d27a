// The one way into the engine for a scenario: JSON text (or already-parsed data) is parsed,
// validated, then compiled with its content hash. Bad input gives faults, never an exception.
import type { Result } from '../result';
import { compileScenario, type CompiledScenario } from './compile';
import { scenarioHash } from './content-hash';
import { validateScenario } from './validate';

export function loadScenario(input: string | unknown): Result<CompiledScenario> {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        errors: [{ path: '', message: `not valid JSON: ${reason}`, severity: 'error' }],
      };
    }
  }
  const checked = validateScenario(data);
  if (!checked.ok) return checked;
  const compiled = compileScenario(checked.value, scenarioHash(checked.value));
  return checked.warnings
    ? { ok: true, value: compiled, warnings: checked.warnings }
    : { ok: true, value: compiled };
}
