// Long unbroken text on the classroom pages: a 1 MB seed (a record from before seeds had a length
// limit, or a hostile one), a legal 64-character seed with no place to break, a group named by a
// 200,000-character label pasted before a link, and a legal 280-character rationale with no spaces.
// Nothing may run out of its box or off the page, on screen or on paper; absurd values are shown
// shortened, with their length.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { GameRecord } from '../../src/sim';
import {
  classGames,
  horizontalOverflow,
  loadClass,
  loadCore,
  overflowing,
  play,
  SCREENS_DIR,
  screenshot,
  scrollOverflow,
  writeRecords,
  type Core,
} from './classroom-support';

const MEGA_SEED = 'x'.repeat(1 << 20);
const LONG_SEED = 'S'.repeat(64);
const LONG_LABEL = 'L'.repeat(200_000);
const RATIONALE = 'Sanctions'.repeat(32).slice(0, 280);
/** What a long seed looks like where it is shortened. */
const SHORT_SEED = `${'S'.repeat(40)}… (64 characters)`;

let core: Core;
let megaSeed: GameRecord;

test.beforeAll(async () => {
  core = await loadCore();
  megaSeed = play(core, MEGA_SEED, { us: 'hawk' });
});

/** A game whose first orders carry a 280-character rationale with no spaces, replayed to its hash. */
function withRationale(): GameRecord {
  const { sim, sc } = core;
  const base = play(core, 'rationale', { us: 'hawk', eu: 'dove' });
  const at = base.orders.findIndex((o) => o.type === 'orders/submitted');
  const orders = base.orders.map((o, i) => (i === at ? { ...o, rationale: RATIONALE } : o));
  const { finalHash: _old, ...record } = { ...base, orders };
  const replayed = sim.replay(sc, record);
  if (!replayed.ok) throw new Error('the record with a rationale does not replay');
  return { ...record, finalHash: replayed.value.hash };
}

test('the class view shortens long seeds and names and keeps every cell inside the page', async ({
  page,
}, testInfo) => {
  const files = writeRecords(testInfo.outputPath('long'), [
    { name: 'long-seed.json', record: play(core, LONG_SEED, { us: 'dove' }) },
    { name: 'long-seed-2.json', record: play(core, LONG_SEED, { us: 'hawk' }) },
    { name: 'mega-seed.json', record: megaSeed },
    ...classGames(core, 3),
  ]);
  await loadClass(page, files);
  const link = core.sim.shareLink(core.sc, play(core, 'labelled', {}), 'http://127.0.0.1/');
  await page.getByLabel('Share links or record JSON').fill(`${LONG_LABEL}: ${link}`);
  await page.getByRole('button', { name: 'Add pasted games' }).click();
  const rows = page.locator('#groups-table tbody tr');
  await expect(rows).toHaveCount(7);

  // The legal 64-character seed: its first 40 characters, an ellipsis and its length; the whole
  // in a tooltip. Games that share it are compared under the same shortened seed.
  const seedCell = rows.nth(0).locator('td').nth(1);
  await expect(seedCell).toHaveText(SHORT_SEED);
  await expect(seedCell.locator('[title]')).toHaveAttribute('title', LONG_SEED);
  await expect(page.locator('.seed-group h3').first()).toHaveText(`Seed “${SHORT_SEED}” — 2 games`);
  // The pasted label names its group, shortened.
  await expect(rows.nth(6).locator('th')).toContainText(`${'L'.repeat(40)}`);
  await expect(rows.nth(6).locator('th')).toContainText('(200,000 characters)');

  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await scrollOverflow(page, '#groups-table >> xpath=..')).toBeLessThanOrEqual(1);
  expect(
    await overflowing(
      page,
      '#groups-table td, #groups-table th, .seed-group h3, .status, ul.legend li',
    ),
  ).toEqual([]);
  // Nothing on the page is hundreds of thousands of characters long.
  expect(await page.evaluate(() => document.body.innerText.length)).toBeLessThan(50_000);
  expect(await page.evaluate(() => document.body.outerHTML.length)).toBeLessThan(1_000_000);
  await page.locator('#groups-table').screenshot({
    path: join(SCREENS_DIR, 'class-long-text-table.png'),
  });

  await page.emulateMedia({ media: 'print' });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('the printed report wraps a 280-character rationale and never runs off the page', async ({
  page,
}, testInfo) => {
  await page.goto('/print.html');
  const files = writeRecords(testInfo.outputPath('long'), [
    { name: 'rationale.json', record: withRationale() },
    { name: 'mega-seed.json', record: megaSeed },
    { name: 'long-seed.json', record: play(core, LONG_SEED, { us: 'hawk' }) },
  ]);
  await page.locator('#report-file').setInputFiles(files);
  const reports = page.locator('article.report');
  await expect(reports).toHaveCount(3);
  await expect(reports.first()).toContainText(RATIONALE);
  // A legal seed is shown whole in the facts, wrapped; anything longer is shortened.
  await expect(reports.nth(2).locator('dl.facts')).toContainText(LONG_SEED);
  await expect(reports.nth(1)).not.toContainText('x'.repeat(100));

  for (const [media, width] of [
    ['screen', 1600],
    // A4 portrait less the print margins (180 mm).
    ['print', 680],
  ] as const) {
    await page.setViewportSize({ width, height: 1000 });
    await page.emulateMedia({ media });
    expect(await horizontalOverflow(page), media).toBeLessThanOrEqual(0);
    expect(await overflowing(page, 'main, main *:not(svg, svg *)'), media).toEqual([]);
  }
  expect(await page.evaluate(() => document.body.innerText.length)).toBeLessThan(200_000);
  await reports
    .first()
    .locator('.turn')
    .first()
    .screenshot({ path: join(SCREENS_DIR, 'print-long-rationale.png') });
  await page.pdf({ path: join(SCREENS_DIR, 'print-long-text.pdf'), format: 'A4' });
});

test('a report opened from a share link names the game by its seed, shortened', async ({
  page,
}) => {
  const record = play(core, LONG_SEED, { us: 'hawk' });
  await page.goto(`/print.html${core.sim.shareLink(core.sc, record, '')}`);
  await expect(page.locator('article.report h1')).toHaveText(`Shared game, seed “${SHORT_SEED}”`);
  await expect(page.getByRole('status')).not.toContainText('S'.repeat(41));
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'print-long-seed-link', false);
});
