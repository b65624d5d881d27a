// Cuba 1962 everywhere the game page and the classroom pages go, in real Chromium: hot seat (the
// United States and the Soviet Union on one screen, orders hidden in turn) to the debrief and a
// replay of its link; dyad (Cuba's second player refuses a turn, the debrief keeps it); the
// crisis room's glossary, key map, briefing, meters and "why" in the crisis's own words; the
// United States' historical line with the quarantine in force on the map, to the debrief, luck or
// choice and the replay stepper; and the classroom: a facilitator's class code naming Cuba, a
// student joining with it, an inject of a Cuba event, and the class view comparing Cuba games.
// No screen of a Cuba game may show the Ukraine crisis's words.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { GameRecord } from '../../src/sim';
import { loadCore, screenshot as fullScreenshot } from './classroom-support';
import {
  continueByKeyboard,
  control,
  endTurnByKeyboard,
  gameHash,
  gameRecord,
  gameState,
  noticeText,
  openGame,
  pressControl,
  screenshot,
  settle,
  typeSeed,
  waitForScreen,
  waitReady,
} from './support';

type Shipped = typeof import('../sim/support/shipped');

interface ScenarioText {
  version: string;
  turns: number;
  historical: Record<string, Record<string, string[]>>;
  glossary: { term: string }[];
  endings: { id: string; name: string }[];
  actions: { id: string; name: string }[];
  events: { id: string; name: string }[];
}
// The shipped scenarios through the tests' own loader (it knows where their files are kept).
let CUBA: ScenarioText;
let UKRAINE: ScenarioText;
let CUBA_MENTIONS: string[];
test.beforeAll(async () => {
  const { shipped } = (await tsImport('../sim/support/shipped.ts', import.meta.url)) as Shipped;
  CUBA = shipped('cuba-1962').scenario as unknown as ScenarioText;
  UKRAINE = shipped('ukraine-2021').scenario as unknown as ScenarioText;
  CUBA_MENTIONS = textsWith(UKRAINE_WORDS, CUBA);
});

/** Words only the Ukraine crisis uses: none of them belongs on a screen of a Cuba game. */
const UKRAINE_WORDS =
  /Ukrain|Russia|Putin|Biden|Kyiv|Donbas|Belarus|European Union|week of|weekly|\b202[12]\b/i;

const ROLE_NAMES: Record<string, string> = {
  us: 'United States',
  ussr: 'Soviet Union',
  cuba: 'Cuba',
};

const layer = (page: Page) => page.locator('#dom-layer');
const actionName = (id: string) => CUBA.actions.find((a) => a.id === id)!.name;

/** Every text of a scenario file that mentions one of those words (a question comparing crises). */
function textsWith(words: RegExp, value: unknown): string[] {
  if (typeof value === 'string') return words.test(value) ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap((v) => textsWith(words, v));
}

/**
 * The Ukraine words the DOM layer and the canvas show now, outside Cuba's own texts (where the
 * scenario compares the two crises): none, in a Cuba game.
 */
async function ukraineWordsShown(page: Page): Promise<string[]> {
  const canvas = await page.evaluate(() => window.brink.texts().map((t) => t.text));
  const dom = (await layer(page).innerText()).split('\n');
  return [...dom, ...canvas].filter(
    (line) =>
      UKRAINE_WORDS.test(line) &&
      !CUBA_MENTIONS.some((text) => line.includes(text) || text.includes(line.trim())),
  );
}

/** A (the title's scenario control) until the title shows Cuba 1962. */
async function chooseCuba(page: Page): Promise<void> {
  await page.keyboard.press('a');
  await expect(control(page, 'scenario')).toContainText('Cuban Missile Crisis');
  await waitForScreen(page, 'title');
}

/** The ids of the action cards that can be chosen now, in the DOM layer's order. */
async function usableActions(page: Page): Promise<string[]> {
  return layer(page)
    .locator('button[data-control^="action-"]:not([aria-disabled="true"])')
    .evaluateAll((buttons) =>
      buttons.map((b) => (b as HTMLElement).dataset.control!.replace(/^action-/, '')),
    );
}

/** From the title, Cuba chosen and the role and mode set: seed, N, Enter into the crisis room. */
async function startGame(page: Page, seed: string): Promise<void> {
  await typeSeed(page, seed);
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await expect(layer(page)).toContainText('16 October 1962');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
}

