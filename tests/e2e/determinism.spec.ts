// The same seed and the same orders give the same game in the browser too: one game played by
// keyboard in a fresh page, then the same orders given through the DOM layer in a second, fresh
// browser context; the final hashes (and records) must match, and Node, replaying the record,
// must reach the hash Chromium computed.
import { expect, test, type Page } from '@playwright/test';
import { loadCore } from './classroom-support';
import {
  continueByKeyboard,
  control,
  endTurnByKeyboard,
  gameHash,
  gameRecord,
  gameState,
  humanOrders,
  MAX_TURNS,
  openGame,
  playToDebriefByKeyboard,
  startByKeyboard,
  waitForScreen,
} from './support';

// Any seed does; this one's game, played this way, ends by about turn 4 (a quicker suite).
const SEED = 'e2e-detu-0';

/** Gives exactly `orders[turn - 1]` each turn, activating the DOM layer's buttons by id. */
async function replayOrders(page: Page, orders: string[][]): Promise<void> {
  for (let i = 0; i < MAX_TURNS; i++) {
    const turn = (await gameState(page))!.turn;
    for (const id of orders[turn - 1] ?? []) {
      const button = control(page, `action-${id}`);
      await button.focus();
      await button.press('Enter');
      await expect(button).toHaveAttribute('aria-pressed', 'true');
    }
    // Leave the DOM layer so that the next keys go to the page's shortcuts, not to a button.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await endTurnByKeyboard(page);
    if ((await continueByKeyboard(page)) === 'debrief') return;
  }
  throw new Error(`no debrief after ${MAX_TURNS} turns`);
}

test('the same seed and orders give the same final hash in two fresh pages', async ({
  page,
  browser,
}) => {
  // Two whole games, one in each page: more than the default two minutes on a loaded machine.
  test.setTimeout(300_000);
  await openGame(page);
  await startByKeyboard(page, '3', SEED); // Ukraine
  // Orders on the first turns only: enough to steer the game, few keys (each costs frames).
  await playToDebriefByKeyboard(page, (turn) => (turn === 2 ? 2 : turn <= 3 ? 1 : 0));
  const first = { hash: await gameHash(page), record: (await gameRecord(page))! };
  const orders = humanOrders(first.record, 'ukraine');
  expect(orders.flat().length).toBeGreaterThan(0);

  const { baseURL, viewport } = test.info().project.use;
  const context = await browser.newContext({ baseURL, viewport });
  try {
    const second = await context.newPage();
    await openGame(second);
    await startByKeyboard(second, '3', SEED);
    await replayOrders(second, orders);
    await waitForScreen(second, 'debrief');
    expect(await gameHash(second)).toBe(first.hash);
    expect((await gameRecord(second))!).toEqual(first.record);
    expect(first.record.finalHash).toBe(first.hash);
    const { sim, sc } = await loadCore();
    const inNode = sim.replay(sc, first.record);
    expect(inNode.ok && inNode.value.hash).toBe(first.hash);
  } finally {
    await context.close();
  }
});
