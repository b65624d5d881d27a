// The live class end to end: the built site served by the live-class server (`npm run serve`,
// on its own free port, serving the build this suite makes), a teacher page and
// three student pages in separate browser contexts playing a whole Ukraine game (US, Russia and
// the EU by people, the rest by the computer). Hidden orders stay hidden, a reloaded student keeps
// the seat, a wrong code and a taken seat are refused in words, and every page ends on the same
// hash, which `brink replay` confirms on the record the server saved.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort, serveProcess } from '../live-server';
import { openGame, screenshot } from './support';

const ROOT = join(import.meta.dirname, '..', '..');
// The build the suite's web server made (playwright.config.ts names it after the port).
const E2E_PORT = Number(process.env.BRINK_E2E_PORT ?? 4173);
const DIST = join(ROOT, E2E_PORT === 4173 ? 'dist' : `dist-e2e-${E2E_PORT}`);

interface LiveServer {
  origin: string;
  port: number;
  records: string;
  /** Stops it (SIGKILL: a crash) and, unless kept for another server, removes its records. */
  stop(how?: { crash?: boolean; keepRecords?: boolean }): Promise<void>;
}

/**
 * The live-class server as `npm run serve` starts it, serving the suite's build, in a child
 * process: on a free port with new records, or where a stopped one was (a restart).
 */
async function startLiveServer(where?: { port: number; records: string }): Promise<LiveServer> {
  if (!existsSync(join(DIST, 'live.html')))
    throw new Error(
      `${DIST} has no live.html: the suite's build (playwright.config.ts) is missing`,
    );
  const port = where?.port ?? (await freePort(25800, 25899));
  const records = where?.records ?? mkdtempSync(join(tmpdir(), 'brink-live-e2e-'));
  const server = await serveProcess(port, ['--records', records, '--site', DIST]);
  return {
    origin: server.origin,
    port,
    records,
    stop: async (how = {}) => {
      await server.stop(how.crash ? 'SIGKILL' : 'SIGTERM');
      if (!how.keepRecords) rmSync(records, { recursive: true, force: true });
    },
  };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  return context.newPage();
}

/** The page's visible text. */
const textOf = (page: Page) => page.locator('body').innerText();

const count = (text: string, word: string) => text.split(word).length - 1;

// A step that cannot happen fails in its own words, not at the end of a whole game's timeout.
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

