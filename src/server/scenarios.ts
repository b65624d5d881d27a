// The scenarios a live class can play: the shipped ones in scenarios/, found by id only (never a
// path a client sends), each loaded and compiled once per process.
import { findScenarioById, scenarioFiles, scenarioSource } from '../cli/scenarios';
import type { CompiledScenario } from '../sim';
import { loadScenario } from '../sim/scenario/load';

const loaded = new Map<string, CompiledScenario | null>();

/** The newest shipped scenario with this id, or the version with this content hash if given. */
export function shippedScenario(id: string, hash?: string): CompiledScenario | null {
  const key = `${id}@${hash ?? ''}`;
  if (!loaded.has(key)) loaded.set(key, findScenarioById(id, hash)?.sc ?? null);
  const sc = loaded.get(key)!;
  // A hash that matches no version would fall back to the newest: that is not the game saved.
  return sc && (!hash || sc.hashes.includes(hash)) ? sc : null;
}

let ids: string[] | null = null;

/** The ids of the playable scenarios here, each once (the archive repeats them). */
export function shippedScenarioIds(): string[] {
  ids ??= [
    ...new Set(
      scenarioFiles().flatMap((file) => {
        const source = scenarioSource(file);
        const result = source.ok ? loadScenario(source.value.text) : null;
        return result?.ok ? [result.value.scenario.id] : [];
      }),
    ),
  ];
  return ids;
}
