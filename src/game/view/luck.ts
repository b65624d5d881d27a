// Luck or choice on the debrief: the player's orders replayed over other seeds in a worker, the
// progress in the notice, the result as a section. The results are derived data, kept here by the
// game's final hash; they are never part of the game state or its record.
import {
  describeLuck,
  endingName,
  formatCount,
  hashState,
  luckEndings,
  luckPercent,
  SCORE_BINS,
  type GameState,
  type LuckResult,
} from '../../sim';
import type { GameController } from '../controller';
import { LuckCancelled, runLuck, type LuckRun } from '../luck/client';
import type { Control, Section } from './model';

export const LUCK_SEEDS = 1000;
/** The longest bar of the text histograms, in blocks (for 100%). */
const BAR = 30;
/** Progress notices at most this often (each one redraws the screen). */
const NOTICE_EVERY_MS = 200;

type Entry =
  | { status: 'running'; done: number; total: number; run: LuckRun }
  | { status: 'done'; result: LuckResult; ms: number }
  | { status: 'error'; message: string };

const store = new Map<string, Entry>();
const hashes = new WeakMap<GameState, string>();

/** The final hash of the game on screen (states never change, so it is computed once per state). */
function keyOf(c: GameController): string | null {
  const state = c.state;
  if (!state) return null;
  let hash = hashes.get(state);
  if (hash === undefined) {
    hash = hashState(state);
    hashes.set(state, hash);
  }
  return hash;
}

/** Whether the player is still looking at the debrief of that game. */
function showing(c: GameController, key: string): boolean {
  return c.ui.screen === 'debrief' && keyOf(c) === key;
}

const seedsText = formatCount(LUCK_SEEDS);

function summary(c: GameController, result: LuckResult, ms: number): string {
  const mine = result.endings[result.player.ending] ?? 0;
  const ending = endingName(c.sc, result.player.ending);
  return `Luck or choice: done in ${(ms / 1000).toFixed(1)} s. Your ending (${ending}) came up in ${luckPercent(mine, result.games)}% of ${formatCount(result.games)} other games; the results are under "Luck or choice".`;
}

function start(c: GameController, key: string): void {
  const record = c.record();
  if (!record) return;
  const started = performance.now();
  let lastNotice = 0;
  const run = runLuck(
    record,
    LUCK_SEEDS,
    ({ done, total }) => {
      const entry = store.get(key);
      if (entry?.status !== 'running' || entry.run !== run) return;
      entry.done = done;
      entry.total = total;
      const now = performance.now();
      if (showing(c, key) && now - lastNotice >= NOTICE_EVERY_MS && done < total) {
        lastNotice = now;
        c.notify(`Luck or choice: ${formatCount(done)} of ${formatCount(total)} games…`);
      }
    },
    { scenario: c.sc.scenario },
  );
  store.set(key, { status: 'running', done: 0, total: LUCK_SEEDS, run });
  c.notify(`Luck or choice: replaying your orders over ${seedsText} other seeds…`);
  run.then(
    (result) => {
      const ms = performance.now() - started;
      store.set(key, { status: 'done', result, ms });
      if (showing(c, key)) c.notify(summary(c, result, ms));
    },
    (error: unknown) => {
      if (error instanceof LuckCancelled) {
        store.delete(key);
        if (showing(c, key)) c.notify('Luck or choice stopped.');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      store.set(key, { status: 'error', message });
      if (showing(c, key)) c.notify(`Luck or choice could not be run: ${message}`);
    },
  );
}

/** The debrief's control: start the run, stop it while it runs, or repeat the result. */
export function luckControl(c: GameController): Control {
  const key = keyOf(c);
  const entry = key ? store.get(key) : undefined;
  const base = {
    id: 'luck',
    key: 'K',
    detail: `Your orders, turn by turn, replayed in ${seedsText} games with other seeds (other dice, other hidden intent). Orders another game does not allow are skipped and counted. Shows how much of your ending was your choice and how much was luck.`,
  };
  if (!key) return { ...base, label: 'Luck or choice', disabled: true, run: () => {} };
  switch (entry?.status) {
    case 'running':
      return {
        ...base,
        label: `Stop luck or choice (${formatCount(entry.done)} of ${formatCount(entry.total)} games)`,
        pressed: true,
        run: () => entry.run.cancel(),
      };
    case 'done':
      return {
        ...base,
        label: 'Luck or choice: say the result again',
        run: () => c.notify(summary(c, entry.result, entry.ms)),
      };
    default:
      return {
        ...base,
        label: `Luck or choice: replay my orders over ${seedsText} other seeds`,
        run: () => start(c, key),
      };
  }
}

function bar(n: number, games: number): string {
  const blocks = games > 0 ? Math.round((n * BAR) / games) : 0;
  return blocks > 0 ? '█'.repeat(blocks) : n > 0 ? '▏' : '';
}

/** The endings and the player's score as text histograms, the player's game marked. */
function histograms(c: GameController, result: LuckResult): string[] {
  const games = result.games;
  const player = result.player;
  const lines = [`Endings with your orders over ${formatCount(games)} other seeds:`];
  const shown = luckEndings(result);
  if (!shown.some((e) => e.id === player.ending)) shown.push({ id: player.ending, games: 0 });
  for (const e of shown) {
    const mark = e.id === player.ending ? '  ◀ your game' : '';
    lines.push(
      `${bar(e.games, games)} ${luckPercent(e.games, games)}% ${endingName(c.sc, e.id)}${mark}`,
    );
  }
  const role = c.ui.role;
  const tally = result.scores[role];
  const score = player.scores[role];
  if (tally && score !== undefined) {
    const name = c.sc.roles[role]?.name ?? role;
    lines.push(`Your score as ${name} in those games (yours was ${score}):`);
    const mine = Math.min(SCORE_BINS - 1, Math.floor(score / 10));
    const used = tally.histogram
      .map((n, i) => (n > 0 || i === mine ? i : -1))
      .filter((i) => i >= 0);
    for (let i = Math.min(...used); i <= Math.max(...used); i++) {
      const n = tally.histogram[i] ?? 0;
      const range = i === SCORE_BINS - 1 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
      const mark = i === mine ? '  ◀ your score' : '';
      lines.push(`${bar(n, games)} ${luckPercent(n, games)}% scored ${range}${mark}`);
    }
  }
  return lines;
}

/** The debrief's "Luck or choice" section, once a run has been started (none before). */
export function luckSection(c: GameController): Section[] {
  const key = keyOf(c);
  const entry = key ? store.get(key) : undefined;
  if (!entry) return [];
  const heading = 'Luck or choice';
  switch (entry.status) {
    case 'running':
      return [
        {
          id: 'luck',
          heading,
          lines: [
            `Replaying your orders over ${formatCount(entry.total)} other seeds: ${formatCount(entry.done)} games so far…`,
          ],
        },
      ];
    case 'error':
      return [{ id: 'luck', heading, lines: [`It could not be run: ${entry.message}`] }];
    case 'done':
      return [
        {
          id: 'luck',
          heading,
          lines: [...describeLuck(c.sc, entry.result, c.ui.role), ...histograms(c, entry.result)],
        },
      ];
  }
}
