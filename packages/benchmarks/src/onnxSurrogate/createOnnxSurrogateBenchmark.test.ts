import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JahskitError } from '@jahskit/core';
import { afterAll, describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataPath } from '../internal/packageDataPath';
import { createOnnxSurrogateBenchmark } from './createOnnxSurrogateBenchmark';
import { onnxSurrogateDescriptor } from './onnxSurrogateModule';

interface Example {
  readonly config: Record<string, unknown>;
  readonly prediction: Readonly<Record<string, number>>;
}

const nb301Dir = packageDataPath('nb301');
const examples = JSON.parse(readFileSync(join(nb301Dir, 'examples.json'), 'utf8')) as Example[];
const tmp = mkdtempSync(join(tmpdir(), 'jahskit-onnx-surrogate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('onnx-surrogate', () => {
  test('the generic loader on the nb301 folder reproduces the nb301 examples to 1e-6', async () => {
    const benchmark = await createOnnxSurrogateBenchmark({ dir: nb301Dir, intraOpNumThreads: 1, objectives: ['valid_error', 'runtime'] });
    try {
      const requests = examples.map(({ config: { epoch, ...config } }) => ({
        config: benchmark.space.validate(config),
        fidelity: { epoch: epoch as number },
        seed: 0,
      }));
      const evaluations = await benchmark.evaluate(requests);
      evaluations.forEach((evaluation, i) => {
        for (const [key, value] of Object.entries(examples[i]!.prediction)) expect(Math.abs(evaluation.raw![key]! - value)).toBeLessThanOrEqual(1e-6);
      });
      expect(benchmark.objectives.map((o) => o.name)).toEqual(['valid_error', 'runtime']);
    } finally {
      await benchmark.close?.();
    }
  });

  test('the descriptor needs a folder and says how to give one', async () => {
    const caught = await Promise.resolve()
      .then(() => onnxSurrogateDescriptor.create({ intraOpNumThreads: 1 }, { env: {} }))
      .catch((e: unknown) => e);
    expect(BenchmarkError.is(caught) && caught.parameter).toBe('dir');
    expect((await onnxSurrogateDescriptor.checkData!({ dir: nb301Dir, intraOpNumThreads: 1 }, { env: {} })).ready).toBe(true);
  });

  test('an unknown objective and a bad manifest are typed errors', async () => {
    const unknown = await createOnnxSurrogateBenchmark({ dir: nb301Dir, intraOpNumThreads: 1, objectives: ['accuracy'] }).catch((e: unknown) => e);
    expect((unknown as JahskitError).parameter).toBe('objectives');
    const dir = join(tmp, 'bad');
    cpSync(nb301Dir, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.inputs[0].columns[0].parameter = 'no_such_parameter';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const bad = await createOnnxSurrogateBenchmark({ dir, intraOpNumThreads: 1 }).catch((e: unknown) => e);
    expect(BenchmarkError.is(bad) && bad.kind).toBe('invalid-definition');
    expect((bad as BenchmarkError).parameter).toBe('no_such_parameter');
  });
});
