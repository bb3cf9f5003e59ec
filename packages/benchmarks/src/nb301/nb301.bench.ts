import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { onnxSurrogateManifestSchema } from '../onnxSurrogate/OnnxSurrogateManifest';
import { bareRunner, interleave, reportInterleaved, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { createNb301Benchmark } from './createNb301Benchmark';

// One thread (the default). Batched figures: evaluations/s = 4096 / time per batch.
const BATCH = 4096;
const nb301 = await createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1 });
const manifest = onnxSurrogateManifestSchema.parse(JSON.parse(readFileSync(packageDataPath('nb301', 'manifest.json'), 'utf8')));
const mappings = JSON.parse(readFileSync(packageDataPath('nb301', 'encoding_v2.json'), 'utf8')) as Record<string, Record<string, number>>;
const requests = sampleRequests(nb301, BATCH);
const single = requests.slice(0, 1);
const bare = await bareRunner(nb301, manifest, packageDataPath('nb301', manifest.model.file), requests, mappings);
const evaluate = async (): Promise<void> => {
  await nb301.evaluate(requests);
};

// The fair comparison: bare and evaluate alternately on the same batch, so both see the same load.
reportInterleaved(
  `nb301, batch of ${BATCH}`,
  BATCH,
  await interleave(
    [
      ['bare session.run', bare],
      ['nb301.evaluate', evaluate],
    ],
    25,
  ),
);
reportInterleaved('nb301, one evaluation', 1, await interleave([['nb301.evaluate([one])', () => nb301.evaluate(single)]], 500, 50));

describe(`nb301, batch of ${BATCH}`, () => {
  bench('bare session.run (pre-encoded, same chunks)', bare, { time: 3000 });
  bench('nb301.evaluate (validate + encode + run + results)', evaluate, { time: 3000 });
});

describe('nb301, one evaluation', () => {
  bench(
    'nb301.evaluate([one])',
    async () => {
      await nb301.evaluate(single);
    },
    { time: 1000 },
  );
});
