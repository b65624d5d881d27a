#!/usr/bin/env node
// The one test command (`npm test`). Runs every check in order and never stops early:
// typecheck, lint, format check, Vitest (installing redis-server first, as root, if missing), and
// Playwright end-to-end tests when tests/e2e has specs.
// Typecheck, lint and format each count as one test. Ends with the plain line `N passed, N failed`
// (CI reads it) and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const E2E_DIR = join(ROOT, 'tests', 'e2e');
const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y chromium';
const REDIS_INSTALL = 'apt-get update && apt-get install -y redis-server';

const scratch = mkdtempSync(join(tmpdir(), 'brink-test-'));

function banner(title) {
  console.log(`\n=== ${title} ===`);
}

/** Runs a command with inherited output; returns its exit code (1 if it could not start). */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) {
    console.error(`could not run ${command}: ${result.error.message}`);
    return 1;
  }
  // Ctrl-C reaches the child too: stop the whole run rather than carry on to the next step.
  if (result.signal === 'SIGINT') process.exit(130);
  return result.status ?? 1;
}

function localBin(name) {
  const path = join(ROOT, 'node_modules', '.bin', name);
  return existsSync(path) ? path : undefined;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A check that passes or fails as a whole: one test. */
function npmScript(script) {
  const code = run('npm', ['run', script]);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/**
 * The live-class server's two-process test needs Debian's redis-server: installed here as root
 * before the tests run (the test would install it too, but inside a test it races the others).
 */
function ensureRedis() {
  if (run('sh', ['-c', 'command -v redis-server >/dev/null']) === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `redis-server not found; the Redis test will fail. Install it (as root: ${REDIS_INSTALL}).`,
    );
    return;
  }
  console.log(`redis-server not found; installing: ${REDIS_INSTALL}`);
  run('sh', ['-c', REDIS_INSTALL], { DEBIAN_FRONTEND: 'noninteractive' });
}

function vitest() {
  ensureRedis();
  const bin = localBin('vitest');
  if (!bin) return { passed: 0, failed: 1, note: 'vitest is not installed (run npm install)' };
  const output = join(scratch, 'vitest.json');
  const code = run(bin, ['run', '--reporter=default', '--reporter=json', `--outputFile=${output}`]);
  const report = readJson(output);
  if (!report) return { passed: 0, failed: 1, note: `vitest wrote no report (exit ${code})` };
  let failed = report.numFailedTests ?? 0;
  // A file that fails to load has no failed test of its own: count the file.
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).some((test) => test.status === 'failed');
    if (file.status === 'failed' && !failedInFile) failed += 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  return { passed: report.numPassedTests ?? 0, failed, note: code !== 0 ? `exit ${code}` : '' };
}

function specFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return specFiles(path);
    return /\.(spec|test)\.[cm]?[jt]s$/.test(entry) ? [path] : [];
  });
}

/** Playwright cannot download browsers here: use the system Chromium, installing it as root. */
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  const present = () => candidates.find((path) => existsSync(path));
  if (present()) return present();
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium not found at /usr/bin/chromium. Install it (as root: ${CHROMIUM_INSTALL})` +
        ' or set CHROMIUM_PATH to a Chromium binary.',
    );
    return undefined;
  }
  console.log(`Chromium not found; installing: ${CHROMIUM_INSTALL}`);
  run('sh', ['-c', CHROMIUM_INSTALL], { DEBIAN_FRONTEND: 'noninteractive' });
  return present();
}

function playwright() {
  const chromium = findChromium();
  if (!chromium) return { passed: 0, failed: 1, note: 'no Chromium' };
  const bin = localBin('playwright');
  if (!bin) return { passed: 0, failed: 1, note: '@playwright/test is not installed' };
  const output = join(scratch, 'playwright.json');
  const code = run(bin, ['test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_FILE: output,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const stats = readJson(output)?.stats;
  if (!stats) return { passed: 0, failed: 1, note: `playwright wrote no report (exit ${code})` };
  let failed = stats.unexpected ?? 0;
  if (code !== 0 && failed === 0) failed = 1;
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  return { passed, failed, note: stats.flaky ? `${stats.flaky} flaky` : '' };
}

const steps = [
  ['typecheck', () => npmScript('typecheck')],
  ['lint', () => npmScript('lint')],
  ['format', () => npmScript('format:check')],
  ['vitest', vitest],
  [
    'e2e',
    () =>
      specFiles(E2E_DIR).length > 0
        ? playwright()
        : { skipped: 'no specs in tests/e2e', passed: 0, failed: 0 },
  ],
];

const results = [];
for (const [name, step] of steps) {
  banner(name);
  const started = Date.now();
  let result;
  try {
    result = step();
  } catch (error) {
    console.error(error);
    result = { passed: 0, failed: 1, note: 'crashed' };
  }
  results.push({ name, seconds: (Date.now() - started) / 1000, ...result });
}
rmSync(scratch, { recursive: true, force: true });

banner('summary');
for (const { name, passed, failed, skipped, note, seconds } of results) {
  const status = skipped ? 'skipped' : failed > 0 ? 'FAILED' : 'ok';
  const counts = skipped ? skipped : `${passed} passed, ${failed} failed`;
  const extra = note ? ` (${note})` : '';
  console.log(`${name.padEnd(10)} ${status.padEnd(8)} ${counts}${extra}  ${seconds.toFixed(1)} s`);
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
