import { rmSync } from 'node:fs';
import { describeBenchmarkConformance } from '@jahskit/core/testing';
import { afterAll } from 'vitest';
import { nashpobench2Descriptor } from './nashpobench2Module';
import { NASHPOBENCH2_FIXTURE_DIR, temporaryCacheDir } from './nashpobench2Fixtures';

const cacheDir = temporaryCacheDir();
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

for (const noise of ['mean', 'seed'] as const) {
  describeBenchmarkConformance({
    name: `nashpobench2 (fixtures, noise ${noise})`,
    benchmark: () => nashpobench2Descriptor.create({ dataDir: NASHPOBENCH2_FIXTURE_DIR, cacheDir, noise }, { env: {} }),
  });
}

describeBenchmarkConformance({
  name: 'nashpobench2@12 (fixtures)',
  benchmark: () => nashpobench2Descriptor.create({ dataDir: NASHPOBENCH2_FIXTURE_DIR, cacheDir, noise: 'mean', epochs: 12 }, { env: {} }),
});
