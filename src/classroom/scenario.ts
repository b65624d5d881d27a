// The scenario the classroom pages work with: the same folder and validator as the game. Earlier
// versions (scenarios/archive/) replay the games played with them; the pages fetch them through
// the loader they share with the game (src/browser), only when such a game is opened.
import { ownScenario } from '../browser/own-scenario';
import { ScenarioVersions } from '../browser/scenario-versions';
import { formatFaults, linkScenario, type CompiledScenario, type Result } from '../sim';
import { fatal } from './dom';
import { openText, wantsAnotherVersion, type Opening } from './entries';

export function classroomScenario(): Result<CompiledScenario> {
  return ownScenario();
}

/** Opens games with the version each was played with, fetching the archive the first time one needs it. */
export async function openGames(versions: ScenarioVersions, text: string): Promise<Opening[]> {
  // Every other scenario fetched so far, and the archive once fetched: a game opens with the one
  // whose hash it names.
  const others = () => [
    ...versions.ids.flatMap((id) => {
      const sc = id === versions.current.scenario.id ? undefined : versions.currentOf(id);
      return sc ? [sc] : [];
    }),
    ...(versions.earlier ?? []),
  ];
  let openings = openText(versions.current, text, others());
  // Games of another scenario this page can fetch: fetch it, then open them again.
  const named = new Set(openings.flatMap((o) => scenarioNamed(o) ?? []));
  const missing = [...named].filter((id) => versions.knows(id) && !versions.currentOf(id));
  for (const id of missing) await versions.load(id);
  if (missing.some((id) => versions.currentOf(id)))
    openings = openText(versions.current, text, others());
  if (versions.earlier === null && openings.some(wantsAnotherVersion)) {
    await versions.fetchArchive();
    if ((versions.earlier ?? []).length > 0) openings = openText(versions.current, text, others());
  }
  return openings;
}

/** The scenario id a game names (its record's, or its link's), if it can be read. */
function scenarioNamed(opening: Opening): string | null {
  if (opening.record) return opening.record.scenario.id;
  return opening.chunk.kind === 'link' ? (linkScenario(opening.chunk.text)?.id ?? null) : null;
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
