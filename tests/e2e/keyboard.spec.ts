// A whole game with the keyboard only: digit for the role, S for the seed, N, Enter, the arrow
// keys and Space for orders, E to end each turn, Enter to go on, until the debrief. Screenshots of
// each kind of screen go to test-results/screens/ for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import {
  continueByKeyboard,
  endTurnByKeyboard,
  expectNamedButtons,
  gameRecord,
  gameState,
  humanOrders,
  openGame,
  pickByKeyboard,
  playToDebriefByKeyboard,
  screenshot as shoot,
  settle,
  startByKeyboard,
  waitForScreen,
} from './support';

// Drawn as this machine draws it (the 2D canvas: its WebGL runs on the processor) and with WebGL,
// as a computer with a graphics card draws it; the screenshots of each carry its name.
for (const renderer of ['canvas', 'webgl'] as const)
  test(`a whole game by keyboard reaches the debrief and records the orders chosen (${renderer})`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const screenshot = (page: Page, name: string) => shoot(page, `${name}-${renderer}`);

    await openGame(page, renderer);
    expect(await page.evaluate(() => window.brink.renderer())).toBe(renderer);
    await page.keyboard.press('2'); // the European Union
    await settle(page, 200);
    await screenshot(page, '1-title');
    await startByKeyboard(page, '2', 'e2e-keys');
    expect((await gameState(page))!.seed).toBe('e2e-keys');
    expect((await gameRecord(page))!.humans).toEqual(['eu']);

    // Turn 1 by hand, for the screenshots; the crisis room with one order chosen.
    const first = await pickByKeyboard(page, 1);
    expect(first).toHaveLength(1);
    await expect(page.locator('#dom-layer [data-control="end-turn"]')).toContainText(
      'End turn with 1 order',
    );
    await settle(page, 300);
    await screenshot(page, '2-crisis');
    await endTurnByKeyboard(page);
    await settle(page, 2000); // the meters animate from their old values for about 1.7 s
    await screenshot(page, '3-resolution');
    expect(await continueByKeyboard(page)).toBe('crisis');

    // The rest: two orders on even turns, none on every third turn, one otherwise.
    const rest = await playToDebriefByKeyboard(page, (turn) =>
      turn % 3 === 0 ? 0 : turn % 2 === 0 ? 2 : 1,
    );
    const chosen = [first, ...rest];
    expect(chosen.some((c) => c.length === 0)).toBe(true);
    expect(chosen.some((c) => c.length >= 2)).toBe(true);

    const layer = page.locator('#dom-layer');
    await expect(layer.getByRole('heading', { level: 1, name: 'Debrief' })).toHaveCount(1);
    await expect(layer.getByRole('heading', { name: /^Your score: \d+ of 100/ })).toHaveCount(1);
    await expectNamedButtons(page, 'debrief');
    await settle(page, 300);
    await screenshot(page, '4-debrief');

    const state = (await gameState(page))!;
    expect(state.phase).toBe('over');
    expect(state.reports.length).toBeGreaterThanOrEqual(1);
    expect(state.reports.length).toBe(chosen.length);
    const record = (await gameRecord(page))!;
    expect(humanOrders(record, 'eu')).toEqual(chosen);
    // The debrief names the same hash the game reports.
    await expect(layer.locator('header .subtitle')).toContainText(
      `hash ${await page.evaluate(() => window.brink.hash())}`,
    );
    expect(errors).toEqual([]);
  });

test("keys pressed faster than the scenes can change leave one scene on, the screen's own", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  // New game, begin, end the turn, go on, the briefing and back, all within one frame: each key
  // lands before the scene of the screen it opened has started.
  await page.evaluate(() => {
    for (const key of ['n', 'Enter', 'e', 'Enter', 'b', 'Enter', 'e', 'Enter'])
      document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await expect.poll(() => page.evaluate(() => window.brink.screen())).toBe('crisis');
  await waitForScreen(page, 'crisis');
  await settle(page, 300);
  expect(await page.evaluate(() => window.brink.scenes())).toEqual(['Crisis']);
  expect((await gameState(page))!.turn).toBe(3);
  expect(errors).toEqual([]);
});
