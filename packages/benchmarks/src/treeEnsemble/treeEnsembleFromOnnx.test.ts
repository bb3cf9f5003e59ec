import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as ort from 'onnxruntime-node';
import { fuzzTest } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataPath } from '../internal/packageDataPath';
import { createNb301Benchmark } from '../nb301/createNb301Benchmark';
import type { OnnxAttribute } from './OnnxGraph';
import { readOnnxGraph } from './readOnnxGraph';
import { TreeEnsemble } from './TreeEnsemble';
import { treeEnsembleFromOnnx } from './treeEnsembleFromOnnx';
import { expectSameBits } from './expectSameBits';
import { jahsOnBothRuntimes } from './jahsOnBothRuntimes';
import { treeEnsembleOnnx, type TestEnsemble, type TestTree } from './treeEnsembleFixtures';

describe("jahskit's tree-ensemble evaluator on the shipped JAHS model", () => {
  const jahs = jahsOnBothRuntimes();

  test('answers the 10 shipped examples with their float32 predictions', async () => {
    const examples = JSON.parse(readFileSync(packageDataPath('jahs', 'examples.json'), 'utf8')) as {
      config: Record<string, unknown>;
      prediction: Record<string, number>;
    }[];
    const fidelities = ['N', 'W', 'Resolution', 'epoch'];
    const requests = examples.map(({ config }) => {
      const parsed = jahs.js.parseConfig!(config) as Record<string, unknown>;
      const split = (fidelity: boolean) => Object.fromEntries(Object.entries(parsed).filter(([k]) => fidelities.includes(k) === fidelity));
      return { config: jahs.js.space.validate(split(false)), fidelity: jahs.js.fidelitySpace.validate(split(true)), seed: 0 };
    });
    const [a, b] = await Promise.all([jahs.js.evaluate(requests), jahs.native.evaluate(requests)]);
    const expected = examples.flatMap((e) => [e.prediction['valid-acc']!, e.prediction['size_MB']!, e.prediction['latency']!]);
    expectSameBits(
      a.flatMap((e) => Object.values(e.raw!)),
      expected,
    );
    expectSameBits(
      b.flatMap((e) => Object.values(e.raw!)),
      expected,
    );
  });
});

/** Random ensembles: LT and LEQ splits on thresholds the inputs hit exactly, NaN rules, several trees per target, base values. */
const THRESHOLDS = [-2, -0.5, 0, 0.5, 1, 1.5, 3, 1e-8];
const INPUTS = [...THRESHOLDS, -1, 0.25, 2, 10, Math.fround(0.1), NaN, -0];
const leaf = fc.double({ min: -100, max: 100, noNaN: true }).map((v) => ({ leaf: Math.fround(v) }));
const tree = (features: number): fc.Arbitrary<TestTree> =>
  fc.letrec<{ node: TestTree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        feature: fc.integer({ min: 0, max: features - 1 }),
        threshold: fc.constantFrom(...THRESHOLDS),
        mode: fc.constantFrom('BRANCH_LT' as const, 'BRANCH_LEQ' as const),
        nanToTrue: fc.boolean(),
        yes: tie('node'),
        no: tie('node'),
      }),
    ),
  })).node;
const ensemble: fc.Arbitrary<TestEnsemble> = fc
  .record({ features: fc.integer({ min: 1, max: 4 }), targets: fc.integer({ min: 1, max: 3 }), base: fc.boolean() })
  .chain(({ features, targets, base }) =>
    fc.record({
      features: fc.constant(features),
      targets: fc.constant(targets),
      trees: fc.array(fc.record({ target: fc.integer({ min: 0, max: targets - 1 }), tree: tree(features) }), { minLength: 1, maxLength: 12 }),
      ...(base ? { baseValues: fc.array(fc.double({ min: -10, max: 10, noNaN: true }).map(Math.fround), { minLength: targets, maxLength: targets }) } : {}),
    }),
  );
const rows = (features: number) =>
  fc.array(fc.array(fc.constantFrom(...INPUTS), { minLength: features, maxLength: features }), { minLength: 1, maxLength: 40 });

