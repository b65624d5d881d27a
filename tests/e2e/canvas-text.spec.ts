// Text on the canvas: a legal 280-character reason with no spaces wraps (long words break) on
// every screen that shows it — crisis room, resolution, debrief — and nothing is drawn off the
// canvas (the glossary's entries included); in the crisis room the notice ("Selected: …") and the
// map's labels overlap no other text.
import { expect, test, type Page } from '@playwright/test';
import type { CanvasText } from '../../src/game/scenes/ScreenScene';
import {
  continueByKeyboard,
  endTurnByKeyboard,
  openGame,
  playToDebriefByKeyboard,
  screenshot,
  settle,
  startByKeyboard,
} from './support';

const texts = (page: Page): Promise<CanvasText[]> => page.evaluate(() => window.brink.texts());

/** No text is wider than the width it wraps at, and none but the scrolling column leaves the canvas. */
async function expectWrappedAndOnCanvas(page: Page, where: string): Promise<CanvasText[]> {
  const drawn = await texts(page);
  for (const t of drawn) {
    const name = `${where}: "${t.text.slice(0, 60)}"`;
    if (t.wrap !== null)
      expect(t.w, `${name} is wider than it wraps`).toBeLessThanOrEqual(t.wrap + 2);
    if (t.group === 'text-column') continue;
    expect(t.x, `${name} starts left of the canvas`).toBeGreaterThanOrEqual(0);
    expect(t.y, `${name} starts above the canvas`).toBeGreaterThanOrEqual(0);
    expect(t.x + t.w, `${name} runs off the right of the canvas`).toBeLessThanOrEqual(1600);
    expect(t.y + t.h, `${name} runs off the bottom of the canvas`).toBeLessThanOrEqual(1000);
  }
  return drawn;
}

const overlap = (a: CanvasText, b: CanvasText) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Which of `these` texts overlap another text outside the scrolling column. */
function collisions(drawn: CanvasText[], these: CanvasText[]): string[] {
  const placed = drawn.filter((t) => t.group !== 'text-column');
  return these.flatMap((a) =>
    placed
      .filter((b) => b !== a && overlap(a, b))
      .map((b) => `"${a.text.slice(0, 40)}" over "${b.text.slice(0, 40)}"`),
  );
}

test('a 280-character reason with no spaces wraps on every screen that shows it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const reason = 'W'.repeat(280);
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-long-reason');
  await page.keyboard.press('y');
  await expect(page.locator('#rationale-input')).toBeFocused();
  await page.keyboard.insertText(reason);
  await page.keyboard.press('Enter');
  await expect(page.locator('#dom-layer #section-status')).toContainText(reason);
  await settle(page, 300);
  let drawn = await expectWrappedAndOnCanvas(page, 'crisis room');
  // The crisis room's summary box shortens each of its lines with "…" (the box is small).
  expect(
    drawn.some((t) => t.text.includes('Your reason this turn') && t.text.includes('W'.repeat(20))),
  ).toBe(true);
  await screenshot(page, 'long-reason-crisis');

  await endTurnByKeyboard(page);
  await settle(page, 300);
  drawn = await expectWrappedAndOnCanvas(page, 'resolution');
  expect(drawn.some((t) => t.text.includes(reason))).toBe(true);

  expect(await continueByKeyboard(page)).toBe('crisis');
  await playToDebriefByKeyboard(page, () => 0);
  await settle(page, 300);
  drawn = await expectWrappedAndOnCanvas(page, 'debrief');
  expect(drawn.some((t) => t.text.includes(reason))).toBe(true);
  await page.keyboard.press('PageDown');
  await settle(page, 300);
  await screenshot(page, 'long-reason-debrief');
});

test('in the crisis room the notice and the map labels overlap no other text', async ({ page }) => {
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-notice');
  // A notice: a card selected with the cursor (the first card is the first stop after the orders).
  await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  const card = page
    .locator('#dom-layer button[data-control^="action-"]:not([aria-disabled])')
    .first();
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#dom-layer .notice')).toContainText('Selected:');
  await settle(page, 300);
  let drawn = await texts(page);
  const notice = drawn.filter((t) => t.text.startsWith('Selected:'));
  expect(notice).toHaveLength(1);
  expect(collisions(drawn, notice)).toEqual([]);
  expect(
    collisions(
      drawn,
      drawn.filter((t) => t.group === 'map'),
    ),
  ).toEqual([]);
  await screenshot(page, 'crisis-notice');
  // The glossary over it: every entry on the canvas.
  await page.keyboard.press('g');
  await settle(page, 300);
  await expectWrappedAndOnCanvas(page, 'glossary');
  await page.keyboard.press('Escape');

  // Later turns move more forces onto the map: its labels still keep clear of each other.
  for (let turn = 0; turn < 4; turn++) {
    await endTurnByKeyboard(page);
    if ((await continueByKeyboard(page)) !== 'crisis') break;
    await settle(page, 300);
    drawn = await texts(page);
    expect(
      collisions(
        drawn,
        drawn.filter((t) => t.group === 'map'),
      ),
      `turn ${turn + 2}`,
    ).toEqual([]);
  }
  await screenshot(page, 'crisis-map-later');
});
