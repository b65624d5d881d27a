// The scenarios and versions a browser page opens games with: its own scenario (the current version,
// bundled with the page), the current version of every other shipped scenario (scenarios/<id>/),
// and the earlier versions kept in scenarios/archive/. Every scenario but the page's own and the
// archive are fetched in their own chunks, once, and only when chosen or when a game names them, so
// a page's first download stays the same. Shared by the game and the classroom pages.
import { formatFaults, type CompiledScenario, type Result } from '../sim';
import { loadScenarioFolder, type ScenarioFiles } from '../sim/scenario/folder';
import { loadScenario } from '../sim/scenario/load';
import { SHIPPED_FOLDERS } from './scenario-folders';

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

/** The scenario and version a game names (its record's, link's or class code's). */
export interface Named {
  id?: string;
  hash?: string;
}

/**
 * The page's own scenario, every other scenario once it is fetched, and, once a game has needed
 * it, the archive. Without a scenario id, a method means the page's own scenario.
 */
export class ScenarioVersions {
  /** The archived versions; null until the archive is fetched. */
  earlier: readonly CompiledScenario[] | null = null;
  /** The current version of each scenario fetched so far (the page's own from the start). */
  private readonly loaded = new Map<string, CompiledScenario>();
  /** Why a scenario could not be fetched or loaded, by id. */
  private readonly failed = new Map<string, string>();
  private readonly fetching = new Map<string, Promise<Result<CompiledScenario>>>();

  constructor(
    readonly current: CompiledScenario,
    private readonly shipped: Record<string, () => Promise<ScenarioFiles>> = SHIPPED_FOLDERS,
  ) {
    this.loaded.set(current.scenario.id, current);
  }

  /** The ids of every scenario this page can play: its own first, then the others by name. */
  get ids(): string[] {
    const own = this.current.scenario.id;
    return [
      own,
      ...Object.keys(this.shipped)
        .filter((id) => id !== own)
        .sort(),
    ];
  }

  /** Whether this page has a scenario of this id (fetched or not). */
  knows(id: string): boolean {
    return this.loaded.has(id) || id in this.shipped;
  }

  /** The current version of a scenario, if it has been fetched. */
  currentOf(id: string): CompiledScenario | undefined {
    return this.loaded.get(id);
  }

  /** Why the scenario could not be fetched, if it could not. */
  failure(id: string): string | undefined {
    return this.failed.get(id);
  }

  /** Fetches and checks a scenario's current version, once (a failure is kept, not retried). */
  load(id: string): Promise<Result<CompiledScenario>> {
    const have = this.loaded.get(id);
    if (have) return Promise.resolve({ ok: true, value: have });
    const known = this.failed.get(id);
    const fetch = this.shipped[id];
    if (known !== undefined || !fetch) {
      const message =
        known ?? `This copy of Brink has no scenario "${id}"; it has ${this.ids.join(', ')}.`;
      return Promise.resolve({ ok: false, errors: [{ path: 'scenario', message }] });
    }
    const fetching =
      this.fetching.get(id) ??
      fetch().then(
        (files): Result<CompiledScenario> => {
          const loaded = loadScenarioFolder(files);
          if (loaded.ok) this.loaded.set(id, loaded.value);
          else
            this.failed.set(id, `The scenario "${id}" is broken: ${formatFaults(loaded.errors)}`);
          return loaded;
        },
        (): Result<CompiledScenario> => {
          const message = `The scenario "${id}" could not be fetched (the page's files may be incomplete, or the connection is down).`;
          this.failed.set(id, message);
          return { ok: false, errors: [{ path: 'scenario', message }] };
        },
      );
    this.fetching.set(id, fetching);
    return fetching;
  }

  /**
   * Whether a game naming this scenario and content hash needs something fetched first: the
   * scenario itself, or the archive (for a hash its current version does not have).
   */
  wants(hash: string | undefined, id: string = this.current.scenario.id): boolean {
    if (!this.loaded.has(id) && id in this.shipped && !this.failed.has(id)) return true;
    const sc = this.loaded.get(id) ?? this.current;
    return this.earlier === null && hash !== undefined && !sc.hashes.includes(hash);
  }

  /** The version to replay games of this scenario and hash with (see scenarioFor). */
  versionFor(hash: string | undefined, id: string = this.current.scenario.id): CompiledScenario {
    const sc = this.loaded.get(id) ?? this.current;
    const earlier = (this.earlier ?? []).filter((e) => e.scenario.id === sc.scenario.id);
    return scenarioFor(sc, earlier, hash);
  }

  /** Fetches what a game naming this scenario and hash needs (see wants); never rejects. */
  async fetchFor(named: Named | null | undefined): Promise<void> {
    const id = named?.id ?? this.current.scenario.id;
    if (!this.loaded.has(id) && id in this.shipped) await this.load(id);
    if (this.wants(named?.hash, id)) await this.fetchArchive();
  }

  /** Fetches the archive, the first time only. */
  async fetchArchive(): Promise<void> {
    this.earlier ??= await archivedScenarios();
  }
}
