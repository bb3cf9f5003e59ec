import { defineConfig } from 'tsup';

/**
 * The CommonJS build of the library entry (`require('@jahskit/cli')`), run after tsup.config.ts (the
 * ESM build, which cleans dist/). The command itself (bin) stays ESM: it awaits at top level.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['cjs'],
  dts: true,
  clean: false,
  sourcemap: true,
  target: 'node20',
  shims: true,
  esbuildOptions(options) {
    // Keep `import()` as it is: vega and vega-lite (loaded when a report is drawn) are ECMAScript
    // modules with top-level await, which a require() in its place could not load.
    options.supported = { ...options.supported, 'dynamic-import': true };
  },
});
