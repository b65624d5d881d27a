// ESLint 9 flat config: JS and typescript-eslint recommended rules, not type-aware (fast).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'dist/',
    'dist-e2e-*/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    '.tmp/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Launchers, scripts and configs run in Node.
  {
    files: [
      '**/*.{js,mjs,cjs}',
      'src/cli/**',
      'src/server/**',
      'scripts/**',
      'tests/**',
      'vite.config.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/game/**', 'src/live/**'],
    languageOptions: { globals: globals.browser },
  },
  // The core imports nothing outside itself: no other layer, no Node, no package but its own few.
  {
    files: ['src/sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/game/*', '**/classroom/*', '**/cli/*', '**/browser/*', '../../*'],
              message: 'src/sim is the pure core: it imports nothing outside itself.',
            },
            { group: ['node:*'], message: 'src/sim is pure: no Node modules.' },
          ],
        },
      ],
    },
  },
  // Layers point one way: the game, the classroom pages and the command line do not import each
  // other; what two browser pages share lives in src/browser, which imports only the core. The
  // live-class server (src/server) uses the core, the command line's scenario loading and the
  // protocol in src/browser/live-protocol.ts; nothing imports the server. The live-class page
  // (src/live) is a browser page like the classroom's: the core and src/browser only.
  ...[
    ['src/game/**', ['classroom', 'cli', 'server', 'live']],
    ['src/classroom/**', ['game', 'cli', 'server', 'live']],
    ['src/cli/**', ['game', 'classroom', 'browser', 'server']],
    ['src/browser/**', ['game', 'classroom', 'cli', 'server', 'live']],
    ['src/server/**', ['game', 'classroom', 'live']],
    ['src/live/**', ['game', 'classroom', 'cli', 'server']],
  ].map(([files, others]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: others.map((layer) => ({
            group: [`**/${layer}/*`],
            message: `src/${layer} is another layer: share code through src/browser or src/sim.`,
          })),
        },
      ],
    },
  })),
);
