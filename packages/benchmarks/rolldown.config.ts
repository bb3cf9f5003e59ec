import { packageBuild } from '../../rolldown.package';

export default packageBuild({
  // One entry per subpath export: an app (or a browser bundle) loads only the benchmarks it imports.
  // Shared modules (the session cache, the loaded table, BenchmarkError) exist once across subpaths.
  entry: {
    index: 'src/index.ts',
    nb201: 'src/nb201/index.ts',
    synthetic: 'src/synthetic/index.ts',
    nb301: 'src/nb301/index.ts',
    jahs: 'src/jahs/index.ts',
    'onnx-surrogate': 'src/onnxSurrogate/index.ts',
    nashpobench2: 'src/nashpobench2/index.ts',
  },
});
