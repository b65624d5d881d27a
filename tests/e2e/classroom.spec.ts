// The classroom pages in real Chromium: the class view loads record files, a pasted share link and
// a tampered record, verifies each by replaying it, and exports one CSV row per group; the print
// page shows the teacher pack (every role card, the glossary) and a game's report, on screen and
// in print media. Records are made here with the core, as the game would make them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { CompiledScenario, GameRecord, Policies } from '../../src/sim';

// The core is loaded through tsx: Playwright's own ESM loader does not resolve the extensionless
// CommonJS subpath the core's RNG imports (seedrandom/lib/alea), which Vite, Vitest and tsx do.
type Sim = typeof import('../../src/sim');
type Support = typeof import('../support/scenario');

/** Where the e2e specs leave their screenshots (as in support.ts). */
const SCREENS_DIR = join('test-results', 'screens');

interface Made {
  record: GameRecord;
  hash: string;
}

const SEED = 'class-e2e';
let sim: Sim;
let sc: CompiledScenario;
let red: Made, blue: Made, green: Made, linked: Made;

function play(seed: string, policies: Policies): Made {
  const game = sim.playGame(sc, seed, policies);
  const hash = sim.hashState(game.state);
  return { record: sim.recordOf(sc, game, hash), hash };
}

/** The same record with one human order emptied: it still parses, but no longer replays to its hash. */
function tamper(record: GameRecord): GameRecord {
  const at = record.orders.findIndex((o) => o.type === 'orders/submitted' && o.actions.length > 0);
  const orders = record.orders.map((o, i) =>
    i === at && o.type === 'orders/submitted' ? { ...o, actions: [] } : o,
  );
  return { ...record, orders };
}

test.beforeAll(async () => {
  sim = (await tsImport('../../src/sim/index.ts', import.meta.url)) as Sim;
  const support = (await tsImport('../support/scenario.ts', import.meta.url)) as Support;
  sc = support.ukraine();
  red = play(SEED, { us: 'greedy', eu: 'dove' });
  blue = play(SEED, { us: 'hawk', eu: 'dove' });
  green = play('another-seed', { russia: 'hawk' });
  linked = play(SEED, { us: 'sanctions-first', eu: 'dove' });
});

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

function writeRecords(dir: string, files: Record<string, unknown>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, data]) => {
    const path = join(dir, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return path;
  });
}

const row = (page: Page, name: string) =>
  page.locator('#groups-table tbody tr').filter({ has: page.getByRole('rowheader', { name }) });

