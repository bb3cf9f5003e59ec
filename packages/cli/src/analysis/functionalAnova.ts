import { CliError } from '../commandLineError';
import type { ForestFeature, RegressionForest, RegressionLeaf } from './regressionForest';

/** A share of the variance: the mean over the trees and its standard deviation across them. */
interface VarianceShare {
  readonly mean: number;
  readonly std: number;
}

export interface FunctionalAnova {
  /** Per feature, the share of the variance that its main effect explains. */
  readonly singles: readonly VarianceShare[];
  /** Per pair i < j (key `${i},${j}`), the share of its interaction alone, when asked for. */
  readonly pairs: ReadonlyMap<string, VarianceShare>;
  /** Trees whose prediction varies; a constant tree has no variance to share and is left out. */
  readonly trees: number;
}

export interface FunctionalAnovaOptions {
  /**
   * Per feature, the measure of its inactive value (0 when it is always active); its active values
   * share the rest uniformly. Default: all 0.
   */
  readonly inactiveWeights?: readonly number[];
  /** Which pairs of features to decompose (default none): pair interactions cost more than main effects. */
  readonly pairs?: readonly (readonly [number, number])[];
}

/**
 * Functional ANOVA of a forest (Hutter, Hoos and Leyton-Brown, "An Efficient Approach for Assessing
 * Hyperparameter Importance", ICML 2014). Each tree is a piecewise-constant function whose leaves
 * partition the bounded input space, so the marginal of a feature (the prediction averaged over all
 * other features, under the uniform measure on the encoded space) is exact: along a numeric feature
 * it is constant between consecutive split points of that feature, and along a discrete one it is
 * one value per level. The share of a feature is the variance of its marginal over the tree's total
 * variance; a pair's share is the variance of its joint marginal minus both main effects. Shares are
 * computed per tree and averaged over the trees, as in the paper.
 */
export function functionalAnova(forest: RegressionForest, options: FunctionalAnovaOptions = {}): FunctionalAnova {
  const d = forest.features.length;
  const inactive = options.inactiveWeights ?? new Array<number>(d).fill(0);
  if (inactive.length !== d || inactive.some((p) => !(p >= 0 && p < 1)))
    throw new CliError('usage', `inactiveWeights must hold ${d} numbers in [0, 1), got ${JSON.stringify(inactive)}`, { parameter: 'inactiveWeights' });
  const pairs = options.pairs ?? [];
  for (const [i, j] of pairs)
    if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j < d && i < j))
      throw new CliError('usage', `a pair is two feature indices i < j below ${d}, got [${i}, ${j}]`, { parameter: 'pairs' });
  const singleShares: number[][] = Array.from({ length: d }, () => []);
  const pairShares = new Map<string, number[]>(pairs.map(([i, j]) => [`${i},${j}`, []]));
  let used = 0;
  for (const tree of forest.trees) {
    const shares = treeShares(forest.features, inactive, tree.leaves, pairs);
    if (shares === undefined) continue;
    used += 1;
    shares.singles.forEach((share, f) => singleShares[f]!.push(share));
    shares.pairs.forEach((share, key) => pairShares.get(key)!.push(share));
  }
  return {
    singles: singleShares.map(summary),
    pairs: new Map([...pairShares].map(([key, values]) => [key, summary(values)])),
    trees: used,
  };
}

