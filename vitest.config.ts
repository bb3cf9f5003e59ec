import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: they start processes (the CLI, grid threads, workers killed mid-run), a browser or
 * a build, or drive the whole CLI with every plugin through thousands of generated command lines (the
 * CLI fuzz suite, 15-18 s: each parser's own fuzz test stays a unit test). The `e2e` project runs them;
 * `unit` runs everything else. `npm test` runs both; `npm run test:unit` only the quick one.
 */
const E2E = [
  'packages/*/src/**/*.int.test.ts',
  'packages/*/src/**/*.browser.test.ts',
  'packages/cli/src/commands/compare.kill.test.ts',
  'packages/cli/src/commands/compare.distributed.test.ts',
  'packages/cli/src/fuzz/cli.fuzz.test.ts',
];

const UNIT = ['packages/*/src/**/*.test.ts', 'docs/**/*.test.ts'];

/**
 * Unit test files that mock modules (vi.mock) or re-import them (vi.resetModules), or that check what
 * a first load does (nashpobench2's table is kept per process once loaded, so a file of the same
 * worker that loaded it first would leave no cache to check).
 */
const NEEDS_ISOLATION = [
  'packages/storage/src/file/FileJournalStorage.noHardLinks.test.ts',
  'packages/benchmarks/src/surrogate/onnxRuntime.test.ts',
  'packages/benchmarks/src/nashpobench2/nashpobench2.test.ts',
];

export default defineConfig({
  resolve: {
    // Resolve @jahskit/* to their TypeScript sources, so tests never need a build.
    conditions: ['@jahskit/source'],
  },
  ssr: { resolve: { conditions: ['@jahskit/source'] } },
  test: {
    // Each prepares what the selected test files need, and only then (see the files): PostgreSQL, a
    // Chromium for the browser tests, a fresh build for the packaging test. Every project runs them;
    // the second finds the server, the browser and the build already there.
    globalSetup: [
      './packages/storage/scripts/postgresGlobalSetup.ts',
      './packages/cli/scripts/chromiumGlobalSetup.ts',
      './packages/cli/scripts/buildGlobalSetup.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker per core. Vitest's default leaves one core to its main process, which here is idle
    // while the workers run: on this 2-core machine that ran the whole suite in one worker (unit tests
    // 173 s in one worker, 125 s in two, measured side by side under the same load).
    maxWorkers: availableParallelism(),
    projects: [
      // Unit test files share their workers' module cache (no isolation): importing the packages
      // again for each of 200 files took 123 of the suite's CPU seconds, 21 without. Files that mock
      // modules or reset the module registry need a fresh one and run isolated.
      { extends: true, test: { name: 'unit', include: UNIT, exclude: [...E2E, ...NEEDS_ISOLATION], isolate: false } },
      { extends: true, test: { name: 'unit-isolated', include: NEEDS_ISOLATION } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts'],
    },
  },
});
