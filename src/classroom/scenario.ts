// The scenario the classroom pages work with: the same file and validator as the game. Earlier
// versions (scenarios/archive/) replay the games played with them; they are fetched, in their own
// chunk, only when such a game is opened, so the pages' first download stays the same.
import scenarioData from '../../scenarios/ukraine-2021.json';
import { formatFaults, type CompiledScenario, type Result } from '../sim';
import { loadScenario } from '../sim/scenario/load';
import { fatal } from './dom';
import { openText, wantsAnotherVersion, type Opening } from './entries';

export function classroomScenario(): Result<CompiledScenario> {
  return loadScenario(scenarioData);
}

const ARCHIVE = import.meta.glob<unknown>('../../scenarios/archive/*.json', { import: 'default' });

let archive: Promise<CompiledScenario[]> | undefined;

/** Every valid scenario of the archive, fetched once; an archive that cannot be fetched is empty. */
export function archivedScenarios(): Promise<CompiledScenario[]> {
  archive ??= Promise.all(Object.values(ARCHIVE).map((fetch) => fetch())).then(
    (files) =>
      files.flatMap((data) => {
        const loaded = loadScenario(data);
        return loaded.ok ? [loaded.value] : [];
      }),
    () => [],
  );
  return archive;
}

/** Opens games with the version each was played with, fetching the archive the first time one needs it. */
export class ScenarioVersions {
  private earlier: CompiledScenario[] | null = null;

  constructor(readonly current: CompiledScenario) {}

  async open(text: string): Promise<Opening[]> {
    const openings = openText(this.current, text, this.earlier ?? []);
    if (this.earlier !== null || !openings.some(wantsAnotherVersion)) return openings;
    this.earlier = await archivedScenarios();
    return this.earlier.length ? openText(this.current, text, this.earlier) : openings;
  }
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
