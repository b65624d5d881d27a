// The printed report of a Cuba 1962 game, in real Chromium: a share link opens print.html with the
// game's own scenario (fetched when the link names it), reports its ending, scores and story in the
// crisis's terms, and reaches the final hash the link carries.
import { expect, test } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { loadCore, screenshot } from './classroom-support';

type Shipped = typeof import('../sim/support/shipped');

test('a Cuba share link prints a report of the game in its own terms', async ({ page }) => {
  const { sim } = await loadCore();
  const { shipped } = (await tsImport('../sim/support/shipped.ts', import.meta.url)) as Shipped;
  const cuba = shipped('cuba-1962');
  const game = sim.playGame(cuba, 'print-cuba', { us: 'historical', cuba: 'historical' });
  const hash = sim.hashState(game.state);
  const record = sim.recordOf(cuba, game, hash);

  await page.goto(`/print.html${sim.shareLink(cuba, record, '')}`);
  const report = page.locator('article.report');
  await expect(report).toHaveCount(1);
  await expect(report).toContainText(hash);
  await expect(report).toContainText('the replay reaches the final hash the record carries');
  await expect(report).toContainText('The Cuban Missile Crisis');
  await expect(report.getByRole('heading', { name: /^Ending: / })).toBeVisible();
  await expect(report.locator('.turn')).toHaveCount(game.state.reports.length);
  await expect(report).toContainText('Soviet Union’s hidden intent beside the estimates');
  await expect(report).not.toContainText('an earlier version');
  // Daily turns are told as days, not weeks.
  await expect(report).toContainText('Turn 1 — 16 Oct 1962');
  await expect(report).not.toContainText('week of');
  await screenshot(page, 'print-cuba-report');
});
