import { Rng } from '@jahskit/core';
import { CliError } from '../commandLineError';

/**
 * One input of the forest. Values are a search space's encoded coordinates: a numeric feature is in
 * [0, 1], a discrete one is a level index in [0, levels). NaN means inactive (a conditional parameter
 * that is off), which is kept as a value of its own: below every value of a numeric feature, an extra
 * level (index `levels`) of a discrete one.
 */
export type ForestFeature =
  { readonly kind: 'numeric' } | { readonly kind: 'ordinal'; readonly levels: number } | { readonly kind: 'categorical'; readonly levels: number };

export interface RegressionForestOptions {
  /** Trees in the forest (default 16). */
  readonly trees?: number;
  /** Depth below which no node is split (default 12). */
  readonly maxDepth?: number;
  /** Fewest samples in a leaf (default 3). */
  readonly minSamplesLeaf?: number;
  /**
   * Share of the features tried at each split (default 1: all; at least one). The trees differ by
   * their bootstrap samples: with a random subset, a tree of a 2-parameter space would split on the
   * parameter that does not matter at half its nodes, and the shares come out blurred.
   */
  readonly featureFraction?: number;
  /** Each tree learns from a bootstrap sample of the rows (default true). */
  readonly bootstrap?: boolean;
  /** Same seed, same forest (default 0). */
  readonly seed?: number;
}

/**
 * A leaf of a tree as a box of the input space and its prediction. A numeric feature's range is
 * (lower, upper], with -Infinity / Infinity where no split bounds it; the inactive value lies in it
 * exactly when lower is -Infinity (it is ordered below every threshold). A discrete feature's range
 * is `levels[f]`: 1 for each level in the leaf, the last entry being the inactive level.
 */
export interface RegressionLeaf {
  readonly value: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly levels: readonly (Uint8Array | undefined)[];
}

/** A tree kept two ways: nodes to predict with, and its leaves, which partition the whole space. */
interface RegressionTree {
  readonly leaves: readonly RegressionLeaf[];
  predict(x: ArrayLike<number>): number;
}

export interface RegressionForest {
  readonly features: readonly ForestFeature[];
  readonly trees: readonly RegressionTree[];
  /** The mean of the trees' predictions. */
  predict(x: ArrayLike<number>): number;
}

/** Where an inactive numeric value sits: below every encoded value (they are in [0, 1]). */
const INACTIVE_NUMERIC = -1;

type Node =
  | { readonly leaf: true; readonly value: number; readonly box: RegressionLeaf }
  | { readonly leaf: false; readonly feature: number; readonly threshold: number; readonly goesLeft: Uint8Array | undefined; left: number; right: number };

interface Split {
  readonly feature: number;
  readonly score: number;
  /** Numeric features: a value goes left when at most this. */
  readonly threshold: number;
  /** Discrete features: 1 for the levels that go left. */
  readonly goesLeft: Uint8Array | undefined;
}

/**
 * A random forest of regression trees (bootstrap rows, a random share of the features at each
 * split, squared-error splits, leaves predicting their mean), grown for functional ANOVA: every tree
 * keeps its leaves as boxes of the bounded input space. Rows are `x` (row-major, `features.length`
 * values per row) and targets `y`. A categorical feature is split into two sets of levels, found as
 * the best cut of its levels sorted by mean target (the classic exact shortcut for squared error);
 * levels a node has no sample of go with the larger side, so the leaves still cover every level.
 * An ordinal feature is cut in its own order. Deterministic: the same seed gives the same forest.
 */
