// Shared steps for the end-to-end specs: open the game, wait for screens, play turns by keyboard.
// Everything here drives the page the way a player does (keys, or clicks on the DOM layer's
// buttons); `window.brink` is only read, to know where the game is and what it holds.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { GameRecord, GameState } from '../../src/sim';

/** The Phaser scene that draws each screen (the dyad's confirmation and the hand-over share one). */
export const SCENES = {
  title: 'Title',
  briefing: 'Briefing',
  crisis: 'Crisis',
  confirm: 'Pass',
  pass: 'Pass',
  resolution: 'Resolution',
  debrief: 'Debrief',
  viewer: 'Viewer',
} as const;
export type ScreenName = keyof typeof SCENES;

/** The game has ten weekly turns; a little slack in case an ending comes late or early. */
export const MAX_TURNS = 12;

export const SCREENS_DIR = join('test-results', 'screens');

/** Waits until the game has booted: `window.brink` exists and Phaser has left the Boot scene. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.brink !== undefined && window.brink.scene() !== 'Boot');
}

/** Opens the game; `renderer` asks for one (else the game chooses: the 2D canvas here). */
export async function openGame(page: Page, renderer?: 'webgl' | 'canvas'): Promise<void> {
  await page.goto(renderer ? `/?renderer=${renderer}` : '/');
  await waitReady(page);
  await waitForScreen(page, 'title');
}

/** Waits until both the controller and the Phaser scene are on `screen`. */
export async function waitForScreen(page: Page, screen: ScreenName): Promise<void> {
  await page.waitForFunction(
    ([name, key]) => window.brink.screen() === name && window.brink.scene() === key,
    [screen, SCENES[screen]] as const,
  );
}

/** Lets Phaser draw a couple of frames (after a scene change, before a screenshot). */
export async function settle(page: Page, ms = 0): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  if (ms > 0) await page.waitForTimeout(ms);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}

export const gameState = (page: Page): Promise<GameState | null> =>
  page.evaluate(() => window.brink.state());
export const gameHash = (page: Page): Promise<string | null> =>
  page.evaluate(() => window.brink.hash());
export const gameRecord = (page: Page): Promise<GameRecord | null> =>
  page.evaluate(() => window.brink.record() as GameRecord | null);
export const currentScreen = (page: Page): Promise<string> =>
  page.evaluate(() => window.brink.screen());

/** The DOM layer's button for a control id (`data-control`), e.g. `end-turn` or `action-x`. */
export const control = (page: Page, id: string) =>
  page.locator(`#dom-layer [data-control="${id}"]`);

/** Presses a DOM-layer button the keyboard way (focus, Enter): it works with the layer hidden. */
export async function pressControl(page: Page, id: string): Promise<void> {
  await control(page, id).focus();
  await page.keyboard.press('Enter');
}

/** The ids of the actions the DOM layer shows as selected (aria-pressed) this turn. */
export async function selectedActions(page: Page): Promise<string[]> {
  return page
    .locator('#dom-layer button[data-control^="action-"][aria-pressed="true"]')
    .evaluateAll((buttons) =>
      buttons.map((b) => (b as HTMLElement).dataset.control!.replace(/^action-/, '')),
    );
}

/** Sets the seed the keyboard way: S focuses the seed field, type it, Enter applies it. */
export async function typeSeed(page: Page, seed: string): Promise<void> {
  await page.keyboard.press('s');
  await expect(page.locator('#seed-input')).toBeFocused();
  await page.keyboard.press('Control+A');
  // One input event for the whole seed: typing it key by key costs a round trip a key.
  await page.keyboard.insertText(seed);
  await page.keyboard.press('Enter');
  await expect(control(page, 'new-game')).toContainText(`seed "${seed}"`);
}

/** From the title: role by digit, seed, N, Enter into the crisis room. */
export async function startByKeyboard(page: Page, roleDigit: string, seed: string): Promise<void> {
  await page.keyboard.press(roleDigit);
  await expect(page.locator('#dom-layer button[aria-pressed="true"]')).toHaveAttribute(
    'aria-keyshortcuts',
    roleDigit,
  );
  await typeSeed(page, seed);
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
}

/** The ids of the controls the keyboard cursor can reach (not aria-disabled), in its order. */
export async function cursorStops(page: Page): Promise<string[]> {
  return page
    .locator('#dom-layer section.controls button[data-control]')
    .evaluateAll((buttons) =>
      buttons
        .filter((b) => b.getAttribute('aria-disabled') !== 'true')
        .map((b) => (b as HTMLElement).dataset.control!),
    );
}

/**
 * Chooses up to `count` actions with the cursor, from a fresh crisis screen (cursor on nothing):
 * ArrowDown walks the usable controls in the order the DOM layer lists them (End turn and the
 * other orders first, then the action cards by track), Space toggles the one under the cursor.
 * The number of presses is worked out from the DOM layer, so new controls before the cards do not
 * break it. Returns what the DOM layer shows as selected afterwards.
 */
export async function pickByKeyboard(page: Page, count: number): Promise<string[]> {
  let cursor: string | null = null;
  for (let i = 0; i < count; i++) {
    const stops = await cursorStops(page);
    const selected = (await selectedActions(page)).map((id) => `action-${id}`);
    const from = cursor === null ? -1 : stops.indexOf(cursor);
    const to = stops.findIndex(
      (id, at) => at > from && id.startsWith('action-') && !selected.includes(id),
    );
    if (to < 0) break; // nothing more can be added this turn
    for (let p = from; p < to; p++) await page.keyboard.press('ArrowDown');
    cursor = stops[to]!;
    const noticeBefore = await noticeText(page);
    await page.keyboard.press('Space');
    // Either it was selected, or the core refused it and a new notice says why: both are fine.
    await expect
      .poll(
        async () =>
          (await selectedActions(page)).length > selected.length ||
          (await noticeText(page)) !== noticeBefore,
      )
      .toBe(true);
  }
  return selectedActions(page);
}