describe('random tree ensembles', () => {
  fuzzTest(
    'jahskit and onnxruntime (one thread) give the same float32 outputs, NaN inputs included',
    [ensemble.chain((e) => fc.tuple(fc.constant(e), rows(e.features)))],
    100,
    async ([spec, data]) => {
      const bytes = treeEnsembleOnnx(spec);
      const found = treeEnsembleFromOnnx(readOnnxGraph(bytes));
      expect('reason' in found ? found.reason : 'taken').toBe('taken');
      if (!('model' in found)) return;
      const x = Float32Array.from(data.flat());
      const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
      try {
        const expected = (await session.run({ X: new ort.Tensor(x, [data.length, spec.features]) }))['Y']!.data as Float32Array;
        expectSameBits(found.model.ensemble.predict(x, data.length, spec.features), expected);
        // The plain loop (no generated code) gives the same bits.
        expectSameBits(new TreeEnsemble(found.model.ensemble.layout, { generateCode: false }).predict(x, data.length, spec.features), expected);
      } finally {
        await session.release();
      }
    },
  );
});

describe('models the evaluator leaves to onnxruntime', () => {
  test('a neural network (nb301) is not taken, and asking for the evaluator names why', async () => {
    const bytes = readFileSync(packageDataPath('nb301', 'model_v2.onnx'));
    const found = treeEnsembleFromOnnx(readOnnxGraph(bytes));
    expect('reason' in found && found.reason).toBe('the graph has 2 inputs and 1 outputs, not one of each');
    const error = await createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1, runtime: 'js' }).catch((e: unknown) => e);
    expect(BenchmarkError.is(error) && error.kind).toBe('model-error');
    expect((error as BenchmarkError).parameter).toBe('runtime');
    expect((error as Error).message).toMatch(/tree-ensemble evaluator \(runtime 'js'\): the graph has 2 inputs/);
  });

  test('a tree adding to two targets, an AVERAGE ensemble and a cycle are refused with a reason, not a wrong answer', () => {
    const split: TestEnsemble = {
      features: 1,
      targets: 2,
      trees: [{ target: 0, tree: { feature: 0, threshold: 0, mode: 'BRANCH_LT', nanToTrue: false, yes: { leaf: 1 }, no: { leaf: 2 } } }],
    };
    const graph = readOnnxGraph(treeEnsembleOnnx(split));
    const node = graph.nodes[0]!;
    const changed = (name: string, value: Partial<OnnxAttribute>) =>
      treeEnsembleFromOnnx({
        ...graph,
        nodes: [
          {
            ...node,
            attributes: new Map([
              ...node.attributes,
              [name, { name, ints: new Int32Array(0), floats: new Float32Array(0), strings: [], tensor: false, ...value }],
            ]),
          },
        ],
      });
    expect(treeEnsembleFromOnnx(graph)).toHaveProperty('model');
    expect(changed('target_ids', { ints: Int32Array.of(0, 1) })).toEqual({ reason: 'tree 0 adds to more than one target' });
    expect(changed('aggregate_function', { s: 'AVERAGE' })).toEqual({ reason: 'aggregate_function AVERAGE (only SUM)' });
    expect(changed('nodes_modes', { strings: ['BRANCH_EQ', 'LEAF', 'LEAF'] })).toEqual({ reason: 'node mode BRANCH_EQ (only BRANCH_LT, BRANCH_LEQ and LEAF)' });
    // Node 0's true child made node 0 itself.
    expect(changed('nodes_truenodeids', { ints: Int32Array.of(0, 0, 0) })).toEqual({ reason: 'a tree is deeper than 12' });
  });

  test('bytes that are no ONNX model fail as a model error naming the file', () => {
    for (const bytes of [new TextEncoder().encode('not a model'), readFileSync(packageDataPath('jahs', 'jahs_thesis_cifar10.onnx')).subarray(0, 5000)]) {
      const error = (() => {
        try {
          return treeEnsembleFromOnnx(readOnnxGraph(bytes, '/data/model.onnx'));
        } catch (e) {
          return e;
        }
      })();
      expect(BenchmarkError.is(error) && error.kind).toBe('model-error');
      expect((error as BenchmarkError).parameter).toBe('/data/model.onnx');
    }
  });
});