export function regressionForest(
  features: readonly ForestFeature[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: RegressionForestOptions = {},
): RegressionForest {
  const d = features.length;
  const n = y.length;
  const trees = wholeOption(options.trees ?? 16, 'trees', 1, 10_000);
  const maxDepth = wholeOption(options.maxDepth ?? 12, 'maxDepth', 0, 64);
  const minSamplesLeaf = wholeOption(options.minSamplesLeaf ?? 3, 'minSamplesLeaf', 1, Number.MAX_SAFE_INTEGER);
  const featureFraction = options.featureFraction ?? 1;
  if (!(featureFraction > 0 && featureFraction <= 1))
    throw new CliError('usage', `featureFraction must be in (0, 1], got ${featureFraction}`, { parameter: 'featureFraction', allowed: '(0, 1]' });
  if (x.length !== n * d) throw new CliError('input', `x must hold ${n} rows of ${d} features (${n * d} values), got ${x.length}`, { parameter: 'x' });
  if (n === 0) throw new CliError('input', 'a forest needs at least one row', { parameter: 'y' });
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new CliError('input', `y[${i}] is ${y[i]}: targets must be finite`, { parameter: 'y' });

  // Inactive values mapped to their place once, so that splits compare plain numbers.
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const feature = features[f] as ForestFeature;
      const v = x[i * d + f] as number;
      if (feature.kind === 'numeric') data[i * d + f] = Number.isNaN(v) ? INACTIVE_NUMERIC : v;
      else {
        const level = Number.isNaN(v) ? feature.levels : v;
        if (!Number.isInteger(level) || level < 0 || level > feature.levels)
          throw new CliError('input', `x[${i}][${f}] is ${v}: a level of a feature with ${feature.levels} levels is a whole number below ${feature.levels}`, {
            parameter: 'x',
          });
        data[i * d + f] = level;
      }
    }
  }
  const target = Float64Array.from(y);
  const tries = Math.max(1, Math.round(featureFraction * d));
  // The rows sorted by each numeric feature once: every tree's sample orders are read off these.
  const sortedRows = features.map((feature, f) =>
    feature.kind === 'numeric'
      ? Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (data[a * d + f] as number) - (data[b * d + f] as number))
      : undefined,
  );
  const base = Rng.seeded(options.seed ?? 0);
  const grown = Array.from({ length: trees }, (_, t) => {
    const rng = base.stream('tree', t);
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++) rows[i] = options.bootstrap === false ? i : rng.index(n);
    return growTree(features, data, target, rows, sortedRows, { maxDepth, minSamplesLeaf, tries }, rng);
  });
  return {
    features,
    trees: grown,
    predict: (row) => grown.reduce((sum, tree) => sum + tree.predict(row), 0) / grown.length,
  };
}

function wholeOption(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new CliError('usage', `${name} must be a whole number from ${min} to ${max}, got ${value}`, { parameter: name, allowed: `${min} to ${max}` });
  return value;
}

interface GrowOptions {
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly tries: number;
}

/**
 * One tree grown depth-first over the bootstrap sample `rows`. Samples are sorted once per numeric
 * feature; a node is a range of positions in each of these orders, and a split partitions every
 * order stably, so no node sorts again.
 */
