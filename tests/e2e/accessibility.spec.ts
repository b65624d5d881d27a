// Accessibility basics of the DOM layer on each screen (the debrief's are checked at the end of
// the keyboard game): each button is exposed as a button with a non-empty accessible name, each
// screen has one top heading, and the live region announces what a resolved turn did.
import { expect, test } from '@playwright/test';
import {
  accessibleButtons,
  continueByKeyboard,
  endTurnByKeyboard,
  expectNamedButtons,
  openGame,
  pickByKeyboard,
  typeSeed,
  waitForScreen,
} from './support';

test('every DOM-layer button is named, and the announcer reports a resolved turn', async ({
  page,
}) => {
  await openGame(page);
  await expect(page.locator('#game')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('main', { name: /text version/ })).toHaveCount(1);
  const announcer = page.locator('#announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expectNamedButtons(page, 'title');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(1);
  await expectNamedButtons(page, 'title, key map');
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await expect(page.getByRole('dialog', { name: 'Glossary' })).toHaveCount(1);
  await expectNamedButtons(page, 'title, glossary');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('2');
  await typeSeed(page, 'e2e-a11y');

  await page.keyboard.press('n');
  await waitForScreen(page, 'briefing');
  await expectNamedButtons(page, 'briefing');
  await expect(announcer).toContainText('Briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'crisis');
  await expectNamedButtons(page, 'crisis room');
  await expect(announcer).toContainText('Crisis room');
  expect(await pickByKeyboard(page, 2)).toHaveLength(2);
  const chosen = await page
    .locator('#dom-layer button[data-control^="action-"][aria-pressed="true"]')
    .evaluateAll((buttons) => buttons.map((b) => b.firstChild!.textContent!.split(' (')[0]!));
  // Chosen actions are pressed toggle buttons, named by their label alone.
  await expect(
    page.locator('#dom-layer').getByRole('button', { pressed: true, name: /\(\d\)$/ }),
  ).toHaveCount(2);
  const names = await accessibleButtons(page);
  for (const name of chosen) expect(names.some((n) => n?.startsWith(name))).toBe(true);
  await expectNamedButtons(page, 'crisis room, orders chosen');

  await endTurnByKeyboard(page);
  await expectNamedButtons(page, 'resolution');
  await expect(announcer).toContainText('What happened — turn 1');
  await expect(announcer).toContainText('What every side did');
  // The summary says what this player ordered.
  await expect(announcer).toContainText('European Union');
  for (const name of chosen) await expect(announcer).toContainText(name);

  // The next turn is announced as well.
  expect(await continueByKeyboard(page)).toBe('crisis');
  await expectNamedButtons(page, 'crisis room, turn 2');
  const turn = await endTurnByKeyboard(page);
  await expect(announcer).toContainText(`What happened — turn ${turn}`);
});
