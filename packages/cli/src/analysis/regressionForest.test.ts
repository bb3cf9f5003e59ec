import { fc, test } from '@fast-check/vitest';
import { Rng } from '@jahskit/core';
import { describe, expect } from 'vitest';
import { regressionForest, type ForestFeature, type RegressionLeaf } from './regressionForest';

/** n rows of the features drawn uniformly, NaN (inactive) with probability `inactive`. */
function rows(features: readonly ForestFeature[], n: number, seed: number, inactive = 0): Float64Array {
  const rng = Rng.seeded(seed);
  const x = new Float64Array(n * features.length);
  for (let i = 0; i < n; i++)
    features.forEach((f, j) => {
      x[i * features.length + j] = rng.uniform() < inactive ? Number.NaN : f.kind === 'numeric' ? rng.uniform() : rng.index(f.levels);
    });
  return x;
}

/** The measure of a leaf's box (uniform on [0, 1] and on the levels, nothing inactive). */
function volume(features: readonly ForestFeature[], leaf: RegressionLeaf): number {
  return features.reduce((v, f, j) => {
    if (f.kind === 'numeric') return v * Math.max(0, Math.min(leaf.upper[j]!, 1) - Math.max(leaf.lower[j]!, 0));
    let levels = 0;
    for (let level = 0; level < f.levels; level++) levels += leaf.levels[j]![level]!;
    return (v * levels) / f.levels;
  }, 1);
}

const MIXED: ForestFeature[] = [{ kind: 'numeric' }, { kind: 'categorical', levels: 4 }, { kind: 'ordinal', levels: 3 }];

describe('regressionForest', () => {
  test('the same seed grows the same forest, another seed another one', () => {
    const x = rows(MIXED, 200, 1);
    const y = Array.from({ length: 200 }, (_, i) => Math.sin(6 * x[i * 3]!) + x[i * 3 + 1]!);
    const a = regressionForest(MIXED, x, y, { seed: 7 });
    const b = regressionForest(MIXED, x, y, { seed: 7 });
    const c = regressionForest(MIXED, x, y, { seed: 8 });
    const probe = rows(MIXED, 50, 2);
    const at = (forest: typeof a): number[] => Array.from({ length: 50 }, (_, i) => forest.predict(probe.subarray(i * 3, i * 3 + 3)));
    expect(at(a)).toEqual(at(b));
    expect(at(a)).not.toEqual(at(c));
    expect(a.trees).toHaveLength(16);
  });

  test('learns a step in a numeric feature and a categorical effect, and respects the depth limit', () => {
    const x = rows(MIXED, 400, 3);
    const y = Array.from({ length: 400 }, (_, i) => (x[i * 3]! > 0.3 ? 1 : 0) + (x[i * 3 + 1] === 2 ? 5 : 0));
    const forest = regressionForest(MIXED, x, y, { seed: 1 });
    expect(forest.predict([0.1, 0, 1])).toBeCloseTo(0, 1);
    expect(forest.predict([0.9, 2, 1])).toBeCloseTo(6, 1);
    const stump = regressionForest(MIXED, x, y, { maxDepth: 1, seed: 1 });
    for (const tree of stump.trees) expect(tree.leaves.length).toBeLessThanOrEqual(2);
  });

  test('an inactive value is a value of its own: below the numbers, its own level', () => {
    const features: ForestFeature[] = [{ kind: 'numeric' }, { kind: 'categorical', levels: 2 }];
    const x = rows(features, 300, 4, 0.3);
    const y = Array.from({ length: 300 }, (_, i) => (Number.isNaN(x[i * 2]!) ? 10 : 0) + (Number.isNaN(x[i * 2 + 1]!) ? 1 : 0));
    const forest = regressionForest(features, x, y, { seed: 2, featureFraction: 1 });
    expect(forest.predict([Number.NaN, 0])).toBeCloseTo(10, 1);
    expect(forest.predict([0.5, Number.NaN])).toBeCloseTo(1, 1);
    expect(forest.predict([0.01, 1])).toBeCloseTo(0, 1);
  });

  test.prop([fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 120 }), fc.integer({ min: 0, max: 8 })], { numRuns: 25 })(
    "every tree's leaves partition the space: their volumes sum to 1, and a point's leaf predicts the tree's value",
    (seed, n, depth) => {
      const x = rows(MIXED, n, seed);
      const y = Array.from({ length: n }, (_, i) => x[i * 3]! * 3 + x[i * 3 + 1]! - x[i * 3 + 2]!);
      const forest = regressionForest(MIXED, x, y, { seed, trees: 3, maxDepth: depth, minSamplesLeaf: 1 });
      for (const tree of forest.trees) {
        expect(tree.leaves.reduce((s, leaf) => s + volume(MIXED, leaf), 0)).toBeCloseTo(1, 9);
        const point = rows(MIXED, 1, seed + 1);
        const inside = tree.leaves.filter(
          (leaf) => point[0]! > leaf.lower[0]! && point[0]! <= leaf.upper[0]! && leaf.levels[1]![point[1]!] === 1 && leaf.levels[2]![point[2]!] === 1,
        );
        expect(inside).toHaveLength(1);
        expect(tree.predict(point)).toBe(inside[0]!.value);
      }
    },
  );

  test('bad options and data are typed errors naming the parameter', () => {
    const x = rows(MIXED, 10, 5);
    const y = new Array<number>(10).fill(1);
    expect(() => regressionForest(MIXED, x, y, { trees: 0 })).toThrow(expect.objectContaining({ kind: 'usage', parameter: 'trees' }));
    expect(() => regressionForest(MIXED, x, y, { featureFraction: 0 })).toThrow(expect.objectContaining({ kind: 'usage', parameter: 'featureFraction' }));
    expect(() => regressionForest(MIXED, x.subarray(1), y)).toThrow(expect.objectContaining({ kind: 'input', parameter: 'x' }));
    expect(() => regressionForest(MIXED, x, [...y.slice(1), Number.NaN])).toThrow(
      expect.objectContaining({ parameter: 'y', message: expect.stringMatching(/y\[9\] is NaN/) }),
    );
    const badLevel = x.slice();
    badLevel[1] = 4.5;
    expect(() => regressionForest(MIXED, badLevel, y)).toThrow(expect.objectContaining({ parameter: 'x' }));
  });
});
