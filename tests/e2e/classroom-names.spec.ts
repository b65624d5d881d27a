// Group names made from file names in the class view: long, with underscores, dates and camelCase.
// They wrap at their separators, never letter by letter, and the table of 25 groups fits the
// screen (at 1600 and at 1280 pixels, a projector's width) and a landscape A4 page.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  classGames,
  loadClass,
  loadCore,
  SCREENS_DIR,
  scrollOverflow,
  writeRecords,
  type NamedRecord,
} from './classroom-support';

let games: NamedRecord[];

test.beforeAll(async () => {
  games = classGames(await loadCore(), 25);
});

interface NameCell {
  text: string;
  width: number;
  fontSize: number;
  lines: number;
  /** Parts of the name (text between break points) that were broken across lines. */
  brokenParts: string[];
}

/** How each group's name lies in its cell: width, lines, and any part broken mid-word. */
function nameCells(page: Page, selector: string): Promise<NameCell[]> {
  return page.locator(selector).evaluateAll((cells) =>
    cells.map((cell) => {
      const fontSize = parseFloat(getComputedStyle(cell).fontSize);
      /** The lines a text node's characters lie on (rectangles less than half a letter apart are one line). */
      const lines = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()].map((r) => r.top);
      };
      const count = (tops: number[]) =>
        tops
          .sort((a, b) => a - b)
          .filter((top, i, all) => i === 0 || top - all[i - 1]! > fontSize / 2).length;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const brokenParts: string[] = [];
      const tops: number[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const own = lines(node);
        if (count([...own]) > 1) brokenParts.push(node.textContent ?? '');
        tops.push(...own);
      }
      return {
        text: cell.textContent ?? '',
        width: cell.getBoundingClientRect().width,
        fontSize,
        lines: count(tops),
        brokenParts,
      };
    }),
  );
}

/** Room for the names: at most four lines each, or (where the table is squeezed) ten letters a line. */
type Room = 'four lines' | 'ten letters a line';

function expectReadable(cells: NameCell[], where: string, room: Room): void {
  for (const cell of cells) {
    const what = `${where}: ${cell.text}`;
    // A dozen letters a line at least, and a name on a few lines…
    expect(cell.width, what).toBeGreaterThanOrEqual(cell.fontSize * 8);
    const maxLines = room === 'four lines' ? 4 : Math.ceil(cell.text.length / 10);
    expect(cell.lines, what).toBeLessThanOrEqual(maxLines);
    // …broken after a separator or between the words of camelCase, not inside a word.
    expect(cell.brokenParts, what).toEqual([]);
  }
}

// At 1280 pixels the table is wider than the screen and scrolls sideways, names at their narrowest.
for (const { width, media, fits, room } of [
  { width: 1600, media: 'screen', fits: true, room: 'four lines' },
  { width: 1280, media: 'screen', fits: false, room: 'ten letters a line' },
  // Landscape A4 less the print margins (267 mm).
  { width: 1009, media: 'print', fits: true, room: 'ten letters a line' },
] as const) {
  test(`25 long group names at ${width} pixels (${media}) wrap at sensible points${fits ? ', the table fits' : ''}`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await loadClass(page, writeRecords(testInfo.outputPath('records'), games));
    await page.emulateMedia({ media });
    // The table's first rows, as a projector shows them.
    const table = (await page.locator('#groups-table').boundingBox())!;
    await page.screenshot({
      path: join(SCREENS_DIR, `class-names-table-${width}-${media}.png`),
      clip: { ...table, height: Math.min(table.height, 800) },
      fullPage: true,
    });
    expectReadable(await nameCells(page, '#groups-table tbody th'), 'groups', room);
    expectReadable(await nameCells(page, 'table.partings tbody th'), 'partings', room);
    if (fits)
      expect(await scrollOverflow(page, '#groups-table >> xpath=..')).toBeLessThanOrEqual(1);
  });
}

test('with a class code entered, the table of 25 groups still fits 1600 pixels', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await loadClass(page, writeRecords(testInfo.outputPath('records'), games));
  // Most groups differ from the class's seed: their set-up cells say how, the longest text there.
  await page.getByLabel('Class code (optional)').fill('ukraine-2021:class-0:0');
  await page.getByRole('button', { name: 'Check against the code' }).click();
  await expect(page.getByRole('columnheader', { name: 'Class set-up' })).toBeVisible();
  const table = (await page.locator('#groups-table').boundingBox())!;
  await page.screenshot({
    path: join(SCREENS_DIR, 'class-names-table-class-code.png'),
    clip: { ...table, height: Math.min(table.height, 800) },
    fullPage: true,
  });
  expect(await scrollOverflow(page, '#groups-table >> xpath=..')).toBeLessThanOrEqual(1);
});
