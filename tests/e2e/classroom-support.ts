// Shared steps for the classroom specs at class size: the core loaded through tsx, games played by
// bots and saved as record files, a class of groups with file names as pupils' machines make them,
// and measures of text running out of its box.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { CompiledScenario, GameRecord, Policies } from '../../src/sim';

// Through tsx: Playwright's own ESM loader does not resolve the extensionless CommonJS subpath
// the core's RNG imports (seedrandom/lib/alea), which Vite, Vitest and tsx do.
export type Sim = typeof import('../../src/sim');
type Support = typeof import('../support/scenario');

export const SCREENS_DIR = join('test-results', 'screens');

export interface Core {
  sim: Sim;
  sc: CompiledScenario;
}

export async function loadCore(): Promise<Core> {
  const sim = (await tsImport('../../src/sim/index.ts', import.meta.url)) as Sim;
  const support = (await tsImport('../support/scenario.ts', import.meta.url)) as Support;
  return { sim, sc: support.ukraine() };
}

/** A bot game as a verified record. */
export function play({ sim, sc }: Core, seed: string, policies: Policies): GameRecord {
  const game = sim.playGame(sc, seed, policies);
  return sim.recordOf(sc, game, sim.hashState(game.state));
}

export interface NamedRecord {
  name: string;
  record: unknown;
}

const BOTS = ['hawk', 'dove', 'greedy', 'sanctions-first', 'deterrence-first'] as const;

/** File names as they come off pupils' machines: long, with underscores, dots and dates. */
function fileName(i: number): string {
  const team = ['Red', 'Blue', 'Green', 'Gold', 'Violet'][i % 5]!;
  if (i % 3 === 0) return `brink-game-record_Period3_Team${team}_2026-11-29T10-4${i % 10}.json`;
  if (i % 3 === 1) return `Period 3 Team ${team} group ${i + 1} final record (copy).json`;
  return `BrinkRecordTeam${team}Group${i + 1}FinalVersionSubmittedToTeacher.json`;
}

/** A class of `size` groups: a few shared seeds, different bots for the two Western roles. */
export function classGames(core: Core, size: number): NamedRecord[] {
  return Array.from({ length: size }, (_, i) => ({
    name: fileName(i),
    record: play(core, `class-${i % 7}`, { us: BOTS[i % 5]!, eu: BOTS[(i * 2 + 1) % 5]! }),
  }));
}

export function writeRecords(dir: string, files: readonly NamedRecord[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map(({ name, record }) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(record));
    return path;
  });
}

/** Loads record files into the class view and waits for their rows. */
export async function loadClass(page: Page, paths: readonly string[]): Promise<void> {
  await page.goto('/class.html');
  await page.locator('#record-files').setInputFiles([...paths]);
  await page
    .locator('#groups-table tbody tr')
    .nth(paths.length - 1)
    .waitFor();
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage });
}

/** How far the page's content reaches past the viewport's right edge, in CSS pixels. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** How far a scrolling box's content reaches past its right edge. */
export function scrollOverflow(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((n) => n.scrollWidth - n.clientWidth);
}

/** Elements under `selector` whose content is wider than their box (text running out of them). */
export function overflowing(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => n.scrollWidth > n.clientWidth + 1)
        .map((n) => `${n.tagName.toLowerCase()}.${n.className}: ${n.scrollWidth}px`),
    );
}