function summary(values: readonly number[]): VarianceShare {
  if (values.length === 0) return { mean: 0, std: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** The cells of one feature along which a tree's marginal is constant, and which leaves cover each. */
interface Cells {
  readonly weights: Float64Array;
  /** covers[leaf * cells + cell] = 1 when the leaf's range of the feature holds the cell. */
  readonly covers: Uint8Array;
}

function cellsOf(feature: ForestFeature, f: number, p: number, leaves: readonly RegressionLeaf[]): Cells {
  const L = leaves.length;
  if (feature.kind !== 'numeric') {
    const k = feature.levels;
    const weights = new Float64Array(k + 1).map((_, level) => (level === k ? p : (1 - p) / k));
    const covers = new Uint8Array(L * (k + 1));
    leaves.forEach((leaf, l) => covers.set(leaf.levels[f] as Uint8Array, l * (k + 1)));
    return { weights, covers };
  }
  // Numeric: the inactive value, then the intervals between consecutive split points in [0, 1].
  const cuts = new Set<number>([0, 1]);
  for (const leaf of leaves) {
    for (const bound of [leaf.lower[f] as number, leaf.upper[f] as number]) if (bound > 0 && bound < 1) cuts.add(bound);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const C = points.length;
  const weights = new Float64Array(C);
  weights[0] = p;
  for (let c = 1; c < C; c++) weights[c] = (1 - p) * ((points[c] as number) - (points[c - 1] as number));
  const covers = new Uint8Array(L * C);
  leaves.forEach((leaf, l) => {
    const lower = leaf.lower[f] as number;
    const upper = leaf.upper[f] as number;
    if (lower === -Infinity) covers[l * C] = 1;
    for (let c = 1; c < C; c++) if (lower <= (points[c - 1] as number) && (points[c] as number) <= upper) covers[l * C + c] = 1;
  });
  return { weights, covers };
}

/** The measure of a leaf's range along one feature. */
function rangeWeight(feature: ForestFeature, f: number, p: number, leaf: RegressionLeaf): number {
  if (feature.kind !== 'numeric') {
    const levels = leaf.levels[f] as Uint8Array;
    let active = 0;
    for (let level = 0; level < feature.levels; level++) active += levels[level] as number;
    return ((1 - p) * active) / feature.levels + (levels[feature.levels] === 1 ? p : 0);
  }
  const lower = leaf.lower[f] as number;
  const upper = leaf.upper[f] as number;
  return (lower === -Infinity ? p : 0) + (1 - p) * Math.max(0, Math.min(upper, 1) - Math.max(lower, 0));
}

function treeShares(
  features: readonly ForestFeature[],
  inactive: readonly number[],
  leaves: readonly RegressionLeaf[],
  pairs: readonly (readonly [number, number])[],
): { singles: number[]; pairs: Map<string, number> } | undefined {
  const d = features.length;
  const L = leaves.length;
  // widths[l * d + f]: the measure of leaf l along feature f; a leaf's volume is their product.
  const widths = new Float64Array(L * d);
  leaves.forEach((leaf, l) => features.forEach((feature, f) => (widths[l * d + f] = rangeWeight(feature, f, inactive[f] as number, leaf))));
  const volumeWithout = (l: number, a: number, b = -1): number => {
    let v = 1;
    for (let f = 0; f < d; f++) if (f !== a && f !== b) v *= widths[l * d + f] as number;
    return v;
  };
  let mean = 0;
  for (let l = 0; l < L; l++) mean += volumeWithout(l, -1) * (leaves[l] as RegressionLeaf).value;
  let total = 0;
  for (let l = 0; l < L; l++) total += volumeWithout(l, -1) * ((leaves[l] as RegressionLeaf).value - mean) ** 2;
  if (!(total > 1e-12 * Math.max(mean * mean, 1e-200))) return undefined;

  const cells = features.map((feature, f) => cellsOf(feature, f, inactive[f] as number, leaves));
  const main = features.map((_, f) => {
    const { weights, covers } = cells[f] as Cells;
    const C = weights.length;
    const marginal = new Float64Array(C);
    for (let l = 0; l < L; l++) {
      const mass = volumeWithout(l, f) * (leaves[l] as RegressionLeaf).value;
      if (mass === 0) continue;
      for (let c = 0; c < C; c++) if (covers[l * C + c] === 1) marginal[c] = (marginal[c] as number) + mass;
    }
    let variance = 0;
    for (let c = 0; c < C; c++) variance += (weights[c] as number) * ((marginal[c] as number) - mean) ** 2;
    return variance;
  });
  const pairShares = new Map<string, number>();
  for (const [a, b] of pairs) {
    const A = cells[a] as Cells;
    const B = cells[b] as Cells;
    const CA = A.weights.length;
    const CB = B.weights.length;
    const marginal = new Float64Array(CA * CB);
    for (let l = 0; l < L; l++) {
      const mass = volumeWithout(l, a, b) * (leaves[l] as RegressionLeaf).value;
      if (mass === 0) continue;
      for (let i = 0; i < CA; i++) {
        if (A.covers[l * CA + i] !== 1) continue;
        for (let j = 0; j < CB; j++) if (B.covers[l * CB + j] === 1) marginal[i * CB + j] = (marginal[i * CB + j] as number) + mass;
      }
    }
    let variance = 0;
    for (let i = 0; i < CA; i++)
      for (let j = 0; j < CB; j++) variance += (A.weights[i] as number) * (B.weights[j] as number) * ((marginal[i * CB + j] as number) - mean) ** 2;
    // The interaction alone: what the pair explains beyond both main effects (never below 0 but for rounding).
    pairShares.set(`${a},${b}`, Math.max(0, (variance - (main[a] as number) - (main[b] as number)) / total));
  }
  return { singles: main.map((v) => v / total), pairs: pairShares };
}