function growTree(
  features: readonly ForestFeature[],
  data: Float64Array,
  target: Float64Array,
  rows: Int32Array,
  sortedRows: readonly (Int32Array | undefined)[],
  options: GrowOptions,
  rng: Rng,
): RegressionTree {
  const d = features.length;
  const n = rows.length;
  // Columns by sample (a bootstrap row may repeat): cols[f][s] is feature f of sample s.
  const cols = features.map(() => new Float64Array(n));
  const y = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const r = rows[s] as number;
    y[s] = target[r] as number;
    for (let f = 0; f < d; f++) (cols[f] as Float64Array)[s] = data[r * d + f] as number;
  }
  // The samples of each row, so that a feature's sample order is its row order with rows repeated.
  const firstSample = new Int32Array(target.length + 1);
  for (let s = 0; s < n; s++) firstSample[(rows[s] as number) + 1] = (firstSample[(rows[s] as number) + 1] as number) + 1;
  for (let r = 0; r < target.length; r++) firstSample[r + 1] = (firstSample[r + 1] as number) + (firstSample[r] as number);
  const samplesByRow = new Int32Array(n);
  const filled = firstSample.slice(0, target.length);
  for (let s = 0; s < n; s++) {
    const r = rows[s] as number;
    samplesByRow[filled[r] as number] = s;
    filled[r] = (filled[r] as number) + 1;
  }
  // A discrete feature needs no order of its own: its samples are read from the plain order, kept last.
  const plain = Int32Array.from({ length: n }, (_, s) => s);
  const orders = features.map((_, f) => {
    const sorted = sortedRows[f];
    if (sorted === undefined) return plain;
    const order = new Int32Array(n);
    let k = 0;
    for (const r of sorted) for (let i = firstSample[r] as number; i < (firstSample[r + 1] as number); i++) order[k++] = samplesByRow[i] as number;
    return order;
  });
  const distinctOrders = [...new Set([...orders, plain])];
  const side = new Uint8Array(n);
  const buffer = new Int32Array(n);
  const mostLevels = features.reduce((most, f) => Math.max(most, f.kind === 'numeric' ? 0 : f.levels + 1), 0);
  const scratch = { count: new Float64Array(mostLevels), total: new Float64Array(mostLevels) };
  const nodes: Node[] = [];
  const featureOrder = Array.from({ length: d }, (_, f) => f);
  interface Pending {
    readonly start: number;
    readonly end: number;
    readonly depth: number;
    readonly lower: Float64Array;
    readonly upper: Float64Array;
    readonly levels: (Uint8Array | undefined)[];
    readonly parent: number;
    readonly side: 'left' | 'right' | 'root';
  }
  const rootLevels = features.map((f) => (f.kind === 'numeric' ? undefined : new Uint8Array(f.levels + 1).fill(1)));
  const stack: Pending[] = [
    {
      start: 0,
      end: n,
      depth: 0,
      lower: new Float64Array(d).fill(-Infinity),
      upper: new Float64Array(d).fill(Infinity),
      levels: rootLevels,
      parent: -1,
      side: 'root',
    },
  ];
  while (stack.length > 0) {
    const node = stack.pop() as Pending;
    const id = nodes.length;
    if (node.side === 'left') (nodes[node.parent] as { left: number }).left = id;
    else if (node.side === 'right') (nodes[node.parent] as { right: number }).right = id;
    const any = plain;
    let sum = 0;
    for (let i = node.start; i < node.end; i++) sum += y[any[i] as number] as number;
    const count = node.end - node.start;
    const mean = sum / count;
    const split =
      d > 0 && node.depth < options.maxDepth && count >= 2 * options.minSamplesLeaf
        ? bestSplit(features, cols, y, orders, node, options.minSamplesLeaf, rng.shuffle(featureOrder).slice(0, options.tries), sum, scratch)
        : undefined;
    if (split === undefined) {
      nodes.push({ leaf: true, value: mean, box: { value: mean, lower: node.lower, upper: node.upper, levels: node.levels } });
      continue;
    }
    const f = split.feature;
    const col = cols[f] as Float64Array;
    for (let i = node.start; i < node.end; i++) {
      const s = any[i] as number;
      side[s] = goesLeft(split, col[s] as number) ? 1 : 0;
    }
    // Stable partition of every order: the left samples first, each side still sorted.
    let middle = node.start;
    for (const order of distinctOrders) {
      let l = node.start;
      let r = 0;
      for (let i = node.start; i < node.end; i++) {
        const s = order[i] as number;
        if (side[s] === 1) order[l++] = s;
        else buffer[r++] = s;
      }
      middle = l;
      for (let i = 0; i < r; i++) order[l + i] = buffer[i] as number;
    }
    const leftLower = node.lower.slice();
    const leftUpper = node.upper.slice();
    const rightLower = node.lower.slice();
    const rightUpper = node.upper.slice();
    const leftLevels = node.levels.slice();
    const rightLevels = node.levels.slice();
    if (split.goesLeft === undefined) {
      leftUpper[f] = split.threshold;
      rightLower[f] = split.threshold;
    } else {
      const parent = node.levels[f] as Uint8Array;
      leftLevels[f] = parent.map((inNode, level) => (inNode === 1 && split.goesLeft![level] === 1 ? 1 : 0));
      rightLevels[f] = parent.map((inNode, level) => (inNode === 1 && split.goesLeft![level] === 0 ? 1 : 0));
    }
    nodes.push({ leaf: false, feature: f, threshold: split.threshold, goesLeft: split.goesLeft, left: -1, right: -1 });
    const depth = node.depth + 1;
    stack.push({ start: middle, end: node.end, depth, lower: rightLower, upper: rightUpper, levels: rightLevels, parent: id, side: 'right' });
    stack.push({ start: node.start, end: middle, depth, lower: leftLower, upper: leftUpper, levels: leftLevels, parent: id, side: 'left' });
  }
  const leaves = nodes.flatMap((node) => (node.leaf ? [node.box] : []));
  return {
    leaves,
    predict(x) {
      let node = nodes[0] as Node;
      while (!node.leaf) {
        const feature = features[node.feature] as ForestFeature;
        const raw = x[node.feature] as number;
        const v = Number.isNaN(raw) ? (feature.kind === 'numeric' ? INACTIVE_NUMERIC : feature.levels) : raw;
        node = nodes[goesLeft(node, v) ? node.left : node.right] as Node;
      }
      return node.value;
    },
  };
}

