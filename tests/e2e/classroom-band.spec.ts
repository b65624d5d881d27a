// The class view's escalation chart at class size: 25 groups are drawn as a band (median, middle
// half, lowest to highest) with any one group picked out on demand; a few groups keep a line each.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  classGames,
  loadClass,
  loadCore,
  SCREENS_DIR,
  screenshot,
  writeRecords,
  type NamedRecord,
} from './classroom-support';

const CLASS_SIZE = 25;
let games: NamedRecord[];

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.beforeAll(async () => {
  games = classGames(await loadCore(), CLASS_SIZE);
});

test('25 groups: the chart is a band (median, quartiles, range) with any group picked out', async ({
  page,
}, testInfo) => {
  await loadClass(page, writeRecords(testInfo.outputPath('records'), games));
  const chart = page.locator('svg.chart');
  // The class as a band, not 25 lines and 25 × 11 markers.
  await expect(chart.locator('.band-range')).toHaveCount(1);
  await expect(chart.locator('.band-quartiles')).toHaveCount(1);
  await expect(chart.locator('.band-median')).toHaveCount(1);
  await expect(chart.locator('g.series')).toHaveCount(0);
  const legend = page.locator('figure.escalation ul.legend li');
  await expect(legend).toHaveCount(3);
  await expect(legend.nth(0)).toContainText('Median');
  await expect(legend.nth(1)).toContainText('Middle half');
  await expect(legend.nth(2)).toContainText('Lowest to highest');
  // A text alternative: the chart is described, and the band's numbers are a table.
  await expect(chart).toHaveAccessibleName(/25 groups.*median/i);
  const bandTable = page.locator('table.band');
  await expect(bandTable.locator('tbody tr')).toHaveCount(6);
  await expect(bandTable.locator('tbody th').first()).toHaveText('Highest');

  // Pick one group out with the select: its line and markers appear and the legend names it.
  const pick = page.getByLabel('Show one group’s line');
  await expect(pick.locator('option')).toHaveCount(CLASS_SIZE + 1);
  await pick.selectOption({ label: `12. ${games[11]!.name}` });
  await expect(chart.locator('g.series')).toHaveCount(1);
  await expect(legend).toHaveCount(4);
  await expect(legend.nth(3)).toContainText(games[11]!.name);
  await expect(chart).toHaveAccessibleName(
    new RegExp(`picked out: ${literal(games[11]!.name)}, \\d+, `),
  );
  const rows = page.locator('#groups-table tbody tr');
  await expect(rows.nth(11)).toHaveClass(/picked/);
  await chart.screenshot({ path: join(SCREENS_DIR, 'class-25-chart-picked.png') });

  // …or with the button in a group's row: the chart comes into view, the select follows.
  await rows
    .nth(3)
    .getByRole('button', { name: /^Show .* on the chart$/ })
    .click();
  await expect(legend.nth(3)).toContainText(games[3]!.name);
  await expect(pick.locator('option:checked')).toHaveText(`4. ${games[3]!.name}`);
  await expect(chart).toBeInViewport();
  await expect(pick).toBeFocused();
  await expect(page.locator('#groups-table tbody tr.picked')).toHaveCount(1);
  await expect(rows.nth(3)).toHaveClass(/picked/);
  await screenshot(page, 'class-25-picked-from-row', false);

  await pick.selectOption({ index: 0 });
  await expect(chart.locator('g.series')).toHaveCount(0);
  await expect(page.locator('#groups-table tbody tr.picked')).toHaveCount(0);
  await chart.screenshot({ path: join(SCREENS_DIR, 'class-25-chart.png') });

  // Removing the picked group leaves the band with nobody picked out.
  await pick.selectOption({ index: 2 });
  await rows
    .nth(1)
    .getByRole('button', { name: /^Remove / })
    .click();
  await expect(rows).toHaveCount(CLASS_SIZE - 1);
  await expect(page.locator('svg.chart g.series')).toHaveCount(0);
  await expect(page.getByLabel('Show one group’s line')).toHaveValue('');
});

test('five groups or fewer keep one line each, with no band', async ({ page }, testInfo) => {
  await loadClass(page, writeRecords(testInfo.outputPath('few'), games.slice(0, 5)));
  await expect(page.locator('svg.chart g.series')).toHaveCount(5);
  await expect(page.locator('svg.chart .band-median')).toHaveCount(0);
  await expect(page.locator('figure.escalation ul.legend li')).toHaveCount(5);
  await expect(page.getByLabel('Show one group’s line')).toHaveCount(0);
});
