// The scenario the classroom pages work with: the same file and validator as the game.
import scenarioData from '../../scenarios/ukraine-2021.json';
import { formatFaults, type CompiledScenario, type Result } from '../sim';
import { loadScenario } from '../sim/scenario/load';
import { fatal } from './dom';

export function classroomScenario(): Result<CompiledScenario> {
  return loadScenario(scenarioData);
}

/** Starts a classroom page on #app, or says clearly why it cannot (a broken scenario). */
export function startPage(
  cannot: string,
  start: (sc: CompiledScenario, root: HTMLElement) => void,
): void {
  const root = document.getElementById('app')!;
  const loaded = classroomScenario();
  if (!loaded.ok) {
    fatal(root, cannot, `The scenario is broken:\n${formatFaults(loaded.errors)}`);
    return;
  }
  start(loaded.value, root);
}
