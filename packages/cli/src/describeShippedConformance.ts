import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '@jahskit/core';
import { describeRegistryConformance } from '@jahskit/core/testing';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { conformanceSpaces } from '@jahskit/spaces/testing';
import { defaultModules } from './defaultModules';

/**
 * The conformance kit over every plugin the CLI ships: registering a module in defaultModules() is
 * enough for it to be tested. The optimizers are spread over the slices `conformance*.test.ts` (the
 * spaces and benchmarks go with slice 0), so that the test runner runs them in parallel.
 */
export function describeShippedConformance(slice: { readonly index: number; readonly of: number }): void {
  const registry = createRegistry(defaultModules());
  describeRegistryConformance(registry, {
    spaces: conformanceSpaces,
    slice,
    benchmarkFor: (descriptor) => {
      const instance = descriptor.capabilities.objectives === 'multi' ? 'zdt1' : 'branin';
      return async () => createSyntheticBenchmark({ instance, maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
    },
    benchmarkOptions: {
      synthetic: [{}, { instance: 'hartmann6' }, { instance: 'dtlz2-3', noise: 0.1 }],
      // The generic ONNX surrogate, on the folder that nb301 itself is built from.
      // NAS-HPO-Bench-II on fixture pickles in the official shapes (the real files are a separate download).
      nashpobench2: [
        {
          dataDir: fileURLToPath(new URL('../../benchmarks/src/nashpobench2/fixtures', import.meta.url)),
          cacheDir: mkdtempSync(join(tmpdir(), 'jahskit-nhb2-')),
        },
      ],
      'onnx-surrogate': [{ dir: fileURLToPath(new URL('../../benchmarks/data/nb301', import.meta.url)) }],
    },
  });
}
