import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

// Four suites, one runner: extension units (WXT's fake browser), Preact components (happy-dom),
// the reference server (Node, against PGlite and a real PostgreSQL server) and end-to-end.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'happy-dom', setupFiles: ['tests/setup/indexeddb.ts'] },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: { name: 'component', include: ['tests/component/**/*.test.tsx'], environment: 'happy-dom', setupFiles: ['tests/setup/indexeddb.ts'] },
      },
      {
        // Two files at a time even on two cores: much of a server test is waiting on sockets and the
        // database. A project with its own worker count runs in its own group, after the extension suites.
        test: {
          name: 'server',
          include: ['pbx-server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The built extension in real Chromium against the real server: one file at a time, the
        // machine has two cores and each file runs a browser and a server.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
