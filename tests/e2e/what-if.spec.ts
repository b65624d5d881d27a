// What-if switches in the game, in real Chromium: a teacher changes an assumption on the title
// (W shows the switches), a new game is played under it — the crisis room says so, the hidden
// intent comes from the switched range, a reload continues it under the same switch, the debrief
// names it and luck or choice compares the same orders under the model as built; the share link
// carries the switch and replays to the same hash on another page; a class code carries it to a
// student's page; a link naming a switch this scenario lacks is refused with a message naming it.
import { expect, test, type Page } from '@playwright/test';
import type { GameRecord } from '../../src/sim';
import { loadCore } from './classroom-support';
import {
  control,
  gameHash,
  gameRecord,
  gameState,
  noticeText,
  openGame,
  playToDebriefByKeyboard,
  pressControl,
  screenshot,
  settle,
  typeSeed,
  waitForScreen,
  waitReady,
} from './support';

const layer = (page: Page) => page.locator('#dom-layer');

/** Presses a switch until it shows the option wanted. */
async function setSwitch(page: Page, id: string, label: string): Promise<void> {
  const button = control(page, `what-if-${id}`);
  for (let i = 0; i < 4 && !((await button.textContent()) ?? '').includes(label); i++)
    await pressControl(page, `what-if-${id}`);
  await expect(button).toContainText(label);
}

test('a game under a what-if switch: title, crisis room, reload, debrief, luck or choice, link', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);

  // The switches are hidden until asked for; W shows them, each press moves a switch on.
  await expect(control(page, 'what-if-resolve')).toHaveCount(0);
  await page.keyboard.press('w');
  await expect(control(page, 'what-ifs')).toHaveAttribute('aria-pressed', 'true');
  await setSwitch(page, 'resolve', 'Set on war (60–95)');
  await expect(control(page, 'what-ifs')).toContainText('1 changed');
  await expect(layer(page)).toContainText('The model as built is calibrated against history');
  await settle(page);
  await screenshot(page, 'what-if-title');

  await page.keyboard.press('1'); // the United States
  await typeSeed(page, 'e2e-what-if');
  await expect(control(page, 'new-game')).toContainText("what-if: Russia's resolve: Set on war");
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  const state = (await gameState(page))!;
  expect(state.whatIf).toEqual({ resolve: 'setOnWar' });
  expect(state.hidden.resolve).toBeGreaterThanOrEqual(60);
  await expect(layer(page).locator('h1 + p, .subtitle').first()).toContainText(
    "what-if: Russia's resolve: Set on war (60–95)",
  );
  await settle(page);
  await screenshot(page, 'what-if-crisis');

  // A reload continues the same game under the same switch.
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  await pressControl(page, 'continue');
  await expect.poll(async () => (await gameState(page))?.whatIf).toEqual({ resolve: 'setOnWar' });
  if ((await page.evaluate(() => window.brink.screen())) === 'briefing')
    await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');

  await playToDebriefByKeyboard(page, () => 1);
  await expect(layer(page)).toContainText('Played under what-if switches');
  await expect(layer(page)).toContainText("Russia's resolve: Set on war (60–95)");
  const record = (await gameRecord(page))!;
  expect(record.whatIf).toEqual({ resolve: 'setOnWar' });
  const hash = (await gameHash(page))!;

  // Luck or choice as played, then with the model as built: the second is compared with the first.
  await page.keyboard.press('k');
  await expect(layer(page)).toContainText('Your orders over 1,000 other seeds', {
    timeout: 150_000,
  });
  await page.keyboard.press('w');
  await expect(control(page, 'luck-setting')).toContainText(
    "Luck or choice under: Russia's resolve: As modelled (28–88)",
  );
  await page.keyboard.press('k');
  await expect(layer(page)).toContainText('Compared with the game as played', {
    timeout: 150_000,
  });
  await expect(layer(page)).toContainText(
    "Luck or choice with Russia's resolve: As modelled (28–88)",
  );
  await settle(page);
  await screenshot(page, 'what-if-debrief');

  // The share link carries the switch: another page replays it to the same hash.
  const link = await page.evaluate(() => window.brink.shareLink());
  expect(link).toContain('#game=');
  const other = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await other.goto(`/${link!.slice(link!.indexOf('#'))}`);
  await waitReady(other);
  await expect.poll(() => gameHash(other)).toBe(hash);
  expect((await gameState(other))!.whatIf).toEqual({ resolve: 'setOnWar' });
  await other.close();
  expect(errors).toEqual([]);
});

test('a class code carries the switches to a student page; unknown switches are named', async ({
  page,
}) => {
  await openGame(page);
  await page.keyboard.press('w');
  await setSwitch(page, 'dealThreshold', 'A thinner framework (50)');
  await page.keyboard.press('f'); // facilitator mode shows the class code
  await expect(control(page, 'facilitator')).toContainText('dealThreshold=thin');
  const detail = (await page.locator('#detail-facilitator').textContent())!;
  const classCode = detail.replace(/^class code /, '');
  expect(classCode).toMatch(/^ukraine-2021@[\d.]+:[^:]+:5:us:dealThreshold=thin$/);

  // A student's fresh page joins with the code: the next new game is played under the switch.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitReady(page);
  await page.keyboard.press('j');
  await page.keyboard.insertText(classCode);
  await page.keyboard.press('Enter');
  await expect.poll(() => noticeText(page)).toContain('what-if: How much agreement a deal needs');
  await expect(control(page, 'new-game')).toContainText('A thinner framework (50)');

  // A code naming a switch this page does not have: refused, naming it.
  await page.keyboard.press('j');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(classCode.replace('dealThreshold=thin', 'nukes=yes'));
  await page.keyboard.press('Enter');
  await expect.poll(() => noticeText(page)).toContain('"nukes" is not a what-if switch');

  // A share link naming an unknown option: refused with the field named, nothing else lost.
  const { sim, sc } = await loadCore();
  const base = (await gameRecord(page)) ?? {
    format: 1,
    scenario: { id: sc.scenario.id, version: sc.scenario.version, hash: sc.hash },
    seed: 'x',
    humans: ['us'],
    orders: [],
  };
  const link = sim.encodeRecord(sc, { ...(base as GameRecord), whatIf: { resolve: 'maximal' } });
  await page.goto(`/#game=${link}`);
  await waitReady(page);
  await expect.poll(() => noticeText(page)).toContain('"maximal" is not an option');
  await waitForScreen(page, 'title');
});
