// End-to-end tests of the browser game: the built site (`vite build` + `vite preview`) in the
// system Chromium. Playwright cannot download its own browser here; scripts/test-all.mjs passes
// the Chromium it found as CHROMIUM_PATH and reads the JSON report (it also passes
// `--reporter=list,json` and PLAYWRIGHT_JSON_OUTPUT_FILE, which take precedence over this file).
import { defineConfig } from '@playwright/test';

// BRINK_E2E_PORT lets two runs work side by side (each builds into its own folder).
const port = Number(process.env.BRINK_E2E_PORT ?? 4173);
const outDir = port === 4173 ? 'dist' : `dist-e2e-${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one browser at a time, so timings stay honest and nothing starves the server.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'playwright-report/results.json' },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
