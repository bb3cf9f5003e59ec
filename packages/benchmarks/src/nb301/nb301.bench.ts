import { readFileSync } from 'node:fs';
import { packageDataPath } from '../internal/packageDataPath';
import { onnxSurrogateManifestSchema } from '../onnxSurrogate/OnnxSurrogateManifest';
import { bareRunner, benchSurrogate, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { createNb301Benchmark } from './createNb301Benchmark';

// One thread (the default). Batched figures: evaluations/s = 4096 / time per batch.
const nb301 = await createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1 });
const manifest = onnxSurrogateManifestSchema.parse(JSON.parse(readFileSync(packageDataPath('nb301', 'manifest.json'), 'utf8')));
const mappings = JSON.parse(readFileSync(packageDataPath('nb301', 'encoding_v2.json'), 'utf8')) as Record<string, Record<string, number>>;
const requests = sampleRequests(nb301, 4096);
await benchSurrogate('nb301', nb301, requests, await bareRunner(nb301, manifest, packageDataPath('nb301', manifest.model.file), requests, mappings), 25);
