// The game is a static site that needs nothing but its own files: every request made during a
// whole game (boot, map, play, help panels, the record download) goes to the page's own origin.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { gameRecord, openGame, playToDebriefByKeyboard, settle, startByKeyboard } from './support';

test('a whole game makes no request beyond the page’s own origin', async ({ page }) => {
  const baseURL = test.info().project.use.baseURL!;
  const origin = new URL(baseURL).origin;
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });

  await openGame(page);
  for (const key of ['g', 'Escape', '?', 'Escape']) {
    await page.keyboard.press(key);
    await settle(page);
  }
  // A seed whose game, played this way, ends by about turn 4: the suite stays quick.
  await startByKeyboard(page, '1', 'e2e-net-28');
  await playToDebriefByKeyboard(page, (turn) => (turn === 1 ? 1 : 0));

  // The record download is a blob: URL of the page's own origin.
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('d')]);
  expect(download.suggestedFilename()).toMatch(/^brink-.+-e2e-net-28\.json$/);
  const downloaded = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(downloaded).toEqual(await gameRecord(page));

  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter(
    (url) =>
      !url.startsWith(baseURL) && !(url.startsWith('blob:') && new URL(url).origin === origin),
  );
  expect(foreign).toEqual([]);
  expect(failed).toEqual([]);
});
