/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// For now only the test runner reads this; the Phaser game (index.html → src/game) will be built
// from here later.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // Property tests over many seeds run here: allow them time on a slow 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
