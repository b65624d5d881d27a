// The scenario versions a browser page opens games with: its own (the current one, bundled with
// the page) and the earlier ones kept in scenarios/archive/. The archive is fetched in its own
// chunks, once, and only when a game names a content hash the current version does not have, so
// a page's first download stays the same. Shared by the game and the classroom pages.
import type { CompiledScenario } from '../sim';
import { loadScenario } from '../sim/scenario/load';

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

/**
 * The version that replays games of this content hash: the current one when it can (so a game it
 * refuses gets its clear message), else an earlier one that can.
 */
export function scenarioFor(
  sc: CompiledScenario,
  earlier: readonly CompiledScenario[],
  hash: string | undefined,
): CompiledScenario {
  if (hash === undefined || sc.hashes.includes(hash)) return sc;
  return earlier.find((e) => e.hashes.includes(hash)) ?? sc;
}

/** The current version and, once a game has needed it, the archive. */
export class ScenarioVersions {
  /** The archived versions; null until the archive is fetched. */
  earlier: readonly CompiledScenario[] | null = null;

  constructor(readonly current: CompiledScenario) {}

  /** Whether a game of this content hash needs the archive, which has not been fetched yet. */
  wants(hash: string | undefined): boolean {
    return this.earlier === null && hash !== undefined && !this.current.hashes.includes(hash);
  }

  /** The version to replay games of this hash with (see scenarioFor). */
  versionFor(hash: string | undefined): CompiledScenario {
    return scenarioFor(this.current, this.earlier ?? [], hash);
  }

  /** Fetches the archive, the first time only. */
  async fetchArchive(): Promise<void> {
    this.earlier ??= await archivedScenarios();
  }
}
