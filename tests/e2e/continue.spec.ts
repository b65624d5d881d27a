// Continuing a saved game: the title's choices (role, seed, players, classroom) are for a new
// game; "Continue the saved game" resumes the saved one exactly as it was — its roles, seats,
// hot seat, dyad, seed and clock — whatever was chosen on the title before. (Issue 11: choosing
// Ukraine, then continuing a United States game, opened a crisis room nobody could play.)
import { expect, test, type Page } from '@playwright/test';
import {
  continueByKeyboard,
  control,
  endTurnByKeyboard,
  gameHash,
  gameRecord,
  gameState,
  openGame,
  pickByKeyboard,
  pressControl,
  startByKeyboard,
  typeSeed,
  waitForScreen,
  waitReady,
} from './support';

const screen = (page: Page) => page.evaluate(() => window.brink.screen());
const layer = (page: Page) => page.locator('#dom-layer');

/** Presses a title toggle (by its button in the DOM layer) until it is on or off. */
async function setToggle(page: Page, id: string, on: boolean): Promise<void> {
  const button = control(page, id);
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await pressControl(page, id);
  await expect(button).toHaveAttribute('aria-pressed', String(on));
}

async function reloadToTitle(page: Page): Promise<void> {
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
}

test('continuing after every title setting was changed resumes the saved game as its role', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-continue'); // the United States
  await pickByKeyboard(page, 1);
  await endTurnByKeyboard(page);
  expect(await continueByKeyboard(page)).toBe('crisis');
  const before = (await gameState(page))!;
  const hash = await gameHash(page);

  await reloadToTitle(page);
  // Every choice the title offers, changed: role, seed, hot seat with another seat, dyad,
  // facilitator mode and its clock, a new random seed, a class code, and the text view.
  await page.keyboard.press('3'); // Ukraine
  await typeSeed(page, 'e2e-not-this-seed');
  await page.keyboard.press('h');
  await page.keyboard.press('4'); // Russia joins Ukraine
  await page.keyboard.press('y');
  await page.keyboard.press('f');
  await page.keyboard.press('+');
  await page.keyboard.press('r');
  await page.keyboard.press('j');
  await page.keyboard.insertText('ukraine-2021:e2e-class-seed:7');
  await page.keyboard.press('Enter');
  await expect(layer(page).locator('.notice')).toContainText('Class code accepted');
  await page.keyboard.press('t');
  await expect(layer(page)).toHaveClass(/visible/);

  // The title says which game "Continue" resumes, and that the choices are for a new game.
  await expect(control(page, 'continue')).toContainText('United States');
  await expect(control(page, 'continue')).toContainText(`turn ${before.turn}`);
  await expect(control(page, 'continue')).toContainText('e2e-continue');
  await expect(control(page, 'new-game')).toContainText('Ukraine, Russia');
  await expect(layer(page).locator('#section-saved')).toContainText('United States');
  await expect(layer(page).locator('#section-saved')).toContainText('new game');

  await control(page, 'continue').click();
  await waitForScreen(page, 'crisis');
  await expect(layer(page).getByRole('heading', { level: 1 })).toHaveText(
    'Crisis room — United States',
  );
  expect(await gameHash(page)).toBe(hash);
  expect(await gameState(page)).toEqual(before);
  await expect(layer(page)).not.toContainText('played by the computer');
  // No clock: the saved game was not played under one.
  await expect(layer(page).locator('#section-status')).not.toContainText('Time left');

  // And it plays on as the United States: one order, the turn ends (no dyad partner, no hot
  // seat), and the next turn comes.
  await page.keyboard.press('t');
  expect(await pickByKeyboard(page, 1)).toHaveLength(1);
  await page.keyboard.press('e');
  await waitForScreen(page, 'resolution');
  const record = (await gameRecord(page))!;
  expect(record.seed).toBe('e2e-continue');
  expect(record.humans).toEqual(['us']);
  expect(record.clock).toBeUndefined();
  expect(record.orders.filter((o) => o.type === 'orders/submitted').map((o) => o.role)).toEqual([
    'us',
    'us',
  ]);
  const after = (await gameState(page))!;
  if (after.phase !== 'over') expect(await continueByKeyboard(page)).toBe('crisis');
  expect(errors).toEqual([]);
});

test('a saved hot-seat dyad game continues with its own seats, its partner and its hidden orders', async ({
  page,
}) => {
  await openGame(page);
  await page.keyboard.press('h');
  await page.keyboard.press('4'); // the United States and Russia
  await page.keyboard.press('y');
  await typeSeed(page, 'e2e-continue-seats');
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  await page.keyboard.press('e'); // the US proposes no orders
  await expect.poll(() => screen(page)).toBe('confirm');
  await page.keyboard.press('Enter'); // the partner confirms
  await expect.poll(() => screen(page)).toBe('pass');

  await reloadToTitle(page);
  // The title is set for another hot seat (the European Union and Ukraine) without partners.
  await setToggle(page, 'hot-seat', true);
  await setToggle(page, 'role-eu', true);
  await setToggle(page, 'role-ukraine', true);
  await setToggle(page, 'role-us', false);
  await setToggle(page, 'role-russia', false);
  await setToggle(page, 'dyad', false);
  await expect(control(page, 'new-game')).toContainText('European Union, Ukraine');
  await expect(control(page, 'continue')).toContainText('United States, Russia');

  await page.keyboard.press('c');
  // Russia's orders are still to come: the keyboard is passed to Russia's player first.
  await expect.poll(() => screen(page)).toBe('pass');
  await expect(layer(page).getByRole('heading', { level: 1 })).toHaveText('Pass to Russia');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  await expect(layer(page).getByRole('heading', { level: 1 })).toHaveText('Crisis room — Russia');
  await page.keyboard.press('e');
  // Still a dyad game: Russia's partner confirms.
  await expect.poll(() => screen(page)).toBe('confirm');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'resolution');
  const record = (await gameRecord(page))!;
  expect(record.humans).toEqual(['us', 'russia']);
  expect(record.seed).toBe('e2e-continue-seats');
});
