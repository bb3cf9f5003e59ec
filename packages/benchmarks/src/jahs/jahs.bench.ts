import { bench, describe } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { bareRunner, interleave, reportInterleaved, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { createJahsBenchmark } from './createJahsBenchmark';
import { JAHS_MANIFEST } from './jahsManifest';

// One thread (the default). Batched figures: evaluations/s = 4096 / time per batch.
const BATCH = 4096;
const jahs = await createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1 });
const requests = sampleRequests(jahs, BATCH);
const single = requests.slice(0, 1);
const bare = await bareRunner(jahs, JAHS_MANIFEST, packageDataPath('jahs', JAHS_MANIFEST.model.file), requests);
const evaluate = async (): Promise<void> => {
  await jahs.evaluate(requests);
};

// The fair comparison: bare and evaluate alternately on the same batch, so both see the same load.
reportInterleaved(
  `jahs, batch of ${BATCH}`,
  BATCH,
  await interleave(
    [
      ['bare session.run', bare],
      ['jahs.evaluate', evaluate],
    ],
    12,
  ),
);
reportInterleaved('jahs, one evaluation', 1, await interleave([['jahs.evaluate([one])', () => jahs.evaluate(single)]], 500, 50));

describe(`jahs, batch of ${BATCH}`, () => {
  bench('bare session.run (pre-encoded, same chunks)', bare, { time: 3000 });
  bench('jahs.evaluate (validate + encode + run + results)', evaluate, { time: 3000 });
});

describe('jahs, one evaluation', () => {
  bench(
    'jahs.evaluate([one])',
    async () => {
      await jahs.evaluate(single);
    },
    { time: 1000 },
  );
});
