import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Resolve @jahskit/* to their TypeScript sources, so tests never need a build.
    conditions: ['@jahskit/source'],
  },
  ssr: { resolve: { conditions: ['@jahskit/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'docs/**/*.test.ts'],
    // Starts PostgreSQL for the test files that need it (see the file).
    globalSetup: ['./packages/storage/scripts/postgresGlobalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts'],
    },
  },
});
