// No screen leaves a player without a way on. Every screen — title, briefing, crisis room, the
// dyad partner's confirmation, the hot-seat hand-over, the resolution, the debrief and the replay
// viewer — is walked with the mouse on the canvas, and on each one a canvas button moves the game
// on (or out), and in the text view the same way on is a real button that a click reaches. The
// glossary and the key map (drawn by the code every screen shares) are opened and closed with the
// mouse on three kinds of screen: the title, the crisis room and the viewer.
import { expect, test, type Page } from '@playwright/test';
import {
  canvasControls,
  clickCanvas,
  openGame,
  playToDebriefByKeyboard,
  reachable,
  screenshot,
  startByKeyboard,
  typeSeed,
  waitForScreen,
  waitReady,
  type ScreenName,
} from './support';

const layer = (page: Page) => page.locator('#dom-layer');
const screen = (page: Page) => page.evaluate(() => window.brink.screen());

const enabledOnCanvas = async (page: Page) =>
  (await canvasControls(page)).filter((c) => !c.disabled).map((c) => c.id);

const dialogs = (page: Page) => page.locator('#dom-layer [role="dialog"]').count();

/**
 * Checks the ways on from the current screen; `forward` are the controls that move on or out. With
 * `overlays`, the glossary and the key map are opened from canvas buttons and closed from the one
 * button the overlay leaves reachable (and, in the text view, from the dialog's own button).
 */
async function expectWayOn(
  page: Page,
  where: string,
  forward: string[],
  overlays = false,
): Promise<void> {
  const enabled = await enabledOnCanvas(page);
  expect(
    enabled.filter((id) => forward.includes(id)),
    `${where}: a canvas button that moves on (${forward.join(' or ')}) among ${enabled.join(', ')}`,
  ).not.toEqual([]);

  if (overlays) {
    for (const overlay of ['glossary', 'keys']) {
      await clickCanvas(page, overlay);
      await expect.poll(() => dialogs(page), `${where}: ${overlay} opens`).toBe(1);
      // Over the overlay only its own buttons can be reached; one of them closes it.
      const inside = await enabledOnCanvas(page);
      expect(inside, `${where}: ${overlay} leaves a button to close it`).toHaveLength(1);
      await clickCanvas(page, inside[0]!);
      await expect.poll(() => dialogs(page), `${where}: ${overlay} closes`).toBe(0);
    }
  }

  await clickCanvas(page, 'text-view');
  await expect(layer(page)).toHaveClass(/visible/);
  const ways = forward.map((id) => `#dom-layer button[data-control="${id}"]:not([aria-disabled])`);
  expect(
    await reachable(page, ways.join(', ')),
    `${where}: in the text view, a click reaches a way on`,
  ).not.toBeNull();
  if (overlays) {
    await page.keyboard.press('g');
    await expect.poll(() => dialogs(page)).toBe(1);
    const close = await reachable(page, '#dom-layer [role="dialog"] button');
    expect(
      close,
      `${where}: in the text view, a click reaches the glossary's close`,
    ).not.toBeNull();
    await page.mouse.click(close!.x, close!.y);
    await expect.poll(() => dialogs(page)).toBe(0);
  }
  const back = await reachable(page, '#dom-layer button[data-control="text-view"]');
  expect(
    back,
    `${where}: in the text view, a click reaches "Text view" to leave it`,
  ).not.toBeNull();
  await page.mouse.click(back!.x, back!.y);
  await expect(layer(page)).not.toHaveClass(/visible/);
}

/** Presses a canvas button and waits for the screen it leads to. */
async function press(page: Page, id: string, next: ScreenName): Promise<void> {
  await clickCanvas(page, id);
  await waitForScreen(page, next);
}

test('every screen has a visible control that moves the game on', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  await expectWayOn(page, 'title', ['new-game'], true);

  // Hot seat (United States, then Russia) and dyad: every screen of a turn comes up.
  await page.keyboard.press('h');
  await page.keyboard.press('4');
  await page.keyboard.press('y');
  await typeSeed(page, 'e2e-way-on');
  await press(page, 'new-game', 'briefing');
  await expectWayOn(page, 'briefing', ['begin']);
  await press(page, 'begin', 'crisis');
  await expectWayOn(page, 'crisis room', ['end-turn'], true);
  await press(page, 'end-turn', 'confirm');
  await expectWayOn(page, 'confirmation', ['confirm', 'dispute']);
  await press(page, 'confirm', 'pass');
  await expectWayOn(page, 'hand-over', ['take-seat']);
  await press(page, 'take-seat', 'crisis');
  await press(page, 'end-turn', 'confirm');
  await press(page, 'confirm', 'resolution');
  await expectWayOn(page, 'resolution', ['continue']);
  await press(page, 'continue', 'crisis');

  // A quick single-player game to the debrief, then the replay viewer.
  await page.reload();
  await page.waitForFunction(() => window.brink !== undefined && window.brink.scene() !== 'Boot');
  await waitForScreen(page, 'title');
  await expectWayOn(page, 'title with a saved game', ['continue', 'new-game']);
  await startByKeyboard(page, '1', 'e2e-way-on-2');
  await playToDebriefByKeyboard(page, () => 0);
  await expectWayOn(page, 'debrief', ['title', 'view']);
  await press(page, 'view', 'viewer');
  await expectWayOn(page, 'viewer', ['close', 'branch'], true);
  await press(page, 'close', 'debrief');
  await press(page, 'title', 'title');
  expect(await screen(page)).toBe('title');
  expect(errors).toEqual([]);
});

test('the title with a saved game and every choice open draws every control on the canvas', async ({
  page,
}) => {
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-way-on-3');
  await page.reload();
  await waitReady(page);
  await waitForScreen(page, 'title');
  // Facilitator mode with its clock, hot seat and the what-if switches: the longest title.
  for (const key of ['f', '+', 'h', 'w']) await page.keyboard.press(key);
  await expect(page.locator('#dom-layer [data-control="what-ifs"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const inModel = await page
    .locator('#dom-layer section.controls button[data-control]')
    .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.control!));
  const drawn = await canvasControls(page);
  expect(drawn.map((c) => c.id).sort()).toEqual([...inModel].sort());
  for (const c of drawn) {
    expect(c.y + c.h, `${c.id} ends inside the canvas`).toBeLessThanOrEqual(1000);
    expect(c.h, `${c.id} is tall enough to read and press`).toBeGreaterThanOrEqual(20);
  }
  await screenshot(page, 'title-every-choice');
});
