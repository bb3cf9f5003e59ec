import { packageDataPath } from '../internal/packageDataPath';
import { bareRunner, benchSurrogate, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { createJahsBenchmark } from './createJahsBenchmark';
import { JAHS_MANIFEST } from './jahsManifest';

// One thread (the default). Batched figures: evaluations/s = 4096 / time per batch.
const jahs = await createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1 });
const requests = sampleRequests(jahs, 4096);
await benchSurrogate('jahs', jahs, requests, await bareRunner(jahs, JAHS_MANIFEST, packageDataPath('jahs', JAHS_MANIFEST.model.file), requests), 12);
