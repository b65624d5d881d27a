// The canvas keeps its frames: after a cursor move, a selected card, the other meters or the
// resolution's animated meters (each redrawn only where it changed, over the frame before), the
// canvas shows exactly what it shows when the same screen is drawn whole (after the text view
// was opened and closed). With WebGL (a computer with a graphics card) a frame is drawn in parts;
// with the 2D canvas (this machine's choice: its WebGL runs on the processor) a frame is drawn
// whole, and only when the picture changed.
import { expect, test, type Page } from '@playwright/test';
import {
  endTurnByKeyboard,
  openGame,
  pickByKeyboard,
  screenshot,
  settle,
  startByKeyboard,
} from './support';

/** The canvas's pixels now. */
const canvas = (page: Page) => page.locator('#game canvas').screenshot();

/** The canvas after the text view covered it and was closed again: the screen drawn whole. */
async function drawnWhole(page: Page): Promise<Buffer> {
  await page.keyboard.press('t');
  await expect(page.locator('#dom-layer')).toHaveClass(/visible/);
  await settle(page, 200);
  await page.keyboard.press('t');
  await expect(page.locator('#dom-layer')).not.toHaveClass(/visible/);
  await settle(page, 300);
  return canvas(page);
}

for (const renderer of ['webgl', 'canvas'] as const)
  test(`a screen redrawn in parts looks the same as the screen drawn whole (${renderer})`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openGame(page, renderer);
    expect(await page.evaluate(() => window.brink.renderer())).toBe(renderer);
    await startByKeyboard(page, '1', 'e2e-frames');
    await settle(page, 300);

    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await pickByKeyboard(page, 2)).toHaveLength(2);
    await page.keyboard.press('ArrowDown');
    await settle(page, 300);
    const inParts = await canvas(page);
    await screenshot(page, `frames-crisis-cursor-${renderer}`);
    expect((await drawnWhole(page)).equals(inParts)).toBe(true);

    // The other meters (another number of rows), then the main ones again.
    for (const step of ['other', 'main']) {
      await page.keyboard.press('m');
      await settle(page, 300);
      const meters = await canvas(page);
      expect((await drawnWhole(page)).equals(meters), `${step} meters`).toBe(true);
    }

    await endTurnByKeyboard(page);
    // The meters animate for about a second and a half, a part of the canvas at a time.
    await settle(page, 2000);
    await page.keyboard.press('ArrowDown');
    await settle(page, 300);
    const resolution = await canvas(page);
    await screenshot(page, `frames-resolution-${renderer}`);
    expect((await drawnWhole(page)).equals(resolution)).toBe(true);
    expect(errors).toEqual([]);
  });
