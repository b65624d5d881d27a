// The autosave: a reload resumes the exact game (same hash, same turn) and play goes on; a
// damaged save is reported on the title screen, never trusted, never crashes the page, and a new
// game can still be started.
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
  screenshot,
  settle,
  startByKeyboard,
  waitForScreen,
  waitReady,
} from './support';

const SAVE_KEY = 'brink.save';

const readSave = (page: Page) =>
  page.evaluate((key) => localStorage.getItem(key), SAVE_KEY) as Promise<string | null>;

test('a reload offers the saved game and resumes it exactly', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  await startByKeyboard(page, '4', 'e2e-reload'); // Russia
  for (const picks of [1, 2]) {
    await pickByKeyboard(page, picks);
    await endTurnByKeyboard(page);
    expect(await continueByKeyboard(page)).toBe('crisis');
  }
  const before = (await gameState(page))!;
  const hash = await gameHash(page);
  const record = (await gameRecord(page))!;
  expect(before.turn).toBe(3);
  expect(JSON.parse((await readSave(page))!).record.orders).toEqual(record.orders);

  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  await expect(control(page, 'continue')).toContainText(`Russia, turn ${before.turn}`);
  await page.keyboard.press('c');
  await waitForScreen(page, 'crisis');
  expect(await gameHash(page)).toBe(hash);
  const after = (await gameState(page))!;
  expect(after.turn).toBe(before.turn);
  expect(after).toEqual(before);
  expect((await gameRecord(page))!.orders).toEqual(record.orders);

  // And the game goes on: the next turn resolves normally and is saved in its turn.
  const picked = await pickByKeyboard(page, 1);
  expect(await endTurnByKeyboard(page)).toBe(before.turn);
  const resolved = (await gameState(page))!;
  expect(resolved.reports).toHaveLength(before.reports.length + 1);
  if (resolved.phase !== 'over') expect(resolved.turn).toBe(before.turn + 1);
  const saved = JSON.parse((await readSave(page))!);
  expect(saved.role).toBe('russia');
  expect(saved.record.orders.length).toBeGreaterThan(record.orders.length);
  expect(saved.record.orders).toContainEqual({
    type: 'orders/submitted',
    role: 'russia',
    actions: picked,
  });
  await continueByKeyboard(page);
  expect(errors).toEqual([]);
});

/** Loads the page with `text` planted in the save slot first; checks the title's notice. */
async function expectDamagedSaveHandled(
  page: Page,
  text: string,
  says: string,
  shot: string,
): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
    key: SAVE_KEY,
    value: text,
  });
  await page.goto('/');
  await waitReady(page);
  await waitForScreen(page, 'title');

  const notice = page.locator('#dom-layer').getByRole('status');
  await expect(notice).toContainText('The saved game');
  await expect(notice).toContainText(says);
  await expect(notice).toContainText('A new game can be started.');
  await expect(page.locator('#announcer')).toContainText('The saved game');
  await expect(control(page, 'continue')).toHaveCount(0);
  expect(await gameState(page)).toBeNull();
  // The damaged save is cleared, not kept around to fail again.
  expect(await readSave(page)).toBeNull();
  await settle(page, 200);
  await screenshot(page, shot);

  // A new game starts and plays a turn as usual.
  await startByKeyboard(page, '1', 'e2e-after-damage');
  await expect(notice).toHaveCount(0);
  await endTurnByKeyboard(page);
  expect((await gameState(page))!.reports).toHaveLength(1);
  expect(JSON.parse((await readSave(page))!).record.seed).toBe('e2e-after-damage');
  expect(errors).toEqual([]);
}

test('a save that is not JSON is reported and a new game starts', async ({ page }) => {
  await expectDamagedSaveHandled(
    page,
    '{"role":"us","record":{"orders":[\u0000 garbage',
    'not valid JSON',
    '5-bad-save',
  );
});

test('a save of the wrong shape is reported and a new game starts', async ({ page }) => {
  await expectDamagedSaveHandled(page, JSON.stringify([1, 2, 3]), 'incomplete', 'bad-save-shape');
});

test('a well-formed save with a tampered order is reported and a new game starts', async ({
  page,
}) => {
  // Play one real turn to get a genuine save, then swap the order for a locked action.
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-tamper');
  const locked = await page
    .locator('#dom-layer button[data-control^="action-"][aria-disabled="true"]')
    .first()
    .getAttribute('data-control');
  expect(locked).toBeTruthy();
  await pickByKeyboard(page, 1);
  await endTurnByKeyboard(page);
  const save = JSON.parse((await readSave(page))!);
  const order = save.record.orders.find(
    (o: { type: string; role?: string }) => o.type === 'orders/submitted' && o.role === 'us',
  );
  order.actions = [locked!.replace(/^action-/, '')];
  await expectDamagedSaveHandled(
    page,
    JSON.stringify(save),
    'cannot be restored',
    'bad-save-tampered',
  );
});