function goesLeft(split: { readonly threshold: number; readonly goesLeft: Uint8Array | undefined }, value: number): boolean {
  return split.goesLeft === undefined ? value <= split.threshold : split.goesLeft[value] === 1;
}

/**
 * The split of the node's samples that most reduces the squared error among the features tried, or
 * undefined when none leaves `minLeaf` samples on both sides and reduces it.
 */
function bestSplit(
  features: readonly ForestFeature[],
  cols: readonly Float64Array[],
  y: Float64Array,
  orders: readonly Int32Array[],
  node: { readonly start: number; readonly end: number; readonly levels: readonly (Uint8Array | undefined)[] },
  minLeaf: number,
  tried: readonly number[],
  sum: number,
  scratch: { readonly count: Float64Array; readonly total: Float64Array },
): Split | undefined {
  const { start, end } = node;
  const n = end - start;
  // Maximising sL²/nL + sR²/nR is minimising the children's squared error; a split must beat the parent's.
  let best: Split | undefined;
  let bestScore = (sum * sum) / n + 1e-12 * Math.abs((sum * sum) / n) + 1e-300;
  for (const f of tried) {
    const feature = features[f] as ForestFeature;
    const col = cols[f] as Float64Array;
    const order = orders[f] as Int32Array;
    if (feature.kind === 'numeric') {
      let left = 0;
      for (let i = start; i < end - 1; i++) {
        const s = order[i] as number;
        left += y[s] as number;
        const v = col[s] as number;
        const next = col[order[i + 1] as number] as number;
        const nl = i + 1 - start;
        if (v === next || nl < minLeaf || n - nl < minLeaf) continue;
        const score = (left * left) / nl + ((sum - left) * (sum - left)) / (n - nl);
        if (score > bestScore) {
          bestScore = score;
          best = { feature: f, score, threshold: (v + next) / 2, goesLeft: undefined };
        }
      }
      continue;
    }
    const inNode = node.levels[f] as Uint8Array;
    const count = scratch.count.fill(0, 0, inNode.length);
    const total = scratch.total.fill(0, 0, inNode.length);
    for (let i = start; i < end; i++) {
      const s = order[i] as number;
      const level = col[s] as number;
      count[level] = (count[level] as number) + 1;
      total[level] = (total[level] as number) + (y[s] as number);
    }
    const present: number[] = [];
    for (let level = 0; level < inNode.length; level++) if ((count[level] as number) > 0) present.push(level);
    if (present.length < 2) continue;
    // Ordinal levels in their order (inactive first, as for numbers); categorical ones by mean target.
    const position = (level: number): number => (level === feature.levels ? -1 : level);
    if (feature.kind === 'ordinal') present.sort((a, b) => position(a) - position(b));
    else present.sort((a, b) => (total[a] as number) / (count[a] as number) - (total[b] as number) / (count[b] as number) || a - b);
    let left = 0;
    let nl = 0;
    for (let i = 0; i < present.length - 1; i++) {
      const level = present[i] as number;
      left += total[level] as number;
      nl += count[level] as number;
      if (nl < minLeaf || n - nl < minLeaf) continue;
      const score = (left * left) / nl + ((sum - left) * (sum - left)) / (n - nl);
      if (score <= bestScore) continue;
      bestScore = score;
      const mask = new Uint8Array(inNode.length);
      for (let j = 0; j <= i; j++) mask[present[j] as number] = 1;
      // Levels the node has no row of still belong to one side, so that the leaves cover the space.
      const cut = (position(level) + position(present[i + 1] as number)) / 2;
      for (let absent = 0; absent < inNode.length; absent++) {
        if (inNode[absent] !== 1 || (count[absent] as number) > 0) continue;
        mask[absent] = feature.kind === 'ordinal' ? (position(absent) < cut ? 1 : 0) : nl >= n - nl ? 1 : 0;
      }
      best = { feature: f, score, threshold: Number.NaN, goesLeft: mask };
    }
  }
  return best;
}