/** The ending the game on `page` reached, as the scenario names it. */
async function endingOf(page: Page): Promise<{ id: string; name: string }> {
  const id = (await gameState(page))!.ending!.id;
  return CUBA.endings.find((e) => e.id === id)!;
}

/** The share link of the game on `page` replays on a new page to the same final hash. */
async function expectLinkReplays(page: Page): Promise<void> {
  const hash = await gameHash(page);
  const link = await page.evaluate(() => window.brink.shareLink());
  expect(link).toContain('#game=');
  const other = await page.context().newPage();
  await other.goto(`/${link!.slice(link!.indexOf('#'))}`);
  await waitReady(other);
  await expect.poll(() => gameHash(other)).toBe(hash);
  await expect(other.locator('#dom-layer .notice')).toContainText(hash!);
  expect((await gameRecord(other))!.scenario.id).toBe('cuba-1962');
  await other.close();
}

test('hot seat, Cuba 1962: the United States and the Soviet Union give hidden orders in turn, to the debrief; its link replays', async ({
  page,
}) => {
  test.setTimeout(480_000); // thirteen turns of two seats on a slow machine
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  await chooseCuba(page);
  await page.keyboard.press('h');
  await page.keyboard.press('2'); // the Soviet Union joins the United States
  await expect(control(page, 'hot-seat')).toContainText('United States, Soviet Union');
  await startGame(page, 'excomm-hot-seat');
  expect((await gameState(page))!.humans).toEqual(['us', 'ussr']);
  await expect(layer(page).locator('h1')).toHaveText('Crisis room — United States');

  const usOrder = (await usableActions(page)).find((id) => id.startsWith('us.'))!;
  await pressControl(page, `action-${usOrder}`);
  await expect(control(page, `action-${usOrder}`)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('e');
  await waitForScreen(page, 'pass');
  await expect(layer(page).locator('h1')).toHaveText('Pass to Soviet Union');
  await expect(layer(page)).toContainText('Khrushchev');
  await expect(layer(page)).not.toContainText(actionName(usOrder));
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  await expect(layer(page).locator('h1')).toHaveText('Crisis room — Soviet Union');
  await expect(layer(page)).not.toContainText(actionName(usOrder));
  expect((await usableActions(page)).every((id) => id.startsWith('ussr.'))).toBe(true);
  await endTurnByKeyboard(page);
  await expect(layer(page).locator('#section-orders')).toContainText(
    `United States (a player): ${actionName(usOrder)}`,
  );
  await expect(layer(page).locator('#section-orders')).toContainText('Soviet Union (a player)');
  expect(await ukraineWordsShown(page)).toEqual([]);

  // The other twelve days: each seat ends its turn without orders, by keyboard.
  for (let day = 1; (await continueByKeyboard(page)) === 'crisis'; day++) {
    expect(day).toBeLessThanOrEqual(CUBA.turns);
    await page.keyboard.press('e');
    await waitForScreen(page, 'pass');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'crisis');
    await endTurnByKeyboard(page);
  }
  await expect(layer(page).locator('h1')).toHaveText('Debrief');
  const ending = await endingOf(page);
  await expect(layer(page).locator('#section-ending')).toContainText(ending.name);
  await expect(layer(page).locator('#section-scores')).toContainText('Soviet Union');
  expect(await ukraineWordsShown(page)).toEqual([]);
  const record = (await gameRecord(page))!;
  expect(record.scenario).toMatchObject({ id: 'cuba-1962', version: CUBA.version });
  expect(record.humans).toEqual(['us', 'ussr']);
  await expectLinkReplays(page);
  expect(errors).toEqual([]);
});

