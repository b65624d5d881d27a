// Classroom play in the game itself: hot seat with hidden orders, reasons, facilitator mode.
import { expect, test, type Page } from '@playwright/test';
import { control, gameRecord, gameState, openGame, screenshot, typeSeed } from './support';

const screen = (page: Page) => page.evaluate(() => window.brink.screen());
const domText = (page: Page) => page.locator('#dom-layer').innerText();

test('hot seat never shows one role’s orders to another before the turn resolves', async ({
  page,
}) => {
  await openGame(page);
  await page.keyboard.press('h');
  await page.keyboard.press('4'); // Russia joins the United States
  await typeSeed(page, 'e2e-hotseat');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('crisis');
  expect((await gameState(page))!.humans).toEqual(['us', 'russia']);
  await page.keyboard.press('t'); // text view: click the DOM layer's buttons
  const usAction = control(page, 'action-us.leadersCall');
  await usAction.click();
  await expect(usAction).toHaveAttribute('aria-pressed', 'true');
  await page.locator('#rationale-input').fill('Open the channel first.');
  await control(page, 'end-turn').click();
  await expect.poll(() => screen(page)).toBe('pass');
  expect(await domText(page)).not.toContain("Leaders' call with Putin");
  await screenshot(page, 'hot-seat-pass');
  await control(page, 'take-seat').click();
  await expect.poll(() => screen(page)).toBe('crisis');
  const text = await domText(page);
  expect(text).toContain('Crisis room — Russia');
  expect(text).not.toContain('Open the channel first.');
  expect(
    await page.locator('#dom-layer [aria-pressed="true"][data-control^="action-"]').count(),
  ).toBe(0);
  await control(page, 'end-turn').click();
  await expect.poll(() => screen(page)).toBe('resolution');
  const orders = page.locator('#dom-layer #section-orders');
  await expect(orders).toContainText("Leaders' call with Putin");
  await expect(orders).toContainText('Open the channel first.');
  const record = (await gameRecord(page))!;
  expect(
    record.orders
      .filter((o) => o.type === 'orders/submitted')
      .map((o) => o.type === 'orders/submitted' && o.role),
  ).toEqual(['us', 'russia']);
});

test('facilitator mode: a class code, a clock, and an inject recorded as an order', async ({
  page,
  browser,
}) => {
  await openGame(page);
  await typeSeed(page, 'class:round:2'); // a seed with colons survives the code
  await page.keyboard.press('f');
  const code = (
    (await control(page, 'facilitator').locator('.detail').textContent()) ?? ''
  ).replace('class code ', '');
  expect(code).toMatch(/^ukraine-2021@\d+\.\d+\.\d+:class%3Around%3A2:5:us$/);
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('crisis');
  await page.keyboard.press('p'); // start the clock
  await page.keyboard.press('t');
  await expect(page.locator('#dom-layer #section-status')).toContainText('Time left this turn');
  await control(page, 'inject').click();
  const inject = page.locator('#dom-layer [data-control^="inject-"]').first();
  const eventId = ((await inject.getAttribute('data-control')) ?? '').replace('inject-', '');
  await inject.click();
  await expect(page.locator('#dom-layer .notice')).toContainText(
    'will happen when this turn resolves',
  );
  await control(page, 'end-turn').click();
  await expect.poll(() => screen(page)).toBe('resolution');
  const record = (await gameRecord(page))!;
  expect(record.orders[0]).toEqual({ type: 'facilitator/eventInjected', event: eventId });
  expect(record.clock).toBe(5);
  expect((await gameState(page))!.reports[0]!.events).toContain(eventId);

  // A student joins with the code: same seed.
  const student = await browser.newPage();
  await student.goto('/');
  await student.waitForFunction(
    () => window.brink !== undefined && window.brink.scene() !== 'Boot',
  );
  await student.keyboard.press('j');
  await student.keyboard.type(code);
  await student.keyboard.press('Enter');
  await expect(student.locator('#dom-layer .notice')).toContainText('Class code accepted');
  await expect(student.locator('#dom-layer [data-control="new-game"]')).toContainText(
    'class:round:2',
  );
  await student.keyboard.press('j');
  await student.keyboard.type('ukraine-2021:seed:1e1');
  await student.keyboard.press('Enter');
  await expect(student.locator('#dom-layer .notice')).toContainText(
    'minutes in that class code ("1e1") must be a whole number',
  );
  await student.keyboard.press('j');
  await student.keyboard.type('not a code');
  await student.keyboard.press('Enter');
  await expect(student.locator('#dom-layer .notice')).toContainText('A class code has three parts');
  await student.close();
});

test('dyad mode: the partner confirms each turn, and a refusal is kept for the debrief', async ({
  page,
}) => {
  await openGame(page);
  await page.keyboard.press('y');
  await typeSeed(page, 'e2e-dyad');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('crisis');
  await page.keyboard.press('t');
  await control(page, 'action-us.leadersCall').click();
  await control(page, 'end-turn').click();
  await expect.poll(() => screen(page)).toBe('confirm');
  await expect(page.locator('#dom-layer #section-proposal')).toContainText(
    "Leaders' call with Putin",
  );
  await control(page, 'dispute').click();
  await expect.poll(() => screen(page)).toBe('crisis');
  await expect(page.locator('#dom-layer .notice')).toContainText('Disagreement noted');
  await control(page, 'end-turn').click();
  await control(page, 'confirm').click();
  await expect.poll(() => screen(page)).toBe('resolution');
  const state = (await gameState(page))!;
  expect(state.disputes).toEqual([{ turn: 1, role: 'us', actions: ['us.leadersCall'] }]);
  const record = (await gameRecord(page))!;
  expect(record.orders.map((o) => o.type)).toEqual([
    'orders/disputed',
    'orders/submitted',
    'turn/ended',
  ]);
});
