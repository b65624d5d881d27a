// Luck or choice on the debrief: the player's orders replayed over other seeds in a worker, the
// progress in the notice, the result as a section. With what-if switches in the scenario, the
// same orders can also be replayed under another assumption (one switch changed), and the two
// results are compared. The results are derived data, kept here by the game's final hash and the
// setting; they are never part of the game state or its record.
import {
  describeLuck,
  endingName,
  formatCount,
  hashState,
  luckEndings,
  luckPercent,
  normaliseChoice,
  SCORE_BINS,
  type GameState,
  type LuckResult,
  type WhatIfChoice,
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

/** Results by game hash and setting (`runKey`). */
const store = new Map<string, Entry>();
const hashes = new WeakMap<GameState, string>();
/** The setting chosen for each game (by hash): an index into `settings`. */
const chosen = new Map<string, number>();

/** A setting luck or choice can replay under: the game's own, or one switch changed. */
interface Setting {
  choice: WhatIfChoice;
  /** "as played" for the game's own; else the switch and option, as the title names them. */
  label: string;
}

/** The game's own setting first, then each other option of each switch, one at a time. */
function settings(c: GameController): Setting[] {
  const scenario = c.sc.scenario;
  const own = c.state?.whatIf ?? {};
  const out: Setting[] = [{ choice: own, label: 'as played' }];
  for (const w of scenario.whatIfs ?? []) {
    const current = own[w.id] ?? w.options[0]!.id;
    for (const option of w.options) {
      if (option.id === current) continue;
      const normal = normaliseChoice(scenario, { ...own, [w.id]: option.id });
      if (normal.ok) out.push({ choice: normal.value, label: `${w.name}: ${option.label}` });
    }
  }
  return out;
}

function settingOf(c: GameController, key: string): { setting: Setting; index: number } {
  const all = settings(c);
  const index = Math.min(chosen.get(key) ?? 0, all.length - 1);
  return { setting: all[index]!, index };
}

const runKey = (key: string, setting: Setting) => `${key}|${JSON.stringify(setting.choice)}`;

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

function summary(c: GameController, result: LuckResult, ms: number, setting: Setting): string {
  const mine = result.endings[result.player.ending] ?? 0;
  const ending = endingName(c.sc, result.player.ending);
  const under = setting.label === 'as played' ? '' : ` with ${setting.label}`;
  return `Luck or choice: done in ${(ms / 1000).toFixed(1)} s. Your ending (${ending}) came up in ${luckPercent(mine, result.games)}% of ${formatCount(result.games)} other games${under}; the results are under "Luck or choice".`;
}

function start(c: GameController, game: string, setting: Setting): void {
  const record = c.record();
  if (!record) return;
  const key = runKey(game, setting);
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
      if (showing(c, game) && now - lastNotice >= NOTICE_EVERY_MS && done < total) {
        lastNotice = now;
        c.notify(`Luck or choice: ${formatCount(done)} of ${formatCount(total)} games…`);
      }
    },
    // The scenario as built: the worker builds the setting's variant itself.
    { scenario: (c.sc.asBuilt ?? c.sc).scenario, whatIf: { ...setting.choice } },
  );
  store.set(key, { status: 'running', done: 0, total: LUCK_SEEDS, run });
  c.notify(`Luck or choice: replaying your orders over ${seedsText} other seeds…`);
  run.then(
    (result) => {
      const ms = performance.now() - started;
      store.set(key, { status: 'done', result, ms });
      if (showing(c, game)) c.notify(summary(c, result, ms, setting));
    },
    (error: unknown) => {
      if (error instanceof LuckCancelled) {
        store.delete(key);
        if (showing(c, game)) c.notify('Luck or choice stopped.');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      store.set(key, { status: 'error', message });
      if (showing(c, game)) c.notify(`Luck or choice could not be run: ${message}`);
    },
  );
}

