// Games of an earlier scenario version in the game page, in real Chromium: a 1.1.0 game in
// progress, saved in localStorage the way the game saves it, continues from the title with the
// archived 1.1.0 (the page says so), is played to its end, and its record names 1.1.0 and
// replays to its hash with `brink replay`; 1.1.0 and 1.0.0 share links open and replay to their
// final hash; a save of a version none has is kept aside with its message; and a fresh start
// fetches no archive chunk (the archive is not in the page's first download).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import {
  control,
  endTurnByKeyboard,
  gameHash,
  gameRecord,
  gameState,
  openGame,
  playToDebriefByKeyboard,
  pickByKeyboard,
  screenshot,
  settle,
  startByKeyboard,
  waitForScreen,
  waitReady,
} from './support';

// Through tsx, like the classroom specs: Playwright's loader does not resolve the core's RNG import.
type Archive = typeof import('../support/archive');
type Sim = typeof import('../../src/sim');
const archive = () => tsImport('../support/archive.ts', import.meta.url) as Promise<Archive>;
const core = () => tsImport('../../src/sim/index.ts', import.meta.url) as Promise<Sim>;
/** The version of scenarios/ukraine-2021/, the one new games are played with. */
const CURRENT = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../scenarios/ukraine-2021/scenario.json'), 'utf8'),
  ) as { version: string }
).version;

const SAVE_KEY = 'brink.save';
const layer = (page: Page) => page.locator('#dom-layer');
const notice = (page: Page) => page.locator('#dom-layer .notice');

/** Every request the page makes; the archive's chunks are named after their files. */
function requests(page: Page): { all: string[]; archive: () => string[] } {
  const all: string[] = [];
  page.on('request', (r) => all.push(r.url()));
  return { all, archive: () => all.filter((url) => /ukraine-2021-1\.\d+\.\d+/.test(url)) };
}

/** Only the app's own files: nothing beyond the page's origin (data: and blob: URLs are local). */
function expectOnlyOwnFiles(page: Page, urls: readonly string[]): void {
  const origin = new URL(page.url()).origin;
  expect(urls.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))).toEqual([]);
}

test('a fresh start fetches no archive chunk, and a new game is played with the current version', async ({
  page,
}) => {
  const seen = requests(page);
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-fresh-version');
  await pickByKeyboard(page, 1);
  await endTurnByKeyboard(page);
  expect(seen.archive()).toEqual([]);
  expect((await gameRecord(page))!.scenario.version).toBe(CURRENT);
  await expect(layer(page)).not.toContainText('the one this game was started with');
  expectOnlyOwnFiles(page, seen.all);
});

test('a 1.1.0 game in progress continues with 1.1.0, is played to its end and replays with it', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { archivedScenario, fixtureRecords, gameInProgress, saveText } = await archive();
  const v110 = archivedScenario('ukraine-2021-1.1.0.json');
  const session = gameInProgress(v110, fixtureRecords('1.1.0')[0]!, 'us', 3);
  const seen = requests(page);

  await openGame(page);
  expect(seen.archive()).toEqual([]);
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: SAVE_KEY,
    value: saveText('us', session),
  });
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  await expect(control(page, 'continue')).toContainText('turn 4 of 10');
  expect(seen.archive().length).toBeGreaterThan(0);
  await expect(layer(page).locator('#section-saved')).toContainText(
    `This game continues with version 1.1.0 of the scenario, the one it was started with: its rules stay as they were until it ends. A new game uses version ${CURRENT}.`,
  );
  await settle(page, 300);
  await screenshot(page, 'versions-title-1.1.0-save');

  await page.keyboard.press('c');
  await waitForScreen(page, 'crisis');
  expect(await gameHash(page)).toBe((await core()).hashState(session.state));
  await expect(notice(page)).toContainText(
    'This game continues with version 1.1.0 of the scenario, the one it was started with: its rules stay as they were until it ends.',
  );
  await expect(layer(page).locator('.subtitle')).toContainText(
    'scenario version 1.1.0, the one this game was started with',
  );
  await settle(page, 300);
  await screenshot(page, 'versions-crisis-1.1.0');

  await playToDebriefByKeyboard(page, (turn) => turn % 2);
  await expect(layer(page).locator('.subtitle')).toContainText(
    'scenario version 1.1.0, the one this game was played with',
  );
  await settle(page, 300);
  await screenshot(page, 'versions-debrief-1.1.0');
  const record = (await gameRecord(page))!;
  expect(record.scenario).toEqual(session.record.scenario);
  expect(record.orders.slice(0, session.record.orders.length)).toEqual(session.record.orders);
  const hash = await gameHash(page);
  expect(record.finalHash).toBe(hash);
  expect((await gameState(page))!.phase).toBe('over');
  // The command line finds 1.1.0 in the archive and replays the record to its hash.
  const file = testInfo.outputPath('finished-1.1.0.json');
  writeFileSync(file, JSON.stringify(record));
  const verdict = execFileSync(
    process.execPath,
    ['bin/brink.js', 'replay', '--verify-only', file],
    {
      encoding: 'utf8',
    },
  );
  expect(verdict).toContain('of ukraine-2021 1.1.0');
  expect(verdict).toContain(`Final hash: ${hash}`);
  expect(verdict).toContain('the hash matches');
  // Its share link is a 1.1.0 link that replays to the same hash.
  const link = (await page.evaluate(() => window.brink.shareLink()))!;
  const sim = await core();
  const decoded = sim.decodeRecord(v110, link);
  expect(decoded.ok && decoded.value.scenario.version).toBe('1.1.0');
  expect(decoded.ok && sim.replay(v110, decoded.value)).toMatchObject({
    ok: true,
    value: { hash },
  });
  // A new game after it is played with the current version.
  await page.keyboard.press('n'); // back to the title
  await waitForScreen(page, 'title');
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  expect((await gameRecord(page))!.scenario.version).toBe(CURRENT);
  expectOnlyOwnFiles(page, seen.all);
  expect(errors).toEqual([]);
});

