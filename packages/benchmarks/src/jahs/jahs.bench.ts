import { bench, describe } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { bareRunner, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { createJahsBenchmark } from './createJahsBenchmark';
import { JAHS_MANIFEST } from './jahsManifest';

// One thread (the default). Batched figures: evaluations/s = hz x 4096.
const BATCH = 4096;
const jahs = await createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1 });
const requests = sampleRequests(jahs, BATCH);
const single = requests.slice(0, 1);
const bare = await bareRunner(jahs, JAHS_MANIFEST, packageDataPath('jahs', JAHS_MANIFEST.model.file), requests);

describe(`jahs, batch of ${BATCH}`, () => {
  bench('bare session.run (pre-encoded, same chunks)', bare, { time: 3000 });
  bench('jahs.evaluate (validate + encode + run + results)', async () => {
    await jahs.evaluate(requests);
  }, { time: 3000 });
});

describe('jahs, one evaluation', () => {
  bench('jahs.evaluate([one])', async () => {
    await jahs.evaluate(single);
  }, { time: 1000 });
});
