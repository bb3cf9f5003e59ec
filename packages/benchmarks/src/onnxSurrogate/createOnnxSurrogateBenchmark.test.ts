import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JahskitError, Rng } from '@jahskit/core';
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

  test('a cost from an output column leaves the requests alone once the batch is encoded', async () => {
    // The batch is read and encoded before evaluate returns its promise; the results after the
    // model run must not go back to the requests (they are out of the CPU caches by then).
    const benchmark = await createOnnxSurrogateBenchmark({ dir: nb301Dir, intraOpNumThreads: 1 });
    try {
      let encoded = false;
      const requests = examples.slice(0, 3).map(({ config: { epoch, ...config } }) => ({
        config: benchmark.space.validate(config),
        get fidelity() {
          if (encoded) throw new Error('fidelity read after the batch was encoded');
          return { epoch: epoch as number };
        },
        seed: 0,
      }));
      const pending = benchmark.evaluate(requests);
      encoded = true;
      const evaluations = await pending;
      evaluations.forEach((evaluation) => expect(evaluation.cost).toBe(Math.max(0, evaluation.raw!.runtime!)));
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

  test('a space with a forbidden clause: legal rows evaluate as without it, a forbidden row is the space error', async () => {
    const dir = join(tmp, 'forbidden');
    cpSync(nb301Dir, dir, { recursive: true });
    const space = JSON.parse(readFileSync(join(dir, 'config_space_v2.json'), 'utf8'));
    const edge = space.hyperparameters[0];
    space.forbiddens = [{ name: edge.name, type: 'EQUALS', value: edge.choices[0] }];
    writeFileSync(join(dir, 'config_space_v2.json'), JSON.stringify(space));
    const open = (folder: string) => createOnnxSurrogateBenchmark({ dir: folder, intraOpNumThreads: 1, objectives: ['valid_error', 'runtime'] });
    const [plain, forbidding] = await Promise.all([open(nb301Dir), open(dir)]);
    try {
      const rng = Rng.seeded(4);
      const requests = Array.from({ length: 64 }, (_, i) => ({
        config: forbidding.space.sample(rng.stream('c', i)),
        fidelity: forbidding.fidelitySpace.sample(rng.stream('f', i)),
        seed: 0,
      }));
      expect(await forbidding.evaluate(requests)).toEqual(await plain.evaluate(requests));
      const forbidden = { ...requests[0]!, config: { ...requests[0]!.config, [edge.name]: edge.choices[0] } };
      const caught = await forbidding.evaluate([forbidden]).catch((e: unknown) => e);
      expect(caught).toMatchObject({ kind: 'forbidden', parameter: edge.name });
      await expect(plain.evaluate([forbidden])).resolves.toHaveLength(1);
    } finally {
      await Promise.all([plain.close?.(), forbidding.close?.()]);
    }
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
