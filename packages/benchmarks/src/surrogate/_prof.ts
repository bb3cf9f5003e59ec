import { sampleRequests } from './surrogateBenchFixtures';
import { createNb301Benchmark } from '../nb301/createNb301Benchmark';
const b = await createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1 });
const requests = sampleRequests(b, 4096);
for (let i = 0; i < 60; i++) await b.evaluate(requests);
await b.close?.();