/** The fixture link's fragment, on this site. */
const fragment = (link: string) => `/#${link.slice(link.indexOf('#') + 1)}`;

/**
 * From the debrief of a shared game: the replay viewer, at its last turn. The link carries `carried`,
 * the hash earlier versions of Brink computed (the first definition); the game reaches it.
 */
async function expectReplayed(page: Page, version: string, carried: string): Promise<void> {
  await waitForScreen(page, 'debrief');
  const sim = await core();
  expect(sim.hashStateV1((await gameState(page))!)).toBe(carried);
  const hash = await gameHash(page);
  await expect(notice(page)).toContainText(
    `final-state hash ${hash}. It matches the hash in the link, ${carried}, as earlier versions of Brink computed it.`,
  );
  await page.keyboard.press('s');
  await waitForScreen(page, 'viewer');
  await expect(notice(page)).toContainText(`reaches the final hash the record carries, ${hash}`);
  await expect(layer(page).locator('.subtitle')).toContainText(`scenario version ${version}`);
  await page.keyboard.press('ArrowLeft');
  await expect(layer(page).locator('#section-about h2')).toContainText('Turn');
}

test('1.1.0 and 1.0.0 share links open in the replay viewer and reach their final hash', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { fixtureLinks, fixtureRecords } = await archive();
  const seen = requests(page);
  // A 1.1.0 link opened afresh.
  const [link110] = fixtureLinks('1.1.0');
  const hash110 = fixtureRecords('1.1.0')[0]!.finalHash!;
  await page.goto(fragment(link110!));
  await waitReady(page);
  await expectReplayed(page, '1.1.0', hash110);
  await settle(page, 300);
  await screenshot(page, 'versions-viewer-1.1.0-link');

  // A 1.0.0 link pasted into a page that is open on the title (it fetches the archive then).
  const fresh = requests(page);
  await page.goto('/');
  await waitReady(page);
  await waitForScreen(page, 'title');
  expect(fresh.archive()).toEqual([]);
  const [link100] = fixtureLinks('1.0.0');
  const hash100 = fixtureRecords('1.0.0')[0]!.finalHash!;
  await page.goto(fragment(link100!));
  await expectReplayed(page, '1.0.0', hash100);
  expect(fresh.archive().length).toBeGreaterThan(0);
  await settle(page, 300);
  await screenshot(page, 'versions-viewer-1.0.0-link');
  expectOnlyOwnFiles(page, seen.all);
  expect(errors).toEqual([]);
});

test('a save of a version no scenario here has is kept aside with a message naming the versions', async ({
  page,
}) => {
  const { archivedScenario, fixtureRecords, gameInProgress } = await archive();
  const session = gameInProgress(
    archivedScenario('ukraine-2021-1.1.0.json'),
    fixtureRecords('1.1.0')[0]!,
    'us',
    1,
  );
  const record = {
    ...session.record,
    scenario: { ...session.record.scenario, version: '1.9.0', hash: 'fedcba9876543210' },
  };
  const text = JSON.stringify({ role: 'us', dyad: false, facilitator: false, record });
  await page.addInitScript(
    ({ key, value }) => {
      if (!sessionStorage.getItem('planted')) localStorage.setItem(key, value);
      sessionStorage.setItem('planted', '1');
    },
    { key: SAVE_KEY, value: text },
  );
  await page.goto('/');
  await waitReady(page);
  await waitForScreen(page, 'title');
  await expect(notice(page)).toContainText(
    `The saved game could not be opened. It was played with version 1.9.0 of the scenario "ukraine-2021" (content hash fedcba9876543210), which this copy of Brink does not have: it has ${CURRENT}, 1.1.0, 1.0.1, 1.0.0.`,
  );
  await expect(control(page, 'download-unopened')).toBeVisible();
  await expect(control(page, 'continue')).toHaveCount(0);
  const kept = await page.evaluate(() => localStorage.getItem('brink.save.unopened'));
  expect(JSON.parse(kept!)[0].text).toBe(text);
  await settle(page, 300);
  await screenshot(page, 'versions-title-unknown-version');
});
