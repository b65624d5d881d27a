// A whole game through the DOM layer alone: the text view on, then only clicks on real buttons
// found by their role and accessible name (never the canvas), as a mouse user of the text view
// or a screen-reader user would play. Also: toggles report aria-pressed; locked actions are
// aria-disabled, and activating one only leaves a notice.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  gameHash,
  gameRecord,
  gameState,
  humanOrders,
  MAX_TURNS,
  openGame,
  selectedActions,
  settle,
  startByKeyboard,
  waitForScreen,
} from './support';

const TRACKS = ['Diplomacy', 'Sanctions', 'Deterrence'] as const;

const layerOf = (page: Page) => page.locator('#dom-layer');

/**
 * A button's accessible name starts with its label; a pressed one's starts with the "✔ " that the
 * style sheet adds before it (CSS generated content is part of the accessible name).
 */
const named = (label: string, after = '') => new RegExp(`^(✔ )?${escapeRegExp(label)}${after}`);

/**
 * A plain mouse click, after Playwright's checks that the button is visible, steady and the one
 * that receives the click (nothing covers it).
 */
const click = (button: Locator) => button.click();

/** The first action in a track the player could add now (not pressed, not aria-disabled). */
const openAction = (page: Page, track: string) =>
  layerOf(page)
    .getByRole('region', { name: track, exact: true })
    .getByRole('button', { pressed: false, disabled: false })
    .first();

test('a whole game played by clicking the DOM layer only', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openGame(page);
  const layer = layerOf(page);

  // The text view: the DOM layer's own "Text view" button.
  // The layer is visually hidden until then: reach its "Text view" button as a keyboard or
  // screen-reader user does (focus, Enter).
  const textView = layer.getByRole('button', { name: named('Text view') });
  await textView.focus();
  await textView.press('Enter');
  await expect(layer).toHaveClass(/visible/);
  await expect(layer.getByRole('button', { name: named('Text view') })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // From here on the layer covers the canvas: ordinary clicks land on its buttons.
  await expect(layer).toBeInViewport();

  await click(layer.getByRole('button', { name: named('Ukraine') }));
  await expect(layer.getByRole('button', { name: named('Ukraine') })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(layer.getByRole('button', { name: named('United States') })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await click(layer.getByRole('button', { name: named('United States') }));
  await expect(layer.getByRole('button', { name: named('United States') })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const seed = layer.getByRole('textbox', { name: /Seed/ });
  // A seed whose game, played this way, ends by about turn 4: the suite stays quick.
  await seed.fill('e2e-dom-5');
  await seed.press('Enter');
  await expect(layer.getByRole('button', { name: /Start a new game/ })).toContainText(
    'seed "e2e-dom-5"',
  );

  await click(layer.getByRole('button', { name: /Start a new game/ }));
  await waitForScreen(page, 'briefing');
  await expect(layer.getByRole('heading', { level: 1, name: 'Briefing' })).toBeVisible();
  await click(layer.getByRole('button', { name: /Enter the crisis room/ }));
  await waitForScreen(page, 'crisis');
  expect((await gameState(page))!.seed).toBe('e2e-dom-5');

  // A locked action: aria-disabled, and clicking it leaves a notice and changes nothing.
  const locked = layer.locator('button[data-control^="action-"][aria-disabled="true"]').first();
  await expect(locked).toHaveAccessibleDescription(/Locked:/);
  await expect(locked).toHaveAttribute('aria-pressed', 'false');
  const lockedName = ((await locked.getAttribute('aria-label')) ?? '').split(' (')[0]!;
  const hashBefore = await gameHash(page);
  // force: Playwright will not click an aria-disabled button; a person can.
  await locked.click({ force: true });
  const notice = layer.getByRole('status');
  await expect(notice).toContainText(`${lockedName}`);
  await expect(notice).toContainText('is not available now');
  await expect(notice).toContainText('Locked:');
  await expect(layer.getByRole('button', { name: /^End turn without orders/ })).toHaveCount(1);
  expect(await selectedActions(page)).toEqual([]);
  expect(await gameHash(page)).toBe(hashBefore);
  await expect(layer.getByRole('button', { name: named(lockedName, ' \\(') })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  const chosen: string[][] = [];
  for (
    let i = 0;
    i < MAX_TURNS && (await page.evaluate(() => window.brink.screen())) === 'crisis';
    i++
  ) {
    const turn = (await gameState(page))!.turn;
    const track = TRACKS[(turn - 1) % TRACKS.length]!;
    const action = openAction(page, track);
    const name = ((await action.textContent()) ?? '').split(' (')[0]!;
    const button = layer.getByRole('button', { name: named(name, ' \\(') });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await click(button);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(notice).toContainText(`Selected: ${name}`);
    if (turn === 1) {
      // Toggling twice: off, then on again.
      await click(button);
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      await expect(notice).toContainText(`Removed: ${name}`);
      await click(button);
      await expect(button).toHaveAttribute('aria-pressed', 'true');
    }
    chosen.push(await selectedActions(page));
    await click(layer.getByRole('button', { name: /^End turn with 1 order/ }));
    await waitForScreen(page, 'resolution');
    await expect(layer.getByRole('heading', { level: 1 })).toHaveText(
      `What happened — turn ${turn}`,
    );
    await click(layer.getByRole('button', { name: /On to turn|See the debrief/ }));
    await page.waitForFunction(() => ['crisis', 'debrief'].includes(window.brink.screen()));
  }

  await waitForScreen(page, 'debrief');
  await expect(layer.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
  await expect(layer.getByRole('heading', { name: /^Your score: \d+ of 100/ })).toBeVisible();
  const state = (await gameState(page))!;
  expect(state.phase).toBe('over');
  expect(chosen.every((c) => c.length === 1)).toBe(true);
  expect(humanOrders((await gameRecord(page))!, 'us')).toEqual(chosen);
  expect(errors).toEqual([]);
});

// Regression: a single mouse click on a DOM-layer button that did not have focus used to be lost
// (the focus it gave rebuilt the layer between press and release).
test('one plain mouse click on an unfocused DOM-layer button works', async ({ page }) => {
  await openGame(page);
  await page.keyboard.press('t');
  const layer = layerOf(page);
  await expect(layer).toHaveClass(/visible/);
  const eu = layer.getByRole('button', { name: named('European Union') });
  await eu.click();
  await expect(eu).toHaveAttribute('aria-pressed', 'true', { timeout: 3000 });
});

// Regression: mouse presses on the text view used to reach the canvas hidden under it (Phaser
// listens for mousedown on the window and hit-tests its own objects), so a press over where the
// crisis room draws a meter opened that meter's "Why did it move?" panel.
test('a mouse press on the text view does not reach the canvas under it', async ({ page }) => {
  await openGame(page);
  await startByKeyboard(page, '1', 'e2e-through');
  await page.keyboard.press('t');
  const layer = layerOf(page);
  await expect(layer).toHaveClass(/visible/);
  // The crisis room draws the Tension meter at about (860–1580, 110–150) on the 1600×1000 canvas,
  // which fills this 1600×1000 viewport; the text view covers it with plain text there.
  await page.mouse.click(1300, 130);
  await settle(page, 300);
  await expect(layer.locator('#section-why')).toHaveCount(0);
  await expect(layer.getByRole('button', { name: /^(✔ )?Why:/, pressed: true })).toHaveCount(0);
  expect(await page.evaluate(() => window.brink.screen())).toBe('crisis');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
