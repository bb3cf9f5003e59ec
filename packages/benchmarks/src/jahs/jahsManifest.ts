import { onnxSurrogateManifestSchema, type OnnxSurrogateManifest } from '../onnxSurrogate/OnnxSurrogateManifest';
import { JAHS_OPS } from './jahsSurrogateSpaces';

/** SHA-256 of data/jahs/jahs_thesis_cifar10.onnx. */
export const JAHS_MODEL_SHA256 = '2de6b3b5f6764857eb7c710185f4f141ce35938b125c064e6e2749daa2fdb54a';

/**
 * The surrogate's input encoding (data/jahs/preprocessing_spec.json): sklearn's one-hot block
 * (categories sorted; TrivialAugment binary, False dropped) followed by the raw passthrough columns,
 * as one float32 row of 41.
 *
 * Chunk size by measurement (2-core sandbox, Node 20.20, onnxruntime 1.30, one thread, bare
 * `session.run`): rows/s at rows per call 64: 19.7k, 128: 22.2k, 256: 23.0k, 512: 24.2k, 1024: 24.6k,
 * 2048: 25.1k, 4096: 24.3k, 8192: 20.4k; 1024 keeps throughput within 2% of the best with half the
 * buffer of 2048.
 */
export const JAHS_MANIFEST: OnnxSurrogateManifest = onnxSurrogateManifestSchema.parse({
  format: 'jahskit-onnx-surrogate/1',
  id: 'jahs',
  summary: 'JAHS-Bench-201 (CIFAR-10) through an early version of its XGBoost surrogate',
  model: { file: 'jahs_thesis_cifar10.onnx', sha256: JAHS_MODEL_SHA256, chunkSize: 1024 },
  configSpace: '(built in code: jahsSurrogateSpace)',
  fidelities: ['N', 'W', 'Resolution', 'epoch'],
  inputs: [
    {
      name: 'X',
      dtype: 'float32',
      columns: [
        { parameter: 'Activation', encoding: 'one-hot', categories: ['Hardswish', 'Mish', 'ReLU'] },
        ...JAHS_OPS.map((parameter) => ({ parameter, encoding: 'one-hot', categories: [0, 1, 2, 3, 4] })),
        { parameter: 'Optimizer', encoding: 'one-hot', categories: ['SGD'] },
        { parameter: 'TrivialAugment', encoding: 'one-hot', categories: [false, true], drop: false },
        ...['LearningRate', 'N', 'Resolution', 'W', 'WeightDecay', 'epoch'].map((parameter) => ({ parameter, encoding: 'raw' })),
      ],
    },
  ],
  output: { name: 'Y', columns: ['valid-acc', 'size_MB', 'latency'] },
  metrics: [
    {
      name: 'valid_error',
      column: 'valid-acc',
      direction: 'minimize',
      offset: 100,
      scale: -1,
      min: 0,
      max: 100,
      unit: '%',
      description: '100 - valid-acc, clipped to [0, 100]',
    },
    {
      name: 'latency',
      column: 'latency',
      direction: 'minimize',
      min: 0,
      unit: 's',
      description: 'predicted seconds per minibatch (forward pass), clipped at 0',
    },
    { name: 'size_MB', column: 'size_MB', direction: 'minimize', min: 0, unit: 'MB', description: 'predicted parameter size in MB, clipped at 0' },
  ],
  objectives: ['valid_error'],
  cost: { fidelity: 'epoch', secondsPerUnit: 1 },
  continuation: true,
});
