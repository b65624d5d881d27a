// The shipped scenario folders (scenarios/<id>/) as the browser pages get them from Vite: the
// page's own scenario bundled with it, every other one fetched as one chunk when chosen
// (vite.config.ts groups a folder's files into a chunk named after the scenario).
import type { ScenarioFiles } from '../sim/scenario/folder';

/** The files of each scenario folder by path inside it, from Vite's glob keys. */
export function byFolder<T>(modules: Record<string, T>): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [key, value] of Object.entries(modules)) {
    const found = /scenarios\/([^/]+)\/(.+)$/.exec(key);
    if (found) (out[found[1]!] ??= {})[found[2]!] = value;
  }
  return out;
}

/** Every shipped scenario but the archive, by id: a fetch of its folder's files. */
export const SHIPPED_FOLDERS: Record<string, () => Promise<ScenarioFiles>> = Object.fromEntries(
  Object.entries(
    byFolder(
      import.meta.glob<unknown>(['../../scenarios/*/**/*.json', '!../../scenarios/archive/**'], {
        import: 'default',
      }),
    ),
  ).map(([id, files]) => [
    id,
    async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(files).map(async ([path, fetch]) => [path, await fetch()]),
        ),
      ) as ScenarioFiles,
  ]),
);
