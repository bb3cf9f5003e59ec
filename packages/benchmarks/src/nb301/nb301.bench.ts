import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { onnxSurrogateManifestSchema } from '../onnxSurrogate/OnnxSurrogateManifest';
import { bareRunner, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { createNb301Benchmark } from './createNb301Benchmark';

// One thread (the default). Batched figures: evaluations/s = hz x 4096.
const BATCH = 4096;
const nb301 = await createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1 });
const manifest = onnxSurrogateManifestSchema.parse(JSON.parse(readFileSync(packageDataPath('nb301', 'manifest.json'), 'utf8')));
const mappings = JSON.parse(readFileSync(packageDataPath('nb301', 'encoding_v2.json'), 'utf8')) as Record<string, Record<string, number>>;
const requests = sampleRequests(nb301, BATCH);
const single = requests.slice(0, 1);
const bare = await bareRunner(nb301, manifest, packageDataPath('nb301', manifest.model.file), requests, mappings);

describe(`nb301, batch of ${BATCH}`, () => {
  bench('bare session.run (pre-encoded, same chunks)', bare, { time: 3000 });
  bench('nb301.evaluate (validate + encode + run + results)', async () => {
    await nb301.evaluate(requests);
  }, { time: 3000 });
});

describe('nb301, one evaluation', () => {
  bench('nb301.evaluate([one])', async () => {
    await nb301.evaluate(single);
  }, { time: 1000 });
});
