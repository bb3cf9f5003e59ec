import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Resolve @jahskit/* to their TypeScript sources, so tests never need a build.
    conditions: ['@jahskit/source'],
  },
  ssr: { resolve: { conditions: ['@jahskit/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'docs/**/*.test.ts'],
    // Each prepares what the selected test files need, and only then (see the files): PostgreSQL, a
    // Chromium for the browser tests, a fresh build for the packaging test.
    globalSetup: ['./packages/storage/scripts/postgresGlobalSetup.ts', './packages/cli/scripts/chromiumGlobalSetup.ts', './packages/cli/scripts/buildGlobalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts'],
    },
  },
});
