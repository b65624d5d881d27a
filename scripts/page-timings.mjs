#!/usr/bin/env node
// Page timings of the built game, by hand (never run by the tests; nothing is asserted):
//   node scripts/page-timings.mjs [--runs 5] [--no-build] [--port 4183]
// Builds dist/ (unless --no-build), serves it with `vite preview` on its own port, and measures in
// the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium), each run in a fresh context:
//   - navigation to the title scene (first animation frame with brink.scene() === 'Title'),
//   - N to the briefing, and Enter to the first crisis-room frame,
//   - ending a turn: E keydown to the first resolution frame, and the long tasks (main-thread
//     work over 50 ms, from a PerformanceObserver) in between and until the resolution has been
//     on screen for half a second,
//   - moving the cursor: ArrowDown keydown to the next frame in the crisis room, with long tasks,
//   - idle frame intervals on the title and in the crisis room,
//   - luck or choice on the debrief (the rest of the game played without orders): its own time,
// then prints medians (and min–max), and the raw and gzip sizes of dist/assets.
// Times come from the page's own clock (performance.now(), keydown listeners, rAF), so the
// DevTools protocol's latency is not in them. Frames are only as fine as the frame rate: on a
// machine without a GPU, Chromium renders WebGL on the CPU (SwiftShader) and frames are slow.
/* global window, document, requestAnimationFrame -- used in functions that run in the page */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const RUNS = Math.max(1, Number(option('--runs', '5')));
const PORT = Number(option('--port', '4183'));
const BUILD = !args.includes('--no-build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const URL_BASE = `http://127.0.0.1:${PORT}/`;
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value) => `${value.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function build() {
  console.log('Building dist/ (vite build)…');
  const result = spawnSync(VITE, ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

async function startPreview() {
  const server = spawn(VITE, ['preview', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(URL_BASE)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${URL_BASE}:\n${output}`);
}

/**
 * Runs in the page before its scripts: records every keydown, every long task, and for each
 * animation frame the active Phaser scene and when the frame's work was done (a task queued from
 * the frame's rAF callback runs after the frame's scripts and rendering).
 */
