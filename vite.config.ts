/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  // A static site that works from any folder (file server, USB stick, school intranet).
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The game, the two classroom pages (class view, printable material) and the live class
      // (the only page that loads colyseus.js: it needs `npm run serve` behind it).
      input: {
        main: `${import.meta.dirname}/index.html`,
        class: `${import.meta.dirname}/class.html`,
        print: `${import.meta.dirname}/print.html`,
        live: `${import.meta.dirname}/live.html`,
      },
      output: {
        // Phaser in its own chunk: it changes rarely and is most of the download.
        // A scenario folder's files in one chunk named after it; each archived version (a single
        // file in scenarios/archive/) keeps a chunk of its own, named after its file.
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            {
              debugName: 'scenarios',
              name: (id) => {
                const folder = /[\\/]scenarios[\\/]([^\\/]+)[\\/]/.exec(id)?.[1];
                return folder && folder !== 'archive' ? folder : null;
              },
            },
          ],
        },
      },
    },
  },
  // Phaser from its source without the physics engines (the game uses none): a smaller first
  // download. Its source asks for the renderers and features through these build flags.
  resolve: {
    alias: [
      {
        find: /^phaser$/,
        replacement: `${import.meta.dirname}/node_modules/phaser/src/phaser-no-physics.js`,
      },
    ],
  },
  define: {
    'typeof WEBGL_RENDERER': 'true',
    'typeof CANVAS_RENDERER': 'true',
    'typeof WEBGL_DEBUG': 'false',
    'typeof FEATURE_SOUND': 'true',
    'typeof PLUGIN_CAMERA3D': 'false',
    'typeof PLUGIN_FBINSTANT': 'false',
    // Phaser's source ends with global.Phaser = Phaser (webpack's global).
    global: 'globalThis',
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
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