test('dyad, Cuba 1962: Cuba’s second player refuses a day’s orders and the debrief keeps it', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await openGame(page);
  await chooseCuba(page);
  await page.keyboard.press('3'); // Cuba
  await expect(control(page, 'role-cuba')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('y');
  await expect(control(page, 'dyad')).toHaveAttribute('aria-pressed', 'true');
  await startGame(page, 'havana-dyad');
  await expect(layer(page).locator('h1')).toHaveText('Crisis room — Cuba');
  const proposed = (await usableActions(page))[0]!;
  expect(proposed).toMatch(/^cuba\./);
  await pressControl(page, `action-${proposed}`);
  await page.keyboard.press('e');
  await waitForScreen(page, 'confirm');
  await expect(layer(page).locator('h1')).toHaveText('Second player of Cuba: confirm?');
  await expect(layer(page).locator('#section-proposal')).toContainText(actionName(proposed));
  await page.keyboard.press('d');
  await waitForScreen(page, 'crisis');
  await expect(layer(page).locator('.notice')).toContainText('Disagreement noted');
  await page.keyboard.press('e');
  await waitForScreen(page, 'confirm');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'resolution');
  expect((await gameState(page))!.disputes).toEqual([
    { turn: 1, role: 'cuba', actions: [proposed] },
  ]);

  for (let day = 1; (await continueByKeyboard(page)) === 'crisis'; day++) {
    expect(day).toBeLessThanOrEqual(CUBA.turns);
    await page.keyboard.press('e');
    await waitForScreen(page, 'confirm');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'resolution');
  }
  await expect(layer(page).locator('#section-disputes')).toContainText(
    `Turn 1, Cuba: refused ${actionName(proposed)}`,
  );
  await expect(layer(page).locator('#section-score')).toContainText('Your score');
  expect(await ukraineWordsShown(page)).toEqual([]);
  const record = (await gameRecord(page))!;
  expect(record.orders[0]).toMatchObject({ type: 'orders/disputed', role: 'cuba' });
  await expectLinkReplays(page);
});

