// The scenario the classroom pages work with: the same file and validator as the game.
import scenarioData from '../../scenarios/ukraine-2021.json';
import { type CompiledScenario, type Result } from '../sim';
import { loadScenario } from '../sim/scenario/load';

export function classroomScenario(): Result<CompiledScenario> {
  return loadScenario(scenarioData);
}