test('without the live-class server, the page says a live class needs npm run serve', async ({
  page,
}) => {
  await openGame(page);
  // The title's "Join a live class…" opens the live page (in this tab or a new one).
  const newTab = page
    .context()
    .waitForEvent('page')
    .catch(() => null);
  const sameTab = page.waitForURL(/live\.html/).then(
    () => page,
    () => null,
  );
  await page.keyboard.press('v');
  const live = (await Promise.race([newTab, sameTab])) ?? page;
  await expect(live).toHaveURL(/live\.html#join$/);
  await expect(live.locator('#live-no-server')).toContainText('npm run serve');
});

test('a live class: a teacher and three students play a whole game to the same hash', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const server = await startLiveServer();
  const live = `${server.origin}/live.html`;
  try {
    // The teacher sets up the class: Ukraine, US, Russia and the EU played by people.
    const teacher = await newPage(browser);
    await teacher.goto(`${live}#host`);
    await teacher.locator('#live-seed').fill('live-e2e');
    await teacher.locator('#live-minutes').fill('5');
    await teacher.locator('#people-ukraine').uncheck();
    await screenshot(teacher, 'live-teacher-setup');
    await teacher.locator('#live-create').click();
    const codeBox = teacher.locator('#live-code');
    await expect(codeBox).toHaveText(/^[A-Z0-9]{5}$/);
    const code = (await codeBox.textContent())!;

    // A wrong code is refused in words.
    const us = await newPage(browser);
    await us.goto(`${live}#join`);
    await us.locator('#live-join-code').fill('QQQQQ');
    await us.locator('#live-join-name').fill('Team Blue');
    await us.locator('#live-find').click();
    await expect(us.getByRole('alert')).toContainText('No class has the code QQQQQ');

    const seat = async (page: Page, name: string, seatId: string) => {
      if (!page.url().includes('live.html')) await page.goto(`${live}#join`);
      await page.locator('#live-join-code').fill(code.toLowerCase());
      await page.locator('#live-join-name').fill(name);
      await page.locator('#live-find').click();
      await page.locator(`[data-seat="${seatId}"]`).click();
      await expect(page.locator('.seat-head h1')).toBeVisible();
    };
    await seat(us, 'Team Blue', 'us');
    await expect(us.locator('.seat-head h1')).toHaveText('United States');
    const russia = await newPage(browser);
    await seat(russia, 'Team Red', 'russia');
    await expect(russia.locator('.seat-head h1')).toHaveText('Russia');

    // A taken seat is refused in words; the student then takes a free one.
    const eu = await newPage(browser);
    await eu.goto(`${live}#join`);
    await eu.locator('#live-join-code').fill(code);
    await eu.locator('#live-join-name').fill('Team Gold');
    await eu.locator('#live-join-name').press('Enter');
    await expect(eu.locator('[data-seat="us"]')).toContainText('taken by Team Blue');
    await screenshot(eu, 'live-student-seats');
    await eu.locator('[data-seat="us"]').click();
    await expect(eu.getByRole('alert')).toContainText('The seat us is taken');
    await eu.locator('[data-seat="eu"]').click();
    await expect(eu.locator('.seat-head h1')).toHaveText('European Union');

    // The projector shows who is in which seat.
    const seats = teacher.locator('.seat-table tbody');
    await expect(seats).toContainText('Team Blue');
    await expect(seats).toContainText('Team Red');
    await expect(seats).toContainText('Team Gold');
    await expect(seats.locator('tr.connected')).toHaveCount(3);

    // The clock: started, paused, extended by a minute.
    await teacher.locator('#live-pause').click();
    await expect(teacher.locator('#live-pause')).toHaveText('Pause the clock');
    await teacher.locator('#live-pause').click();
    await expect(teacher.locator('.clock')).toContainText('(paused)');
    const [m, sec] = (await teacher.locator('.clock').textContent())!.split(/[: ]/).map(Number);
    await teacher.locator('#live-extend').click();
    await expect(teacher.locator('.clock')).toHaveText(
      `${m! + 1}:${String(sec).padStart(2, '0')} (paused)`,
    );

    // An injected event, said back to the teacher.
    await teacher.locator('#live-inject-go').click();
    await expect(teacher.locator('#live-status')).toContainText(
      'will happen when this turn resolves',
    );

    const students = [
      { page: us, role: 'United States' },
      { page: russia, role: 'Russia' },
      { page: eu, role: 'European Union' },
    ];

    /** Chooses the first action card it can afford; returns its name. */
    const choose = async (page: Page): Promise<string | null> => {
      const card = page.locator('button.card:not([disabled])').filter({
        hasNot: page.locator('.card-lock'),
      });
      if ((await card.count()) === 0) return null;
      await card.first().click();
      await expect(card.first()).toHaveAttribute('aria-pressed', 'true');
      return (await card.first().locator('.card-name').textContent())!;
    };

    /** Submits; the last role's orders resolve the turn at once, so only the others wait. */
    const submit = async (page: Page, last = false) => {
      await page.locator('#live-submit').click();
      if (last) return;
      await expect(page.locator('#live-submitted')).toHaveText(
        'Submitted, waiting for the others.',
      );
    };

    let screens = false;
    for (let turn = 1; turn <= 12; turn++) {
      const turnLine = `Turn ${turn} of`;
      for (const s of students) await expect(s.page.locator('.seat-meta')).toContainText(turnLine);
      if (turn === 1) {
        await teacher.evaluate(() => window.scrollTo(0, 0));
        await screenshot(teacher, 'live-teacher-projector');
      }
      if (turn === 3) {
        // The teacher's page reloads and is still the teacher (its resolve below is obeyed).
        await teacher.reload();
        await expect(teacher.locator('#live-code')).toHaveText(code);
        await expect(teacher.locator('.turn-line')).toContainText(turnLine);
      }

      // The United States chooses and submits; nobody else's page shows what it chose.
      const others = [russia, eu, teacher];
      const textsBefore = await Promise.all(others.map(textOf));
      const usChoice = await choose(us);
      if (turn === 1 && !screens) {
        screens = true;
        await screenshot(us, 'live-student-seat');
      }
      await submit(us);
      await expect(teacher.locator('.seat-table tbody tr').first()).toContainText('Submitted');
      if (usChoice) {
        const textsAfter = await Promise.all(others.map(textOf));
        others.forEach((_, i) =>
          expect(count(textsAfter[i]!, usChoice), `another page shows ${usChoice}`).toBe(
            count(textsBefore[i]!, usChoice),
          ),
        );
      }

      if (turn === 5) {
        // A reload after submitting: the seat comes back with its orders in, still hidden from others.
        await us.reload();
        await expect(us.locator('#live-submitted')).toHaveText(
          'Submitted, waiting for the others.',
        );
      }

      if (turn === 2) {
        // Russia's student reloads mid-turn and is back in the seat.
        await russia.reload();
        await expect(russia.locator('.seat-head h1')).toHaveText('Russia');
        await expect(russia.locator('.seat-meta')).toContainText(turnLine);
        await expect(teacher.locator('.seat-table tbody')).toContainText('Team Red');
      }

      if (turn === 4) {
        // The teacher resolves without waiting: the others give no orders this turn.
        await teacher.locator('#live-resolve').click();
      } else {
        await choose(russia);
        await submit(russia);
        await choose(eu);
        await submit(eu, true);
      }

      // The turn resolves on every page, each with the room's hash.
      await expect(teacher.locator('.last-turn h2')).toContainText(`Turn ${turn} `);
      const hash = (await teacher.locator('#live-hash').textContent())!;
      for (const s of students)
        await expect(s.page.locator('#live-hash-check')).toHaveText(
          `Turn ${turn} resolved. This page reached the class’s hash ${hash}.`,
        );
      if (await teacher.locator('.ending').count()) break;
    }

    // The end: every page has the final hash, the record and its share link.
    const finalHash = (await teacher.locator('#live-final-hash').textContent())!;
    expect(finalHash).toMatch(/^[0-9a-f]{8,}$/);
    for (const s of students) {
      await expect(s.page.locator('#live-final-hash')).toHaveText(finalHash);
      await expect(s.page.locator('#live-share-link')).toHaveValue(/index\.html#game=/);
    }
    await teacher.evaluate(() => window.scrollTo(0, 0));
    await screenshot(teacher, 'live-teacher-end');
    await screenshot(eu, 'live-student-end');

    // The class view opens with this session's record, replayed to its hash.
    const classView = await teacher.context().newPage();
    await classView.goto((await teacher.locator('#live-class-view').getAttribute('href'))!);
    await expect(classView.locator('p.summary')).toContainText('1 game: 1 replay');
    await expect(classView.locator('body')).toContainText(finalHash);

    // The record the server saved replays to that hash with the command line.
    const file = join(server.records, `${code}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8')).finalHash).toBe(finalHash);
    const replayed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'replay', '--verify-only', file],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(replayed.status, replayed.stdout + replayed.stderr).toBe(0);
    expect(replayed.stdout).toContain(finalHash);
  } finally {
    await server.stop();
  }
});

test('a dyad proposes, refuses and confirms; the teacher ends the game early', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const server = await startLiveServer();
  const live = `${server.origin}/live.html`;
  try {
    const teacher = await newPage(browser);
    await teacher.goto(`${live}#host`);
    await teacher.locator('#live-scenario').selectOption('cuba-1962');
    await teacher.locator('#people-ussr').uncheck();
    await teacher.locator('#people-cuba').uncheck();
    await teacher.locator('#dyad-us').check();
    await teacher.locator('#live-minutes').fill('0');
    await teacher.locator('#live-create').click();
    await expect(teacher.locator('#live-code')).toHaveText(/^[A-Z0-9]{5}$/);
    const code = (await teacher.locator('#live-code').textContent())!;
    await expect(teacher.locator('.clock')).toHaveText('No clock');

    const partner = async (n: 1 | 2) => {
      const page = await newPage(browser);
      await page.goto(`${live}#join=${code}`);
      await expect(page.locator('#live-join-code')).toHaveValue(code);
      await page.locator('#live-join-name').fill(`Pair ${n}`);
      await page.locator('#live-find').click();
      await page.locator(`[data-seat="us#${n}"]`).click();
      await expect(page.locator('.seat-head h1')).toHaveText(`United States (partner ${n} of 2)`);
      return page;
    };
    const one = await partner(1);
    const two = await partner(2);

    // One proposes; the other sees the proposal and refuses it; both may choose again.
    const card = one.locator('button.card:not([disabled])').first();
    const name = (await card.locator('.card-name').textContent())!;
    await card.click();
    await one.locator('#live-submit').click();
    await expect(one.locator('.proposal')).toHaveText(`You proposed: ${name}`);
    await expect(two.locator('.proposal')).toHaveText(`Your partner proposes: ${name}`);
    await expect(teacher.locator('.seat-table tbody')).toContainText('Proposed');
    await two.locator('#live-refuse').click();
    await expect(one.locator('#live-status')).toContainText('Your partner refused the proposal');
    await expect(two.locator('#live-submit')).toBeVisible();

    // The other proposes no orders; the first confirms: the turn resolves for both.
    await two.locator('#live-submit').click();
    await expect(one.locator('.proposal')).toHaveText('Your partner proposes: no orders');
    await one.locator('#live-confirm').click();
    await expect(teacher.locator('.last-turn h2')).toContainText('Turn 1 ');
    const hash = (await teacher.locator('#live-hash').textContent())!;
    for (const page of [one, two])
      await expect(page.locator('#live-hash-check')).toContainText(`hash ${hash}`);
    await expect(teacher.locator('.last-turn')).toContainText('United States: no orders');

    // The teacher ends the game (two presses): every page has the record at the last resolved turn.
    await teacher.locator('#live-end').click();
    await expect(teacher.locator('#live-end')).toHaveText('Press again to end the game now');
    await teacher.locator('#live-end').click();
    await expect(teacher.locator('.clock')).toHaveText('Ended');
    await expect(teacher.locator('#live-final-hash')).toHaveText(hash);
    for (const page of [one, two]) {
      await expect(page.locator('.end h2')).toHaveText('The teacher ended the game');
      await expect(page.locator('#live-final-hash')).toHaveText(hash);
    }
    const file = join(server.records, `${code}.json`);
    const replayed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'replay', '--verify-only', file],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(replayed.status, replayed.stdout + replayed.stderr).toBe(0);
    expect(replayed.stdout).toContain(hash);
  } finally {
    await server.stop();
  }
});

test('after a server crash, the teacher’s reload resumes the class and the student’s takes the seat back', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  let server = await startLiveServer();
  const live = `${server.origin}/live.html`;
  try {
    const teacher = await newPage(browser);
    await teacher.goto(`${live}#host`);
    for (const role of ['eu', 'ukraine', 'russia'])
      await teacher.locator(`#people-${role}`).uncheck();
    await teacher.locator('#live-minutes').fill('0');
    await teacher.locator('#live-create').click();
    await expect(teacher.locator('#live-code')).toHaveText(/^[A-Z0-9]{5}$/);
    const code = (await teacher.locator('#live-code').textContent())!;

    const us = await newPage(browser);
    await us.goto(`${live}#join=${code}`);
    await us.locator('#live-find').click();
    await us.locator('[data-seat="us"]').click();
    await us.locator('#live-submit').click();
    await expect(us.locator('#live-hash-check')).toContainText('Turn 1 resolved');
    await expect(teacher.locator('.turn-line')).toContainText('Turn 2 of');

    // The server crashes and is started again on the same port with the same records.
    await server.stop({ crash: true, keepRecords: true });
    await expect(us.locator('#live-status')).toContainText('connection to the class was lost');
    server = await startLiveServer({ port: server.port, records: server.records });

    await teacher.reload();
    await expect(teacher.locator('#live-status')).toContainText(`Class ${code} resumed`);
    await expect(teacher.locator('#live-code')).toHaveText(code);
    await expect(teacher.locator('.turn-line')).toContainText('Turn 2 of');
    await us.reload();
    await expect(us.locator('.seat-head h1')).toHaveText('United States');
    await expect(us.locator('.seat-meta')).toContainText('Turn 2 of');

    // The class goes on from where it was saved.
    await us.locator('#live-submit').click();
    await expect(teacher.locator('.last-turn h2')).toContainText('Turn 2 ');
    const hash = (await teacher.locator('#live-hash').textContent())!;
    await expect(us.locator('#live-hash-check')).toContainText(`hash ${hash}`);

    // The student gives the seat up: it is free on the projector at once.
    await us.locator('#live-leave').click();
    await expect(us.locator('#live-join-code')).toHaveValue(code);
    await expect(us.locator('#live-status')).toHaveText(
      'You left your seat. Join again with the class code.',
    );
    await expect(teacher.locator('.seat-table tbody tr').first()).toContainText('Free');
  } finally {
    await server.stop();
  }
});
