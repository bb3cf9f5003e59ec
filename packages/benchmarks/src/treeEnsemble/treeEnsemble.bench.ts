import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { bench, describe } from 'vitest';
import { compileInputEncoder } from '../onnxSurrogate/compileInputEncoder';
import { compileRowReader } from '../onnxSurrogate/compileRowReader';
import { packageDataPath } from '../internal/packageDataPath';
import { createJahsBenchmark } from '../jahs/createJahsBenchmark';
import { JAHS_MANIFEST } from '../jahs/jahsManifest';
import { DEFAULT_SURROGATE_THREADS, surrogateSessionOptions } from '../surrogate/surrogateSessionOptions';
import { interleave, reportInterleaved, sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { readOnnxGraph } from './readOnnxGraph';
import { treeEnsembleFromOnnx } from './treeEnsembleFromOnnx';

// jahskit's tree-ensemble evaluator against onnxruntime-node on one thread (the default of both),
// on the shipped JAHS model: the same encoded rows, in chunks of the manifest's size, interleaved.
const BATCH = 4096;
const WIDTH = 41;
const bytes = readFileSync(packageDataPath('jahs', JAHS_MANIFEST.model.file));
const load = (): ReturnType<typeof treeEnsembleFromOnnx> => treeEnsembleFromOnnx(readOnnxGraph(bytes));
const found = load();
if (!('model' in found)) throw new Error(found.reason);
const { ensemble } = found.model;
const session = await ort.InferenceSession.create(bytes, surrogateSessionOptions(DEFAULT_SURROGATE_THREADS));

const jahs = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'joint', intraOpNumThreads: 1, runtime: 'node' });
const config = compileRowReader(jahs.space.parameters, []);
const fidelity = compileRowReader(jahs.fidelitySpace.parameters, []);
const encoder = compileInputEncoder(JAHS_MANIFEST.inputs, { config, fidelity });
const buffers = encoder.allocate(BATCH);
sampleRequests(jahs, BATCH).forEach((r, i) => {
  config.read(r.config);
  fidelity.read(r.fidelity);
  encoder.encode(i, buffers);
});
await jahs.close?.();
const x = buffers[0]!.data as Float32Array;
const chunk = JAHS_MANIFEST.model.chunkSize;

const viaEvaluator = async (rows: number): Promise<void> => {
  for (let start = 0; start < rows; start += chunk)
    ensemble.predict(x.subarray(start * WIDTH, (start + Math.min(chunk, rows - start)) * WIDTH), Math.min(chunk, rows - start), WIDTH);
};
const viaOnnxRuntime = async (rows: number): Promise<void> => {
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    await session.run({ X: new ort.Tensor(x.subarray(start * WIDTH, (start + n) * WIDTH), [n, WIDTH]) });
  }
};

reportInterleaved(
  `JAHS model, batch of ${BATCH}`,
  BATCH,
  await interleave(
    [
      ['onnxruntime-node session.run', () => viaOnnxRuntime(BATCH)],
      ['jahskit tree evaluator', () => viaEvaluator(BATCH)],
    ],
    15,
  ),
);
reportInterleaved(
  'JAHS model, one row',
  1,
  await interleave(
    [
      ['onnxruntime-node session.run', () => viaOnnxRuntime(1)],
      ['jahskit tree evaluator', () => viaEvaluator(1)],
    ],
    500,
    50,
  ),
);
reportInterleaved(
  'JAHS model, load from bytes',
  1,
  await interleave(
    [
      [
        'onnxruntime-node InferenceSession.create',
        async () => (await ort.InferenceSession.create(bytes, surrogateSessionOptions(DEFAULT_SURROGATE_THREADS))).release(),
      ],
      ['jahskit readOnnxGraph + treeEnsembleFromOnnx', async () => load()],
    ],
    10,
    1,
  ),
);

describe(`JAHS model, batch of ${BATCH}`, () => {
  bench('onnxruntime-node session.run', () => viaOnnxRuntime(BATCH), { time: 3000 });
  bench('jahskit tree evaluator', () => viaEvaluator(BATCH), { time: 3000 });
});
