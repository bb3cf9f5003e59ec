import { packageBuild } from '../../tsup.package';

export default packageBuild({
  // One entry per subpath export: an app (or a browser bundle) loads only the benchmarks it imports.
  entry: {
    index: 'src/index.ts',
    nb201: 'src/nb201/index.ts',
    synthetic: 'src/synthetic/index.ts',
    nb301: 'src/nb301/index.ts',
    jahs: 'src/jahs/index.ts',
    'onnx-surrogate': 'src/onnxSurrogate/index.ts',
    nashpobench2: 'src/nashpobench2/index.ts',
  },
  // Shared modules (the session cache, the loaded table, BenchmarkError) exist once across subpaths,
  // in CommonJS too.
  splitting: true,
  // import.meta.url (finding the package's data folder) in the CommonJS build.
  shims: true,
});
