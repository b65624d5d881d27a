// The second scenario in the game page, in Chromium: a fresh start fetches nothing of Cuba 1962
// (its data and map are their own chunks); the title's scenario control switches the title's text,
// the role and the what-if switches, and the next new game; a Cuba game is saved and continued
// after a reload with its own scenario; a whole Cuba game is played by keyboard to the debrief,
// and its share link replays it on another page to the same hash. Screenshots of the Cuba title,
// crisis room and debrief go to test-results/screens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  continueByKeyboard,
  control,
  endTurnByKeyboard,
  gameHash,
  gameState,
  openGame,
  pickByKeyboard,
  screenshot,
  settle,
  typeSeed,
  waitForScreen,
  waitReady,
} from './support';

/** The version of scenarios/cuba-1962/, the one new Cuba games are played with. */
const CUBA_VERSION = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../scenarios/cuba-1962/scenario.json'), 'utf8'),
  ) as { version: string }
).version;

/** Every request the page makes, and those of Cuba's scenario chunk and map. */
function requests(page: Page): { cuba: () => string[] } {
  const all: string[] = [];
  page.on('request', (r) => all.push(r.url()));
  return { cuba: () => all.filter((url) => /cuba-1962|caribbean/.test(url)) };
}

/** A (the title's scenario control) until the title shows Cuba 1962. */
async function chooseCuba(page: Page): Promise<void> {
  await page.keyboard.press('a');
  await expect(control(page, 'scenario')).toContainText('Cuban Missile Crisis');
  await waitForScreen(page, 'title');
}

test('a fresh start fetches nothing of Cuba 1962; choosing it fetches its chunk', async ({
  page,
}) => {
  const seen = requests(page);
  await openGame(page);
  await settle(page, 500);
  await expect(control(page, 'scenario')).toContainText('Ukraine');
  expect(seen.cuba()).toEqual([]);
  await chooseCuba(page);
  expect(seen.cuba().some((url) => /cuba-1962.*\.js/.test(url))).toBe(true);
  // The map comes only with the crisis room.
  expect(seen.cuba().some((url) => /caribbean/.test(url))).toBe(false);
});

test('the title chooses Cuba 1962: its text, roles and switches; a Cuba save continues after a reload', async ({
  page,
}) => {
  await openGame(page);
  await expect(control(page, 'role-ukraine')).toHaveCount(1);
  await chooseCuba(page);
  const layer = page.locator('#dom-layer');
  await expect(layer).toContainText('U-2 photographs');
  await expect(layer).toContainText('13 daily turns');
  await expect(control(page, 'role-us')).toHaveAttribute('aria-pressed', 'true');
  await expect(control(page, 'role-ussr')).toHaveCount(1);
  await expect(control(page, 'role-ukraine')).toHaveCount(0);
  await page.keyboard.press('w');
  await expect(control(page, 'what-if-resolve')).toHaveCount(1);
  await page.keyboard.press('w');
  // The facilitator's class code names the scenario.
  await page.keyboard.press('f');
  await expect(layer).toContainText(`cuba-1962@${CUBA_VERSION}:`);
  await page.keyboard.press('f');
  await settle(page, 300);
  await screenshot(page, 'cuba-title');

  await page.keyboard.press('2');
  await expect(control(page, 'role-ussr')).toHaveAttribute('aria-pressed', 'true');
  await typeSeed(page, 'havana-1');
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  expect((await gameState(page))!.humans).toEqual(['ussr']);
  await pickByKeyboard(page, 2);
  await endTurnByKeyboard(page);
  await continueByKeyboard(page);
  const hash = await gameHash(page);

  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  await expect(control(page, 'continue')).toContainText('Cuban Missile Crisis');
  await expect(control(page, 'scenario')).toContainText('Cuban Missile Crisis');
  await page.keyboard.press('c');
  await waitForScreen(page, 'crisis');
  expect(await gameHash(page)).toBe(hash);
  expect((await gameState(page))!.turn).toBe(2);

  // Back on the title, the other scenario can still be chosen for a new game.
  await page.goto('/');
  await waitReady(page);
  await waitForScreen(page, 'title');
  await page.keyboard.press('a');
  await expect(control(page, 'scenario')).toContainText('Ukraine');
  await expect(control(page, 'role-us')).toHaveAttribute('aria-pressed', 'true');
  await expect(control(page, 'continue')).toContainText('Cuban Missile Crisis');
});

test('a whole Cuba 1962 game by keyboard to the debrief; its share link replays to the same hash', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(420_000); // thirteen turns on a slow machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGame(page);
  await chooseCuba(page);
  await typeSeed(page, 'excomm-13');
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  await settle(page, 500);
  await screenshot(page, 'cuba-crisis-1');
  for (let i = 0; i < 16; i++) {
    const turn = (await gameState(page))!.turn;
    await pickByKeyboard(page, turn % 3 === 0 ? 1 : 2);
    await endTurnByKeyboard(page);
    if ((await continueByKeyboard(page)) === 'debrief') break;
    if (turn === 6) {
      await settle(page, 500);
      await screenshot(page, 'cuba-crisis-7');
    }
  }
  await waitForScreen(page, 'debrief');
  await settle(page, 500);
  await screenshot(page, 'cuba-debrief');
  const hash = await gameHash(page);
  await page.keyboard.press('l');
  await expect(page.locator('#dom-layer .notice')).toContainText('Share link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#');

  const other = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await other.goto(link);
  await waitReady(other);
  await waitForScreen(other, 'debrief');
  expect(await gameHash(other)).toBe(hash);
  await expect(other.locator('#dom-layer .notice')).toContainText(hash!);
  await other.close();
});