/** The debrief's control: start the run, stop it while it runs, or repeat the result. */
export function luckControl(c: GameController): Control {
  const key = keyOf(c);
  const base = {
    id: 'luck',
    key: 'K',
    detail: `Your orders, turn by turn, replayed in ${seedsText} games with other seeds (other dice, other hidden intent). Orders another game does not allow are skipped and counted. Shows how much of your ending was your choice and how much was luck.`,
  };
  if (!key) return { ...base, label: 'Luck or choice', disabled: true, run: () => {} };
  const { setting } = settingOf(c, key);
  const entry = store.get(runKey(key, setting));
  const under = setting.label === 'as played' ? '' : ` with ${setting.label}`;
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
        label: `Luck or choice${under}: say the result again`,
        run: () => c.notify(summary(c, entry.result, entry.ms, setting)),
      };
    default:
      return {
        ...base,
        label: `Luck or choice: replay my orders over ${seedsText} other seeds${under}`,
        run: () => start(c, key, setting),
      };
  }
}

/**
 * The debrief's choice of assumption for luck or choice, when the scenario has what-if switches:
 * each press moves to the next setting (the game's own, then one switch changed at a time).
 */
export function luckSettingControl(c: GameController): Control[] {
  const key = keyOf(c);
  if (!key || !c.sc.scenario.whatIfs?.length) return [];
  const all = settings(c);
  const { setting, index } = settingOf(c, key);
  return [
    {
      id: 'luck-setting',
      key: 'W',
      label: `Luck or choice under: ${setting.label}`,
      detail:
        'press to choose another what-if assumption: the same orders and the same seeds under it, compared with the game as played',
      pressed: index > 0,
      run: () => {
        const next = (index + 1) % all.length;
        chosen.set(key, next);
        c.notify(
          next === 0
            ? 'Luck or choice will replay your orders as the game was played.'
            : `Luck or choice will replay your orders with ${all[next]!.label}. Press K to run it.`,
        );
      },
    },
  ];
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

/** The debrief's "Luck or choice" sections, one per setting run (none before a run). */
export function luckSection(c: GameController): Section[] {
  const key = keyOf(c);
  if (!key) return [];
  const all = settings(c);
  const own = store.get(runKey(key, all[0]!));
  return all.flatMap((setting, i) => {
    const entry = store.get(runKey(key, setting));
    if (!entry) return [];
    const section = settingSection(
      c,
      entry,
      i === 0 ? 'Luck or choice' : `Luck or choice with ${setting.label}`,
    );
    if (i > 0 && entry.status === 'done' && own?.status === 'done')
      section.lines.unshift(comparison(c, own.result, entry.result, setting));
    return [{ ...section, id: i === 0 ? 'luck' : `luck-${i}` }];
  });
}

/** "Your ending came up in 61% as played and in 84% with …": the two runs side by side. */
function comparison(
  c: GameController,
  own: LuckResult,
  other: LuckResult,
  setting: Setting,
): string {
  const ending = own.player.ending;
  const pct = (r: LuckResult) => `${luckPercent(r.endings[ending] ?? 0, r.games)}%`;
  const role = c.ui.role;
  const mean = (r: LuckResult) => r.scores[role]?.mean ?? 0;
  return `Compared with the game as played: your ending (${endingName(c.sc, ending)}) came up in ${pct(own)} of the games as played and in ${pct(other)} with ${setting.label}; your mean score ${mean(own)} and ${mean(other)}.`;
}

function settingSection(c: GameController, entry: Entry, heading: string): Section {
  switch (entry.status) {
    case 'running':
      return {
        id: 'luck',
        heading,
        lines: [
          `Replaying your orders over ${formatCount(entry.total)} other seeds: ${formatCount(entry.done)} games so far…`,
        ],
      };
    case 'error':
      return { id: 'luck', heading, lines: [`It could not be run: ${entry.message}`] };
    case 'done':
      return {
        id: 'luck',
        heading,
        lines: [...describeLuck(c.sc, entry.result, c.ui.role), ...histograms(c, entry.result)],
      };
  }
}
