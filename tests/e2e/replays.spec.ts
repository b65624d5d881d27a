// Replays: share links, the replay viewer, branching, and records opened from a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { GameRecord } from '../../src/sim';
import {
  gameHash,
  gameRecord,
  gameState,
  openGame,
  playToDebriefByKeyboard,
  screenshot,
  startByKeyboard,
  waitReady,
} from './support';

async function finishedGame(page: Page, seed: string): Promise<void> {
  await openGame(page);
  await startByKeyboard(page, '1', seed);
  await playToDebriefByKeyboard(page, (turn) => (turn % 2 === 1 ? 1 : 0));
}

const screen = (page: Page) => page.evaluate(() => window.brink.screen());

test('a share link opened in a fresh page replays the game to the same final hash', async ({
  page,
  browser,
}) => {
  await finishedGame(page, 'e2e-link');
  const hash = await gameHash(page);
  const link = (await page.evaluate(() => window.brink.shareLink()))!;
  expect(link.length).toBeLessThan(2000);
  const other = await browser.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await waitReady(other);
  expect(await screen(other)).toBe('debrief');
  expect(await gameHash(other)).toBe(hash);
  await expect(other.locator('#dom-layer .notice')).toContainText(hash!);
  expect(errors).toEqual([]);
  await other.close();
});

test('a tampered link is refused with a message and the game in progress is kept', async ({
  page,
}) => {
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-keep');
  await page.keyboard.press('e');
  await expect.poll(() => screen(page)).toBe('resolution');
  const saved = await gameHash(page);
  const link = (await page.evaluate(() => window.brink.shareLink()))!;
  const [base, code] = link.split('#game=') as [string, string];
  const tampered = `${base}#game=${code.slice(0, 20)}${code.slice(40)}`;
  // Pasted into the open page: a message, and the game stays where it was.
  await page.goto(tampered);
  await expect(page.locator('#dom-layer .notice')).toContainText('could not be opened');
  expect(await screen(page)).toBe('resolution');
  expect(await gameHash(page)).toBe(saved);
  // Opened afresh: the same message on the title screen, and the saved game continues.
  await page.reload();
  await waitReady(page);
  expect(await screen(page)).toBe('title');
  await expect(page.locator('#dom-layer .notice')).toContainText('could not be opened');
  await page.keyboard.press('c');
  await expect.poll(() => gameHash(page)).toBe(saved);
});

test('the viewer steps back and forth through a game and branches a new one', async ({ page }) => {
  await finishedGame(page, 'e2e-viewer');
  const original = (await gameRecord(page))!;
  const finalHash = await gameHash(page);
  const turns = (await gameState(page))!.reports.length;
  await page.keyboard.press('s');
  await expect.poll(() => screen(page)).toBe('viewer');
  const heading = page.locator('#dom-layer #section-about h2');
  await expect(heading).toHaveText(`Turn ${turns} of ${turns}`);
  await page.keyboard.press('ArrowLeft');
  await expect(heading).toHaveText(`Turn ${turns - 1} of ${turns}`);
  await page.keyboard.press('Home');
  await expect(heading).toHaveText('The start');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText(`Turn 2 of ${turns}`);
  await screenshot(page, 'viewer');
  await page.keyboard.press('b');
  await expect.poll(() => screen(page)).toBe('crisis');
  const branch = (await gameRecord(page))!;
  expect(branch.parent).toEqual({ hash: finalHash, turn: 2 });
  expect((await gameState(page))!.turn).toBe(3);
  // The branch starts with exactly the first two turns of the original game.
  const firstTwo = original.orders.slice(
    0,
    original.orders.findIndex(
      (o, i, all) => all.slice(0, i + 1).filter((x) => x.type === 'turn/ended').length === 2,
    ) + 1,
  );
  expect(branch.orders).toEqual(firstTwo);
  await page.keyboard.press('e');
  await expect.poll(() => screen(page)).toBe('resolution');
  expect((await gameState(page))!.reports).toHaveLength(3);
});

test('a record file opens in the viewer; a broken one leaves a message', async ({ page }) => {
  await finishedGame(page, 'e2e-file');
  const record = (await gameRecord(page)) as GameRecord;
  const hash = await gameHash(page);
  const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
  const good = join(dir, 'game.json');
  writeFileSync(good, JSON.stringify(record));
  const bad = join(dir, 'broken.json');
  writeFileSync(bad, JSON.stringify({ ...record, orders: record.orders.slice(3) }));
  await page.keyboard.press('n');
  await expect.poll(() => screen(page)).toBe('title');
  await page.setInputFiles('#record-file', bad);
  await expect(page.locator('#dom-layer .notice')).toContainText('broken.json could not be opened');
  expect(await screen(page)).toBe('title');
  await page.setInputFiles('#record-file', good);
  await expect.poll(() => screen(page)).toBe('viewer');
  await expect(page.locator('#dom-layer .notice')).toContainText(hash!);
});