function instrument() {
  const marks = { scenes: {}, keys: [], longTasks: [], frames: [] };
  window.__timings = marks;
  document.addEventListener(
    'keydown',
    (event) => marks.keys.push({ key: event.key, t: performance.now() }),
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  const channel = new MessageChannel();
  const pending = [];
  channel.port1.onmessage = () => {
    const record = pending.shift();
    if (record) record.done = performance.now();
  };
  const frame = (t) => {
    const scene = window.brink?.scene?.() ?? null;
    const record = { t, scene, done: NaN };
    marks.frames.push(record);
    if (marks.frames.length > 2000) marks.frames.splice(0, 1000);
    pending.push(record);
    channel.port2.postMessage(null);
    if (scene && marks.scenes[scene] === undefined) marks.scenes[scene] = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function frameIntervals(page, frames = 30) {
  return page.evaluate(
    (count) =>
      new Promise((resolve) => {
        const times = [];
        const step = (t) => {
          times.push(t);
          if (times.length <= count) requestAnimationFrame(step);
          else resolve(median(times.slice(1).map((x, i) => x - times[i])));
        };
        const median = (values) => {
          const sorted = [...values].sort((a, b) => a - b);
          return sorted[Math.floor(sorted.length / 2)];
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
}

/**
 * Presses `key` and measures from its keydown to the end of the first frame showing the result:
 * the first frame on which `scene` is active, or (scene null) the first frame after the keydown.
 * Also sums the long tasks (over 50 ms) from the keydown to that point.
 */
async function timeKey(page, key, scene) {
  const before = await page.evaluate(() => window.__timings.keys.length);
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    ({ before, scene }) => {
      const marks = window.__timings;
      const down = marks.keys[before]?.t;
      if (down === undefined) return null;
      const shown = marks.frames.find(
        (f) => f.t > down && Number.isFinite(f.done) && (scene === null || f.scene === scene),
      );
      if (!shown) return null;
      const tasks = marks.longTasks.filter(
        (task) => task.start + task.duration > down && task.start < shown.done,
      );
      return {
        down,
        shown: shown.done,
        wall: shown.done - down,
        longTasks: tasks.reduce((sum, task) => sum + task.duration, 0),
        longest: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
      };
    },
    { before, scene },
  );
  return handle.jsonValue();
}

/** The files under assets/ that the game page fetched, by name. */
const loadedAssets = new Set();

async function oneRun(browser) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.on('request', (request) => {
    const match = /\/assets\/([^/?#]+)$/.exec(request.url());
    if (match) loadedAssets.add(match[1]);
  });
  await page.addInitScript(instrument);
  const result = {};
  await page.goto(URL_BASE);
  await page.waitForFunction(() => window.__timings?.scenes.Title !== undefined);
  const nav = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      domContentLoaded: entry.domContentLoadedEventEnd,
      load: entry.loadEventEnd,
      fcp: paint ? paint.startTime : NaN,
      title: window.__timings.scenes.Title,
    };
  });
  Object.assign(result, nav);
  result.titleFrame = await frameIntervals(page);

  await page.fill('#seed-input', 'timings');
  await page.press('#seed-input', 'Enter');
  result.toBriefing = (await timeKey(page, 'n', 'Briefing')).wall;
  const crisis = await timeKey(page, 'Enter', 'Crisis');
  result.toCrisis = crisis.wall;
  result.toCrisisLong = crisis.longTasks;
  await page.waitForTimeout(300);
  result.crisisFrame = await frameIntervals(page);

  const cursor = await timeKey(page, 'ArrowDown', null);
  result.cursor = cursor.wall;
  result.cursorLong = cursor.longTasks;

  await page.waitForTimeout(300);
  const turn = await timeKey(page, 'e', 'Resolution');
  result.endTurn = turn.wall;
  result.endTurnLong = turn.longTasks;
  result.endTurnLongest = turn.longest;
  // The bar for a turn's end: long tasks from E until the resolution has been on screen
  // for half a second (its meters animate then).
  await page.waitForTimeout(800);
  result.endTurnSettled = await page.evaluate(
    ({ from, to }) =>
      window.__timings.longTasks
        .filter((task) => task.start + task.duration > from && task.start < to)
        .reduce((sum, task) => sum + task.duration, 0),
    { from: turn.down, to: turn.shown + 500 },
  );

  // Luck or choice: the rest of the game without orders, then K on the debrief; the page times
  // the run itself (from the press to the merged result of its workers) and says it in the notice.
  await page.keyboard.press('Enter');
  for (let turn = 0; turn < 40; turn++) {
    if ((await page.evaluate(() => window.brink.screen())) === 'debrief') break;
    await page.waitForFunction(() => ['crisis', 'debrief'].includes(window.brink.screen()));
    if ((await page.evaluate(() => window.brink.screen())) === 'debrief') break;
    await page.keyboard.press('e');
    await page.waitForFunction(() => window.brink.screen() !== 'crisis');
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction(() => window.brink.scene() === 'Debrief');
  await page.waitForTimeout(300);
  await page.keyboard.press('k');
  const notice = page.locator('#dom-layer .notice');
  await notice.filter({ hasText: 'Luck or choice: done in' }).waitFor({ timeout: 120_000 });
  const said = /done in ([\d.]+) s/.exec(await notice.innerText());
  result.luck = said ? Number(said[1]) * 1000 : NaN;
  await context.close();
  return result;
}

function assetSizes() {
  const dir = join(ROOT, 'dist', 'assets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(js|css|json)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, raw: statSync(join(dir, name)).size, gzip: gzipSync(bytes).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

function chunkKind(name) {
  if (/^phaser-game-/.test(name)) return 'scenes (Phaser side)';
  if (/^phaser-/.test(name)) return 'Phaser';
  return '';
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  if (BUILD) build();
  else if (!existsSync(join(ROOT, 'dist', 'index.html')))
    throw new Error('dist/ is missing: run without --no-build');
  const server = await startPreview();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      process.stdout.write(`run ${i + 1}/${RUNS}…\r`);
      runs.push(await oneRun(browser));
    }
  } finally {
    await browser.close();
    server.kill();
  }

  const rows = [
    ['first contentful paint', 'fcp'],
    ['DOMContentLoaded', 'domContentLoaded'],
    ['load event', 'load'],
    ['navigation → first title-scene frame', 'title'],
    ['N → end of first briefing frame', 'toBriefing'],
    ['Enter → end of first crisis-room frame', 'toCrisis'],
    ['  long tasks in it', 'toCrisisLong'],
    ['E → end of first resolution frame', 'endTurn'],
    ['  long tasks in it (main thread)', 'endTurnLong'],
    ['  longest single task', 'endTurnLongest'],
    ['  long tasks until it was shown 0.5 s', 'endTurnSettled'],
    ['ArrowDown → end of next frame (cursor move)', 'cursor'],
    ['  long tasks in it', 'cursorLong'],
    ['idle frame interval, title', 'titleFrame'],
    ['idle frame interval, crisis room', 'crisisFrame'],
    ['luck or choice, 1,000 seeds (as the page says)', 'luck'],
  ];
  console.log(`\nPage timings, ${RUNS} run(s), Chromium ${browser.version()} (median, min–max):`);
  for (const [label, key] of rows) {
    const values = runs.map((run) => run[key]).filter((value) => Number.isFinite(value));
    if (values.length === 0) continue;
    const low = Math.min(...values);
    const high = Math.max(...values);
    console.log(
      `  ${label.padEnd(46)} ${ms(median(values)).padStart(8)}   (${ms(low)}–${ms(high)})`,
    );
  }

  const sizes = assetSizes();
  console.log('\nBuilt assets (gzip with node:zlib, default level; * = fetched by the game page):');
  for (const { name, raw, gzip } of sizes)
    console.log(
      `  ${loadedAssets.has(name) ? '*' : ' '} ${name.padEnd(32)} ${kb(raw).padStart(10)} raw ${kb(gzip).padStart(10)} gzip  ${chunkKind(name)}`,
    );
  // What the game page itself downloads (the other pages' chunks and workers are not in it).
  const js = sizes.filter((s) => s.name.endsWith('.js') && loadedAssets.has(s.name));
  const isPhaser = (s) => /^phaser-(?!game-)/.test(s.name);
  const total = (list) => list.reduce((sum, s) => sum + s.gzip, 0);
  const app = js.filter((s) => !isPhaser(s));
  console.log(
    `  the game page's JavaScript, gzip: app ${kb(total(app))} (${app.map((s) => s.name).join(', ')})` +
      ` + Phaser ${kb(total(js.filter(isPhaser)))} = ${kb(total(js))}`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
