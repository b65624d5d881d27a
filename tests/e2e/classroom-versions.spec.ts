// Games of an earlier scenario version in the classroom pages, in real Chromium: the 1.0.0 fixture
// records, loaded as a file beside a game of the current version, each replay to their hash with
// the archived version, fetched only then (the page's first download does not carry it); the class
// view says which version they were played with; a 1.0.0 share link opens in print.html as a report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadCore, play, screenshot, writeRecords } from './classroom-support';

const FIXTURES = join(import.meta.dirname, '../fixtures/records');
const RECORDS = join(FIXTURES, 'ukraine-2021-1.0.0.json');
const LINK = readFileSync(join(FIXTURES, 'ukraine-2021-1.0.0.links.txt'), 'utf8').split('\n')[0]!;
const OLD = JSON.parse(readFileSync(RECORDS, 'utf8')) as { seed: string; finalHash: string }[];
const CURRENT = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../scenarios/ukraine-2021/scenario.json'), 'utf8'),
  ) as {
    version: string;
  }
).version;

/** Requests for the archive's chunk (Vite names it after the file). */
function archiveRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/ukraine-2021-1\.\d\.\d/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

test('the class view replays 1.0.0 records with the archived version and says so', async ({
  page,
}, testInfo) => {
  const core = await loadCore();
  const current = play(core, 'versions-now', { us: 'greedy' });
  const archive = archiveRequests(page);
  await page.goto('/class.html');
  await expect(page.getByRole('heading', { name: 'Class view', level: 1 })).toBeVisible();
  expect(archive).toEqual([]);

  const [now] = writeRecords(testInfo.outputPath('records'), [
    { name: 'this-year.json', record: current },
  ]);
  await page.locator('#record-files').setInputFiles([RECORDS, now!]);
  const rows = page.locator('#groups-table tbody tr');
  await expect(rows).toHaveCount(OLD.length + 1);
  expect(archive.length).toBeGreaterThan(0);

  for (const i of OLD.keys()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-status', 'matches');
    await expect(row).toContainText('✔ Replays to its hash');
    await expect(row.locator('.version-note')).toHaveText('played with version 1.0.0');
  }
  const last = rows.nth(OLD.length);
  await expect(last).toContainText('✔ Replays to its hash');
  await expect(last.locator('.version-note')).toHaveCount(0);
  await expect(page.locator('.summary')).toContainText(
    `${OLD.length} were played with an earlier version of the scenario (1.0.0; this page’s is ${CURRENT})`,
  );
  // The two 1.0.0 games of one seed are compared with each other, under their version.
  await expect(page.locator('.seed-group h3')).toHaveText([
    'Seed “golden-a” — 2 games played with version 1.0.0',
  ]);
  await screenshot(page, 'classroom-versions');
});

test('print.html reports a 1.0.0 share link with the version it was played with', async ({
  page,
}) => {
  const archive = archiveRequests(page);
  await page.goto(`/print.html#${LINK.slice(LINK.indexOf('#') + 1)}`);
  const report = page.locator('article.report');
  await expect(report).toHaveCount(1);
  await expect(report).toContainText('played with version 1.0.0');
  await expect(report).not.toContainText('cannot be reported');
  await expect(report.locator('dl.facts')).toContainText('✔ Replays to its hash.');
  await expect(page.locator('.print-controls [role="status"]')).toHaveText(
    'Report of 1 game from the link.',
  );
  expect(archive.length).toBeGreaterThan(0);
});