test('from the Cuba crisis room: the glossary, the key map, the briefing, the other meters and why, in the crisis’s own words', async ({
  page,
}) => {
  await openGame(page);
  await chooseCuba(page);
  await page.keyboard.press('2'); // the Soviet Union
  await startGame(page, 'presidium-viewers');
  await endTurnByKeyboard(page);
  await continueByKeyboard(page);

  await page.keyboard.press('g');
  const overlay = layer(page).getByRole('dialog', { name: 'Glossary' });
  await expect(overlay).toBeVisible();
  for (const { term } of CUBA.glossary) await expect(overlay).toContainText(term);
  const ukraineOnly = UKRAINE.glossary
    .map((g) => g.term)
    .filter((term) => !CUBA.glossary.some((g) => g.term === term));
  for (const term of ukraineOnly) await expect(overlay).not.toContainText(term);
  const canvas = await page.evaluate(() =>
    window.brink
      .texts()
      .map((t) => t.text)
      .join('\n'),
  );
  expect(canvas).toContain('Glossary');
  expect(canvas).toContain('ExComm');
  await settle(page, 300);
  await screenshot(page, 'cuba-everywhere-glossary');
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  await page.keyboard.press('?');
  await expect(layer(page).getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await ukraineWordsShown(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.keyboard.press('m'); // every meter, not only the main ones
  await expect(control(page, 'more-meters')).toHaveAttribute('aria-pressed', 'true');
  await expect(layer(page).locator('#section-meters')).toContainText('Cuban mobilisation');
  await pressControl(page, 'why-tension');
  await expect(layer(page).locator('#section-why')).toContainText(
    'Why did Tension move on turn 1?',
  );
  await expect(layer(page).locator('#section-intel')).toContainText('intent (known to you)');
  expect(await ukraineWordsShown(page)).toEqual([]);

  await page.keyboard.press('b');
  await waitForScreen(page, 'briefing');
  await expect(layer(page).locator('h1')).toHaveText('Briefing');
  await expect(layer(page)).toContainText('Your objectives as Soviet Union');
  expect(await ukraineWordsShown(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  expect((await gameState(page))!.turn).toBe(2);
});

test('the United States’ line of 1962: the quarantine on the map, the debrief, luck or choice and the replay stepper', async ({
  page,
}) => {
  test.setTimeout(600_000); // thirteen turns, then 1,000 games twice, on a slow machine
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  await chooseCuba(page);
  await startGame(page, 'excomm-1962');
  let quarantineSeen = false;
  for (;;) {
    const state = (await gameState(page))!;
    expect(state.turn).toBeLessThanOrEqual(CUBA.turns);
    if (!quarantineSeen && (state.vars.quarantineImposed ?? 0) >= 1) {
      quarantineSeen = true;
      await expect(layer(page).locator('#section-meters')).toContainText(
        'Quarantine in force: Offensive weapons',
      );
      await expect
        .poll(() => page.evaluate(() => window.brink.texts().map((t) => t.text)))
        .toContain('Quarantine line, in force: Offensive weapons');
      // Cuba's long meter names ("US strike and invasion readiness") fit; none is cut off.
      const cut = await page.evaluate(() => window.brink.texts().filter((t) => t.cut));
      expect(cut.map((t) => t.text)).toEqual([]);
      expect(await ukraineWordsShown(page)).toEqual([]);
      await settle(page, 500);
      await screenshot(page, 'cuba-everywhere-quarantine');
    }
    const usable = await usableActions(page);
    for (const id of CUBA.historical.us![String(state.turn)] ?? [])
      if (usable.includes(id)) await pressControl(page, `action-${id}`);
    await endTurnByKeyboard(page);
    if ((await continueByKeyboard(page)) === 'debrief') break;
  }
  expect(quarantineSeen).toBe(true);
  const ending = await endingOf(page);
  await expect(layer(page).locator('#section-ending')).toContainText(ending.name);
  await expect(layer(page).locator('#section-intent')).toContainText(
    'Khrushchev’s hidden intent, revealed',
  );
  expect(await ukraineWordsShown(page)).toEqual([]);
  await settle(page, 500);
  await screenshot(page, 'cuba-everywhere-debrief');

  // Luck or choice: the same orders over other seeds, with Cuba's endings.
  await page.keyboard.press('k');
  const luck = layer(page).locator('#section-luck');
  await expect(luck).toContainText('Endings with your orders over 1,000 other seeds', {
    timeout: 200_000,
  });
  await expect(luck).toContainText(`${ending.name}  ◀ your game`);
  await expect(luck).toContainText('Your score as United States in those games');
  const ukraineEndings = UKRAINE.endings.map((e) => e.name);
  for (const name of ukraineEndings) await expect(luck).not.toContainText(name);
  // …and under one of Cuba's what-if switches, compared with the game as played.
  await page.keyboard.press('w');
  await expect(control(page, 'luck-setting')).toContainText(
    'Luck or choice under: Khrushchev’s resolve',
  );
  await page.keyboard.press('k');
  await expect(layer(page)).toContainText('Compared with the game as played', {
    timeout: 200_000,
  });
  expect(await ukraineWordsShown(page)).toEqual([]);
  await settle(page, 500);
  await screenshot(page, 'cuba-everywhere-luck');

  // The replay stepper: the start, a day, the end with its ending.
  const hash = (await gameHash(page))!;
  await page.keyboard.press('s');
  await waitForScreen(page, 'viewer');
  await page.keyboard.press('Home');
  await expect(layer(page).locator('#section-story')).toContainText('U-2 photographs');
  await page.keyboard.press('ArrowRight');
  await expect(layer(page).locator('#section-story')).toContainText('What happened on 16 Oct 1962');
  await page.keyboard.press('End');
  await expect(layer(page).locator('#section-ending')).toContainText(`Ending: ${ending.name}`);
  await expect(layer(page).locator('#section-about')).toContainText(hash);
  expect(await ukraineWordsShown(page)).toEqual([]);
  await expectLinkReplays(page);
  expect(errors).toEqual([]);
});

test('classroom, Cuba 1962: a facilitator’s class code, a student joining with it, an inject; the class view compares Cuba games', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  await openGame(page);
  await chooseCuba(page);
  await typeSeed(page, 'class-cuba');
  await page.keyboard.press('f');
  const code = ((await page.locator('#detail-facilitator').textContent()) ?? '').replace(
    /^class code /,
    '',
  );
  expect(code).toBe(`cuba-1962@${CUBA.version}:class-cuba:5:us`);

  // A student's fresh page (Ukraine on its title) joins with the code: Cuba, same seed.
  const student = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await openGame(student);
  await expect(control(student, 'scenario')).toContainText('Ukraine');
  await student.keyboard.press('j');
  await student.keyboard.insertText(code);
  await student.keyboard.press('Enter');
  await expect.poll(() => noticeText(student)).toContain('Class code accepted');
  await expect(control(student, 'scenario')).toContainText('Cuban Missile Crisis');
  await expect(control(student, 'new-game')).toContainText('as United States, seed "class-cuba"');
  await student.keyboard.press('n');
  await waitForScreen(student, 'briefing');
  await student.keyboard.press('Enter');
  await waitForScreen(student, 'crisis');
  await expect(student.locator('#dom-layer #section-status')).toContainText('Time left this turn');
  expect((await gameRecord(student))!.scenario.id).toBe('cuba-1962');
  expect((await gameRecord(student))!.clock).toBe(5);
  await student.close();

  // The facilitator's own game: the clock and an inject of one of Cuba's events.
  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  await page.keyboard.press('p');
  await expect(layer(page).locator('#section-status')).toContainText('Time left this turn');
  await page.keyboard.press('i');
  const inject = layer(page).locator('[data-control^="inject-"]').first();
  const eventId = ((await inject.getAttribute('data-control')) ?? '').replace('inject-', '');
  const event = CUBA.events.find((e) => e.id === eventId);
  expect(event, `the inject "${eventId}" is one of Cuba's events`).toBeDefined();
  await expect(inject).toContainText(event!.name);
  await pressControl(page, `inject-${eventId}`);
  await expect(layer(page).locator('.notice')).toContainText('will happen when this turn resolves');
  await endTurnByKeyboard(page);
  const record = (await gameRecord(page))!;
  expect(record.orders[0]).toEqual({ type: 'facilitator/eventInjected', event: eventId });
  expect((await gameState(page))!.reports[0]!.events).toContain(eventId);

  // The class view: Cuba games made with the core, one of them as a share link.
  const { sim } = await loadCore();
  const { shipped } = (await tsImport('../sim/support/shipped.ts', import.meta.url)) as Shipped;
  const cuba = shipped('cuba-1962');
  const made = (seed: string, policies: Record<string, string>) => {
    const game = sim.playGame(cuba, seed, policies as never);
    return sim.recordOf(cuba, game, sim.hashState(game.state));
  };
  const games: Record<string, GameRecord> = {
    'team-excomm.json': made('class-cuba', { us: 'historical', cuba: 'historical' }),
    'team-hawks.json': made('class-cuba', { us: 'hawk' }),
    'team-doves.json': made('another-day', { us: 'dove' }),
  };
  const paths = Object.entries(games).map(([name, r]) => {
    const path = testInfo.outputPath(name);
    writeFileSyncJson(path, r);
    return path;
  });
  const linked = made('class-cuba', { ussr: 'dove' });
  await page.goto('/class.html');
  await page.locator('#record-files').setInputFiles(paths);
  await page
    .getByLabel('Share links or record JSON')
    .fill(`${sim.shareLink(cuba, linked, 'http://127.0.0.1:4173/index.html')}\n`);
  await page.getByRole('button', { name: 'Add pasted games' }).click();
  const rows = page.locator('#groups-table tbody tr');
  await expect(rows).toHaveCount(4);
  for (const [name, r] of [...Object.entries(games), ['Link 1', linked] as const]) {
    const row = rows.filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row).toHaveAttribute('data-status', 'matches');
    await expect(row).toContainText(r.finalHash!);
    await expect(row).toContainText(ROLE_NAMES[r.humans[0]!]!);
  }
  const endingNames = CUBA.endings.map((e) => e.name);
  const shownEndings = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  for (const text of shownEndings) expect(endingNames.some((n) => text.includes(n))).toBe(true);
  await expect(page.locator('main')).toContainText('Cuban Missile Crisis');
  await expect(page.locator('.seed-group').getByRole('heading')).toHaveText(
    'Seed “class-cuba” — 3 games',
  );

  await page.getByLabel('Class code (optional)').fill(`cuba-1962@${CUBA.version}:class-cuba:0`);
  await page.getByRole('button', { name: 'Check against the code' }).click();
  const excomm = rows.filter({ has: page.getByRole('rowheader', { name: 'team-excomm.json' }) });
  await expect(excomm).toContainText('✔ as the class code');
  const doves = rows.filter({ has: page.getByRole('rowheader', { name: 'team-doves.json' }) });
  await expect(doves).toContainText('⚠ seed "another-day" (the class\'s is "class-cuba")');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const header = csv.split('\r\n')[0]!;
  expect(header).toContain('score Soviet Union');
  expect(header).toContain('score Cuba');
  expect(header).not.toMatch(UKRAINE_WORDS);
  await fullScreenshot(page, 'cuba-everywhere-class-view');
});

function writeFileSyncJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data));
}