test.describe('class view', () => {
  test('verifies files and a pasted link, flags a tampered record, exports one CSV row per group', async ({
    page,
  }, testInfo) => {
    await page.goto('/class.html');
    await expect(page.getByRole('heading', { name: 'Class view', level: 1 })).toBeVisible();
    await expect(page.locator('#export-csv')).toBeDisabled();

    const files = writeRecords(testInfo.outputPath('records'), {
      'team-red.json': red.record,
      'team-blue.json': blue.record,
      'team-green.json': green.record,
      'tampered.json': tamper(red.record),
    });
    await page.locator('#record-files').setInputFiles(files);
    await expect(page.locator('#groups-table tbody tr')).toHaveCount(4);

    await page
      .getByLabel('Share links or record JSON')
      .fill(`${sim.shareLink(sc, linked.record, 'http://127.0.0.1:4173/index.html')}\n`);
    await page.getByRole('button', { name: 'Add pasted games' }).click();
    await expect(page.locator('#groups-table tbody tr')).toHaveCount(5);
    await expect(page.getByRole('status')).toContainText('Added 1 game from the pasted text');

    for (const [name, made] of [
      ['team-red.json', red],
      ['team-blue.json', blue],
      ['team-green.json', green],
      ['Link 1', linked],
    ] as const) {
      await expect(row(page, name)).toHaveAttribute('data-status', 'matches');
      await expect(row(page, name)).toContainText('✔ Replays to its hash');
      await expect(row(page, name)).not.toContainText('Verified');
      await expect(row(page, name)).toContainText(made.hash);
      await expect(row(page, name)).toContainText(made.record.seed);
    }
    await expect(row(page, 'team-red.json')).toContainText('United States, European Union');
    const tampered = row(page, 'tampered.json');
    await expect(tampered).toHaveAttribute('data-status', 'failed');
    await expect(tampered).toContainText('✘ Does not replay');
    await expect(tampered.locator('td.problem')).toContainText(/altered/);
    await expect(page.locator('.summary')).toHaveText(
      '5 games: 4 replay to their final hash, 0 have no hash to check, 1 do not replay. A hash shows a record is consistent, not how it was played: enter the class code to check each set-up. No game was played under a what-if switch.',
    );

    // One line per replayed game in the chart, and the three games of the shared seed compared.
    await expect(page.locator('svg.chart g.series')).toHaveCount(4);
    await expect(page.locator('ul.legend li')).toHaveCount(4);
    const group = page.locator('.seed-group');
    await expect(group).toHaveCount(1);
    await expect(group.getByRole('heading')).toHaveText(`Seed “${SEED}” — 3 games`);
    await expect(group.locator('table.partings tbody tr')).toHaveCount(3);
    await expect(group.locator('table.finals tbody tr')).toHaveCount(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('brink-class-ukraine-2021.csv');
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[0]).toMatch(/^group,roles,seed,what-if setting,ending,turn,score United States,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'team-red.json',
      'team-blue.json',
      'team-green.json',
      'tampered.json',
      'Link 1',
    ]);
    expect(lines[1]).toContain(`,${red.hash},Replays to its hash,,`);
    expect(lines[4]).toMatch(/,Does not replay,,,.*altered/);
    expect(lines[2]).toMatch(/"turn \d+, from /);

    await screenshot(page, 'class-view');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
    await page.pdf({ path: join(SCREENS_DIR, 'class-view.pdf'), format: 'A4', landscape: true });
  });

  test('checks every record against the class code and flags the ones that differ or carry no hash', async ({
    page,
  }, testInfo) => {
    await page.goto('/class.html');
    const { finalHash: _, ...unhashed } = blue.record;
    // A record edited to another seed, its hash recomputed: consistent, but not the class's game.
    const forged = { ...green.record };
    const files = writeRecords(testInfo.outputPath('class-code'), {
      'team-red.json': red.record,
      'no-hash.json': unhashed,
      'other-seed.json': forged,
    });
    await page.locator('#record-files').setInputFiles(files);
    await expect(page.locator('#groups-table tbody tr')).toHaveCount(3);
    await expect(row(page, 'no-hash.json')).toHaveAttribute('data-status', 'noHash');
    await expect(row(page, 'no-hash.json')).toContainText('⚠ No hash: not checked');
    await expect(row(page, 'no-hash.json')).toHaveAttribute('data-flagged', '');
    await expect(row(page, 'other-seed.json')).not.toHaveAttribute('data-flagged', '');

    await page.getByLabel('Class code (optional)').fill('ukraine-2021:class-e2e:1e1');
    await page.getByRole('button', { name: 'Check against the code' }).click();
    await expect(page.getByRole('status')).toContainText('must be a whole number from 0 to 60');

    await page
      .getByLabel('Class code (optional)')
      .fill(`ukraine-2021@${sc.scenario.version}:${SEED}:0`);
    await page.getByRole('button', { name: 'Check against the code' }).click();
    await expect(page.getByRole('columnheader', { name: 'Class set-up' })).toBeVisible();
    await expect(row(page, 'team-red.json')).toContainText('✔ as the class code');
    await expect(row(page, 'team-red.json')).not.toHaveAttribute('data-flagged', '');
    await expect(row(page, 'other-seed.json')).toContainText(
      `⚠ seed "another-seed" (the class's is "${SEED}")`,
    );
    await expect(row(page, 'other-seed.json')).toHaveAttribute('data-flagged', '');
    await expect(page.locator('.summary')).toContainText('1 differ from the class code');
    await screenshot(page, 'class-view-class-code');
  });

  test('takes files dropped on the page and keeps the others when one is broken', async ({
    page,
  }) => {
    await page.goto('/class.html');
    const text = JSON.stringify(green.record);
    await page.evaluate(
      ([good]) => {
        const data = new DataTransfer();
        data.items.add(new File([good!], 'dropped.json', { type: 'application/json' }));
        data.items.add(new File(['{"format": 1, "seed": "cut sh'], 'cut.json'));
        document.body.dispatchEvent(
          new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      },
      [text],
    );
    await expect(row(page, 'dropped.json')).toHaveAttribute('data-status', 'matches');
    await expect(row(page, 'cut.json')).toContainText('not complete JSON');
    await row(page, 'cut.json').getByRole('button', { name: 'Remove cut.json' }).click();
    await expect(page.locator('#groups-table tbody tr')).toHaveCount(1);
  });
});

test.describe('printable material', () => {
  test('the teacher pack has every role card and the glossary, and prints clean', async ({
    page,
  }) => {
    await page.goto('/print.html');
    const playable = sc.scenario.roles.filter((r) => r.playable);
    await expect(page.locator('.role-card')).toHaveCount(playable.length);
    for (const role of playable) {
      const card = page.locator(`.role-card[data-role="${role.id}"]`);
      await expect(card.getByRole('heading', { level: 2 })).toHaveText(role.name);
      await expect(card).toContainText(role.leader);
      await expect(card.locator('table.objectives tbody tr')).toHaveCount(role.objectives.length);
      await expect(card).toContainText(`${role.victoryScore} or more`);
    }
    await expect(page.locator('#glossary dt')).toHaveCount(sc.scenario.glossary.length);
    await expect(page.locator('#what-happened')).toContainText('For the debrief only');
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await screenshot(page, 'print-pack-screen');

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(page.locator('nav.pages')).toBeHidden();
    const breaks = await page
      .locator('.role-card, #what-happened')
      .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).breakBefore));
    expect(breaks).toEqual([...playable.map(() => 'page'), 'page']);
    await screenshot(page, 'print-pack-print');
    await page.pdf({ path: join(SCREENS_DIR, 'print-pack.pdf'), format: 'A4' });
  });

  test('a share link opens a report of the game: ending, scores, story, hash', async ({ page }) => {
    await page.goto(`/print.html${sim.shareLink(sc, blue.record, '')}`);
    const report = page.locator('article.report');
    await expect(report).toHaveCount(1);
    await expect(report).toContainText(blue.hash);
    await expect(report).toContainText('the replay reaches the final hash the record carries');
    await expect(report.getByRole('heading', { name: /^Ending: / })).toBeVisible();
    await expect(report.locator('.turn')).toHaveCount(
      blue.record.orders.filter((o) => o.type === 'turn/ended').length,
    );
    await expect(report).toContainText('Russia’s hidden intent beside the estimates');
    await expect(page.locator('#teacher-pack')).toBeHidden();
    await screenshot(page, 'print-report-screen');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-report-print');
    await page.pdf({ path: join(SCREENS_DIR, 'print-report.pdf'), format: 'Letter' });

    await page.emulateMedia({ media: 'screen' });
    await page.goto('/print.html#game=not-a-game');
    await expect(page.locator('article.report .problem')).toContainText('damaged');
    await expect(page.locator('#teacher-pack')).toBeVisible();
  });
});