export async function noticeText(page: Page): Promise<string> {
  const notice = page.locator('#dom-layer .notice');
  return (await notice.count()) > 0 ? ((await notice.textContent()) ?? '') : '';
}

/** E ends the turn; waits for the resolution screen and returns the turn that was resolved. */
export async function endTurnByKeyboard(page: Page): Promise<number> {
  const turn = (await gameState(page))!.turn;
  await page.keyboard.press('e');
  await waitForScreen(page, 'resolution');
  expect((await gameState(page))!.reports.at(-1)!.turn).toBe(turn);
  return turn;
}

/** Enter on the resolution screen: on to the next turn or to the debrief. */
export async function continueByKeyboard(page: Page): Promise<ScreenName> {
  const over = (await gameState(page))!.phase === 'over';
  await page.keyboard.press('Enter');
  const next: ScreenName = over ? 'debrief' : 'crisis';
  await waitForScreen(page, next);
  return next;
}

/**
 * Plays from the crisis room to the debrief by keyboard; `plan(turn)` says how many actions to
 * pick on each turn. Returns the actions the DOM layer showed as selected, turn by turn.
 */
export async function playToDebriefByKeyboard(
  page: Page,
  plan: (turn: number) => number,
): Promise<string[][]> {
  const chosen: string[][] = [];
  for (let i = 0; i < MAX_TURNS; i++) {
    const turn = (await gameState(page))!.turn;
    chosen.push(await pickByKeyboard(page, plan(turn)));
    await endTurnByKeyboard(page);
    if ((await continueByKeyboard(page)) === 'debrief') return chosen;
  }
  throw new Error(`no debrief after ${MAX_TURNS} turns`);
}

/** The human player's submitted orders in a record, in turn order. */
export function humanOrders(record: GameRecord, role: string): string[][] {
  return record.orders
    .filter((o) => o.type === 'orders/submitted' && o.role === role)
    .map((o) => (o.type === 'orders/submitted' ? o.actions : []));
}

/**
 * The buttons an accessibility snapshot of the DOM layer lists, in order, each with its name, or
 * null where the snapshot leaves a (very long) name out and lists the button's contents instead.
 */
export async function accessibleButtons(page: Page): Promise<(string | null)[]> {
  // One snapshot call rather than one round trip per button: the page is slow to answer while
  // the canvas renders (a few frames a second on this machine's software WebGL).
  const snapshot = await page.locator('#dom-layer').ariaSnapshot();
  const names: (string | null)[] = [];
  for (const raw of snapshot.split('\n')) {
    // `- button "Name" …`, or quoted as a YAML key when the name has a colon: `- 'button "A: b"': …`
    const line = raw.trim().replace(/^- /, '');
    if (!/^'?button\b/.test(line)) continue;
    const quoted = /^'?button "((?:[^"\\]|\\.)*)"/.exec(line);
    names.push(quoted ? quoted[1]!.replace(/\\(.)/g, '$1').replace(/''/g, "'") : null);
  }
  return names;
}

/** Every <button> in the DOM layer is exposed as a button with a name that is not blank. */
export async function expectNamedButtons(page: Page, where: string): Promise<void> {
  const layer = page.locator('#dom-layer');
  const count = await layer.locator('button').count();
  const names = await accessibleButtons(page);
  expect(count, `${where}: buttons in the DOM layer`).toBeGreaterThan(0);
  expect(names, `${where}: every <button> is in the accessibility tree`).toHaveLength(count);
  const blank = names.filter((name) => name !== null && name.trim() === '');
  expect(blank, `${where}: buttons without a name`).toEqual([]);
  // Names the snapshot left out: ask for each one.
  for (const [i, name] of names.entries()) {
    if (name === null)
      await expect(layer.getByRole('button').nth(i), `${where}: button ${i}`).toHaveAccessibleName(
        /\S/,
      );
  }
  await expect(layer.getByRole('heading', { level: 1 }), `${where}: one h1`).toHaveCount(1);
}

/** The canvas buttons a pointer can press now (none while the text view covers the canvas). */
export const canvasControls = (page: Page) => page.evaluate(() => window.brink.controls());

/**
 * Clicks a canvas button with the mouse, where it is drawn: the canvas is scaled to fit the page,
 * so its 1600 × 1000 coordinates are mapped onto the canvas element's box first. One round trip to
 * find it (the page answers slowly while the canvas renders), one to click.
 */
export async function clickCanvas(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((wanted) => {
    const target = window.brink.controls().find((c) => c.id === wanted);
    const box = document.querySelector('#game canvas')?.getBoundingClientRect();
    if (!target || !box) return null;
    const scale = box.width / 1600;
    return {
      x: box.x + (target.x + target.w / 2) * scale,
      y: box.y + (target.y + target.h / 2) * scale,
    };
  }, id);
  expect(at, `a canvas button "${id}" to press`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
}

/**
 * Where a click on the first element matching `selector` would land, if it reaches it: scrolled
 * into view, and the element at its centre is it or inside it (nothing covers it). Null if not.
 */
export async function reachable(
  page: Page,
  selector: string,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!(element instanceof HTMLElement)) return null;
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return null;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    return hit && element.contains(hit) ? { x, y } : null;
  }, selector);
}
