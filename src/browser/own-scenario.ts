// The scenario the game and classroom pages open with, bundled with them: its folder's files are
// part of the first download, so a new game starts without fetching anything.
import type { CompiledScenario, Result } from '../sim';
import { loadScenarioFolder } from '../sim/scenario/folder';
import { byFolder } from './scenario-folders';

const FILES = byFolder(
  import.meta.glob<unknown>('../../scenarios/ukraine-2021/**/*.json', {
    eager: true,
    import: 'default',
  }),
);

/** The page's own scenario, or the faults that keep it from loading. */
export function ownScenario(): Result<CompiledScenario> {
  return loadScenarioFolder(FILES['ukraine-2021'] ?? {});
}
