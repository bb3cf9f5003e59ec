import { bench, describe } from 'vitest';
import { createJahsBenchmark } from '../jahs/createJahsBenchmark';
import { createNb301Benchmark } from '../nb301/createNb301Benchmark';
import { interleave, reportInterleaved, sampleRequests } from './surrogateBenchFixtures';

// The two ONNX runtimes on the same batches, alternately: onnxruntime-node (native, what an app gets
// when it installs it) and onnxruntime-web (WebAssembly, one thread; what a plain install runs).
const BATCH = 4096;
const loadStarted = { node: 0, web: 0 };
const load = async <T>(runtime: 'node' | 'web', create: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const benchmark = await create();
  loadStarted[runtime] += performance.now() - t0;
  return benchmark;
};
const jahs = {
  node: await load('node', () => createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1, runtime: 'node' })),
  web: await load('web', () => createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1, runtime: 'web' })),
};
const nb301 = {
  node: await load('node', () => createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1, runtime: 'node' })),
  web: await load('web', () => createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1, runtime: 'web' })),
};
console.log(
  `loading jahs and nb301 (first session of each runtime included): onnxruntime-node ${loadStarted.node.toFixed(0)} ms, onnxruntime-web ${loadStarted.web.toFixed(0)} ms`,
);
const jahsRequests = sampleRequests(jahs.node, BATCH);
const nb301Requests = sampleRequests(nb301.node, BATCH);

for (const [id, benchmarks, requests] of [
  ['jahs', jahs, jahsRequests],
  ['nb301', nb301, nb301Requests],
] as const) {
  reportInterleaved(
    `${id}, batch of ${BATCH}`,
    BATCH,
    await interleave(
      [
        ['onnxruntime-node', () => benchmarks.node.evaluate(requests)],
        ['onnxruntime-web', () => benchmarks.web.evaluate(requests)],
      ],
      8,
    ),
  );
}

describe(`jahs, batch of ${BATCH}`, () => {
  bench('onnxruntime-node', async () => void (await jahs.node.evaluate(jahsRequests)), { time: 2000 });
  bench('onnxruntime-web', async () => void (await jahs.web.evaluate(jahsRequests)), { time: 2000 });
});

describe(`nb301, batch of ${BATCH}`, () => {
  bench('onnxruntime-node', async () => void (await nb301.node.evaluate(nb301Requests)), { time: 2000 });
  bench('onnxruntime-web', async () => void (await nb301.web.evaluate(nb301Requests)), { time: 2000 });
});
