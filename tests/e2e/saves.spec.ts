// The autosave: a reload resumes the exact game (same hash, same turn) and play goes on; a
// damaged save (or one from a newer Brink) is reported on the title screen, naming the field at
// fault, never trusted, never crashes the page, and never lost: it is kept aside under its own key,
// offered as a download until the player discards it, and a new game can still be started.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  continueByKeyboard,
  control,
  endTurnByKeyboard,
  gameHash,
  gameRecord,
  gameState,
  openGame,
  pressControl,
  pickByKeyboard,
  screenshot,
  settle,
  startByKeyboard,
  waitForScreen,
  waitReady,
} from './support';

const SAVE_KEY = 'brink.save';
const UNOPENED_KEY = 'brink.save.unopened';

const readSave = (page: Page) =>
  page.evaluate((key) => localStorage.getItem(key), SAVE_KEY) as Promise<string | null>;
const readUnopened = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), UNOPENED_KEY) as Promise<
    { keptOn: string; reason: string; text: string }[]
  >;

/** Downloads the kept save from the title screen and returns the file's text. */
async function downloadUnopened(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await pressControl(page, 'download-unopened');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^brink-save-not-opened-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync((await file.path())!, 'utf8');
}

/** Puts `text` in the save slot of a loaded page (once: later reloads do not plant it again). */
async function plantSave(page: Page, text: string): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: SAVE_KEY,
    value: text,
  });
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
}

/** A genuine save of a game after one turn, as text. */
async function genuineSave(page: Page, seed: string): Promise<string> {
  await openGame(page);
  await startByKeyboard(page, '1', seed);
  await endTurnByKeyboard(page);
  return (await readSave(page))!;
}

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
  // The damaged save is out of the way of new games, but kept, exactly as it was, to download.
  expect(await readSave(page)).toBeNull();
  expect((await readUnopened(page)).map((k) => k.text)).toEqual([text]);
  await expect(page.locator('#dom-layer #section-unopened')).toContainText(says);
  expect(await downloadUnopened(page)).toBe(text);
  await settle(page, 200);
  await screenshot(page, shot);

  // A new game starts and plays a turn as usual.
  await startByKeyboard(page, '1', 'e2e-after-damage');
  await expect(notice).toHaveCount(0);
  await endTurnByKeyboard(page);
  expect((await gameState(page))!.reports).toHaveLength(1);
  expect(JSON.parse((await readSave(page))!).record.seed).toBe('e2e-after-damage');
  // The new game's saves do not touch the kept one.
  expect((await readUnopened(page)).map((k) => k.text)).toEqual([text]);
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

test('a save from a newer Brink is kept through new games and reloads until discarded', async ({
  page,
}) => {
  const save = JSON.parse(await genuineSave(page, 'e2e-newer'));
  save.record.format = 99;
  const text = JSON.stringify(save);
  await plantSave(page, text);
  const notice = page.locator('#dom-layer .notice');
  await expect(notice).toContainText(
    'The saved game could not be opened: The record is format 99, newer than this version of Brink understands',
  );
  await expect(notice).toContainText('It is kept, not deleted');
  expect(await readSave(page)).toBeNull();

  // A new game and a reload later, it is still offered, beside the new game's Continue.
  await startByKeyboard(page, '2', 'e2e-newer-2');
  await endTurnByKeyboard(page);
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  await expect(control(page, 'continue')).toContainText('European Union');
  await expect(page.locator('#dom-layer #section-unopened')).toContainText('format 99');
  expect(await downloadUnopened(page)).toBe(text);

  // Discarding asks for a second press; then it is gone for good.
  await pressControl(page, 'discard-unopened');
  await expect(control(page, 'discard-unopened')).toHaveAttribute('aria-pressed', 'true');
  expect(await readUnopened(page)).toHaveLength(1);
  await pressControl(page, 'discard-unopened');
  await expect(notice).toContainText('is deleted');
  await expect(control(page, 'download-unopened')).toHaveCount(0);
  expect(await readUnopened(page)).toEqual([]);
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  await expect(control(page, 'download-unopened')).toHaveCount(0);
  await expect(control(page, 'continue')).toContainText('European Union');
});

test('a second save that cannot be opened is kept beside the first', async ({ page }) => {
  await openGame(page);
  await plantSave(page, 'first damaged save');
  await plantSave(page, 'second damaged save');
  expect((await readUnopened(page)).map((k) => k.text)).toEqual([
    'second damaged save',
    'first damaged save',
  ]);
  await expect(page.locator('#dom-layer #section-unopened')).toContainText('1 older one is kept');
  expect(await downloadUnopened(page)).toBe('second damaged save');
  await pressControl(page, 'discard-unopened');
  await pressControl(page, 'discard-unopened');
  await expect(page.locator('#dom-layer .notice')).toContainText('1 more is kept');
  expect(await downloadUnopened(page)).toBe('first damaged save');
});

test('a damaged save names the field at fault, and a huge seed is refused without showing it', async ({
  page,
}) => {
  const save = JSON.parse(await genuineSave(page, 'e2e-field'));
  save.record.seed = 5;
  await plantSave(page, JSON.stringify(save));
  const notice = page.locator('#dom-layer .notice');
  await expect(notice).toContainText('The saved game is damaged: seed must be text, not 5.');

  save.record.seed = 'x'.repeat(100_000);
  await plantSave(page, JSON.stringify(save));
  await expect(notice).toContainText(
    'The saved game is damaged: seed is 100000 characters long; at most 64 are allowed.',
  );
  expect(((await notice.textContent()) ?? '').length).toBeLessThan(400);
  await expect(control(page, 'continue')).toHaveCount(0);
  await settle(page, 200);
  await screenshot(page, 'bad-save-huge-seed');
});
