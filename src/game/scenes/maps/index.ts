// Which map each scenario draws. A map is fetched when a scene that draws it first opens (the
// title draws none), so a scenario's map downloads only when one of its games is on screen.
import type Phaser from 'phaser';
import type { CompiledScenario } from '../../../sim';
import type { MapData, MapDescription } from '../map';
import { cubaMap } from './cuba';
import { ukraineMap } from './ukraine';

const MAPS: Record<string, MapDescription> = {
  'ukraine-2021': ukraineMap,
  'cuba-1962': cubaMap,
};

/** The scenario's map description; undefined for a scenario without a map. */
export function mapOf(sc: CompiledScenario): MapDescription | undefined {
  return MAPS[sc.scenario.id];
}

/** Queues the scenario's map on the scene's loader unless it is in the cache already. */
export function queueMap(scene: Phaser.Scene, sc: CompiledScenario): void {
  const map = mapOf(sc);
  if (map && !scene.cache.json.exists(map.key)) scene.load.json(map.key, map.url);
}

/** The scenario's map, if it has one and it could be fetched. */
export function cachedMap(scene: Phaser.Scene, sc: CompiledScenario): MapData | undefined {
  const map = mapOf(sc);
  return map ? (scene.cache.json.get(map.key) as MapData | undefined) : undefined;
}
