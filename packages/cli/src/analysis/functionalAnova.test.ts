import { fc, test } from '@fast-check/vitest';
import { Rng } from '@jahskit/core';
import { describe, expect } from 'vitest';
import { functionalAnova } from './functionalAnova';
import { regressionForest, type ForestFeature, type RegressionForest, type RegressionLeaf } from './regressionForest';

/** A one-tree forest made of the given leaves (prediction is not needed by the ANOVA). */
function handMade(features: ForestFeature[], leaves: RegressionLeaf[]): RegressionForest {
  const tree = { leaves, predict: () => Number.NaN };
  return { features, trees: [tree], predict: () => Number.NaN };
}

function leaf(value: number, lower: number[], upper: number[], levels: (Uint8Array | undefined)[] = lower.map(() => undefined)): RegressionLeaf {
  return { value, lower: Float64Array.from(lower), upper: Float64Array.from(upper), levels };
}

/** A forest fitted to `f` on n uniform draws of the features. */
function fitted(features: ForestFeature[], f: (x: Float64Array) => number, n: number, seed: number): RegressionForest {
  const rng = Rng.seeded(seed);
  const d = features.length;
  const x = new Float64Array(n * d);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    features.forEach((feature, j) => (x[i * d + j] = feature.kind === 'numeric' ? rng.uniform() : rng.index(feature.levels)));
    y.push(f(x.subarray(i * d, i * d + d)));
  }
  return regressionForest(features, x, y, { seed, minSamplesLeaf: 2 });
}

const numeric = (d: number): ForestFeature[] => Array.from({ length: d }, () => ({ kind: 'numeric' }));

describe('functionalAnova', () => {
  test('exact on a hand-made tree: a split at x0 = 0.25 explains everything, x1 nothing', () => {
    const I = Infinity;
    const anova = functionalAnova(handMade(numeric(2), [leaf(0, [-I, -I], [0.25, I]), leaf(1, [0.25, -I], [I, 0.5]), leaf(1, [0.25, 0.5], [I, I])]));
    expect(anova.singles[0]!.mean).toBeCloseTo(1, 12);
    expect(anova.singles[1]!.mean).toBeCloseTo(0, 12);
    expect(anova.trees).toBe(1);
  });

  test('exact on a hand-made tree with a pure interaction (xor of two halves): no main effects, the pair explains all', () => {
    const I = Infinity;
    const leaves = [leaf(0, [-I, -I], [0.5, 0.5]), leaf(1, [-I, 0.5], [0.5, I]), leaf(1, [0.5, -I], [I, 0.5]), leaf(0, [0.5, 0.5], [I, I])];
    const anova = functionalAnova(handMade(numeric(2), leaves), { pairs: [[0, 1]] });
    expect(anova.singles.map((s) => s.mean)).toEqual([0, 0]);
    expect(anova.pairs.get('0,1')!.mean).toBeCloseTo(1, 12);
  });

  test('the inactive value weighs what it is given: a tree that only tells inactive from active', () => {
    const I = Infinity;
    const levels = (mask: number[]): Uint8Array => Uint8Array.from(mask);
    const features: ForestFeature[] = [{ kind: 'numeric' }, { kind: 'categorical', levels: 2 }];
    // x0 inactive (below every threshold) -> 1, active -> 0; x1 plays no part.
    const forest = handMade(features, [
      leaf(1, [-I, -I], [-0.5, I], [undefined, levels([1, 1, 1])]),
      leaf(0, [-0.5, -I], [I, I], [undefined, levels([1, 1, 1])]),
    ]);
    const anova = functionalAnova(forest, { inactiveWeights: [0.3, 0.5] });
    expect(anova.singles[0]!.mean).toBeCloseTo(1, 12);
    expect(anova.singles[1]!.mean).toBe(0);
    // With no inactive measure, the same tree is constant on the space: no tree is left to share.
    expect(functionalAnova(forest).trees).toBe(0);
  });

  test.prop(
    [
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 5, maxLength: 5 }),
    ],
    {
      numRuns: 20,
    },
  )('shares are in [0, 1] and the main effects sum to at most 1 (with pairs, too)', (seed, d, coefficients) => {
    const features: ForestFeature[] = Array.from({ length: d }, (_, j) => (j % 2 === 0 ? { kind: 'numeric' } : { kind: 'categorical', levels: 3 }));
    const forest = fitted(features, (x) => x.reduce((s, v, j) => s + coefficients[j]! * v * (1 + x[0]! * j), 0), 120, seed);
    const pairs = Array.from({ length: d }, (_, i) => Array.from({ length: d - i - 1 }, (_, k) => [i, i + k + 1] as const)).flat();
    const anova = functionalAnova(forest, { pairs });
    const means = [...anova.singles.map((s) => s.mean), ...[...anova.pairs.values()].map((s) => s.mean)];
    for (const m of means) {
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(means.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 5 })], { numRuns: 8 })(
    'an objective of one feature alone gives it nearly all the variance',
    (seed, j) => {
      const features = numeric(6);
      const anova = functionalAnova(fitted(features, (x) => Math.sin(5 * x[j]!) + x[j]! * x[j]!, 400, seed));
      expect(anova.singles[j]!.mean).toBeGreaterThan(0.9);
      for (let k = 0; k < 6; k++) if (k !== j) expect(anova.singles[k]!.mean).toBeLessThan(0.05);
    },
  );

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0.5, max: 3, noNaN: true })], { numRuns: 6 })(
    "an additive objective is shared as its terms' variances: a·x0 + b·x1² + a level effect",
    (seed, a, b) => {
      const features: ForestFeature[] = [{ kind: 'numeric' }, { kind: 'numeric' }, { kind: 'categorical', levels: 4 }, { kind: 'numeric' }];
      const effect = [0, 1, 0, -1];
      // Var(a·U) = a²/12, Var(b·U²) = b²(1/5 − 1/9) = 4b²/45, Var(level effect) = mean of squares = 1/2.
      const variances = [(a * a) / 12, (4 * b * b) / 45, 0.5, 0];
      const total = variances.reduce((s, v) => s + v, 0);
      const anova = functionalAnova(fitted(features, (x) => a * x[0]! + b * x[1]! * x[1]! + effect[x[2]!]!, 1000, seed));
      anova.singles.forEach((share, f) => expect(Math.abs(share.mean - variances[f]! / total), `feature ${f}`).toBeLessThan(0.06));
    },
  );

  test('bad options are usage errors naming them', () => {
    const forest = fitted(numeric(2), (x) => x[0]!, 20, 1);
    expect(() => functionalAnova(forest, { inactiveWeights: [0.5] })).toThrow(expect.objectContaining({ kind: 'usage', parameter: 'inactiveWeights' }));
    expect(() => functionalAnova(forest, { pairs: [[1, 1]] })).toThrow(expect.objectContaining({ kind: 'usage', parameter: 'pairs' }));
  });
});
