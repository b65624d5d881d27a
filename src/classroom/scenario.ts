// The scenario the classroom pages work with: the same file and validator as the game. Earlier
// versions (scenarios/archive/) replay the games played with them; the pages fetch them through
// the loader they share with the game (src/browser), only when such a game is opened.
import scenarioData from '../../scenarios/ukraine-2021.json';
import { ScenarioVersions } from '../browser/scenario-versions';
import { formatFaults, type CompiledScenario, type Result } from '../sim';
import { loadScenario } from '../sim/scenario/load';
import { fatal } from './dom';
import { openText, wantsAnotherVersion, type Opening } from './entries';

export function classroomScenario(): Result<CompiledScenario> {
  return loadScenario(scenarioData);
}

/** Opens games with the version each was played with, fetching the archive the first time one needs it. */
export async function openGames(versions: ScenarioVersions, text: string): Promise<Opening[]> {
  const openings = openText(versions.current, text, versions.earlier ?? []);
  if (versions.earlier !== null || !openings.some(wantsAnotherVersion)) return openings;
  await versions.fetchArchive();
  const earlier = versions.earlier ?? [];
  return earlier.length ? openText(versions.current, text, earlier) : openings;
}

/** Starts a classroom page on #app, or says clearly why it cannot (a broken scenario). */
export function startPage(
  cannot: string,
  start: (versions: ScenarioVersions, root: HTMLElement) => void,
): void {
  const root = document.getElementById('app')!;
  const loaded = classroomScenario();
  if (!loaded.ok) {
    fatal(root, cannot, `The scenario is broken:\n${formatFaults(loaded.errors)}`);
    return;
  }
  start(new ScenarioVersions(loaded.value), root);
}
