import { defineConfig } from 'tsup';

export default defineConfig({
  // The grid thread is its own entry: threads load dist/gridWorker.js beside the bundle.
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', gridWorker: 'src/compare/gridWorker.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
