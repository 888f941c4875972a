import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

// Three suites, one runner: extension units (WXT's fake browser), Preact components (happy-dom)
// and the reference server (Node, against PGlite and a real PostgreSQL server).
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
        test: { name: 'server', include: ['pbx-server/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
      },
    ],
  },
});
