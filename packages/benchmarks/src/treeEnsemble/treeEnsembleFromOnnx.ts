import { ONNX_FLOAT, type OnnxAttribute, type OnnxGraph, type OnnxNode } from './OnnxGraph';
import { TreeEnsemble, type TreeEnsembleLayout } from './TreeEnsemble';

/** A model jahskit evaluates itself: one float input, one output, a tree ensemble in between. */
export interface TreeModel {
  readonly ensemble: TreeEnsemble;
  readonly input: string;
  readonly output: string;
}

/** The model, or why jahskit's evaluator does not take it (onnxruntime then runs it). */
export type TreeModelOrReason = { readonly model: TreeModel } | { readonly reason: string };

/** Trees deeper than this are left to onnxruntime: padding them to a complete depth would not pay. */
const MAX_TREE_DEPTH = 12;

/**
 * Recognizes the graphs whose arithmetic jahskit reproduces bit for bit:
 * - a lone `TreeEnsembleRegressor` (SUM, no post-transform, float thresholds, BRANCH_LT/BRANCH_LEQ
 *   nodes, one weight per leaf, one target per tree);
 * - the XGBoost export of the shipped JAHS model: an ensemble with one target per tree, reshaped to
 *   `[N, G, K]`, summed along the last axis with `CumSum` (XGBoost's sequential float32 sum), and
 *   the last running sum taken with `Gather`. Output `g` is then the trees of targets
 *   `gK .. gK + K - 1` summed in that order, which the evaluator does directly.
 */
export function treeEnsembleFromOnnx(graph: OnnxGraph): TreeModelOrReason {
  if (graph.inputs.length !== 1 || graph.outputs.length !== 1)
    return { reason: `the graph has ${graph.inputs.length} inputs and ${graph.outputs.length} outputs, not one of each` };
  const input = graph.inputs[0]!;
  const output = graph.outputs[0]!.name;
  if (input.elemType !== undefined && input.elemType !== ONNX_FLOAT) return { reason: `input "${input.name}" is not float32` };
  const [trees, ...rest] = graph.nodes;
  if (trees === undefined || trees.opType !== 'TreeEnsembleRegressor' || trees.domain !== 'ai.onnx.ml')
    return { reason: 'the first node is not an ai.onnx.ml TreeEnsembleRegressor' };
  if (trees.inputs.length !== 1 || trees.inputs[0] !== input.name) return { reason: 'the ensemble does not read the graph input' };
  const regressor = readRegressor(trees);
  if ('reason' in regressor) return regressor;
  const ensembleOutput = trees.outputs[0];

  if (rest.length === 0) {
    if (ensembleOutput !== output) return { reason: 'the ensemble does not write the graph output' };
    return { model: { ensemble: regressor.build(regressor.roots, (target) => target, regressor.targets, regressor.base), input: input.name, output } };
  }
  const grouping = readCumulativeSum(graph, rest, ensembleOutput, output, regressor.targets);
  if ('reason' in grouping) return grouping;
  const { groups, perGroup } = grouping;
  if (regressor.base.some((b) => b !== 0)) return { reason: 'the per-tree outputs have base values' };
  // Each target is one tree (checked by readCumulativeSum); sum the trees in target order.
  const byTarget = new Int32Array(regressor.targets).fill(-1);
  for (const tree of regressor.roots) {
    const target = regressor.targetOf(tree);
    if (byTarget[target] !== -1) return { reason: `target ${target} has more than one tree` };
    byTarget[target] = tree;
  }
  if (byTarget.includes(-1)) return { reason: 'a target has no tree' };
  const ensemble = regressor.build(Array.from(byTarget), (target) => Math.floor(target / perGroup), groups, new Float32Array(groups));
  return { model: { ensemble, input: input.name, output } };
}

interface Regressor {
  /** Tree numbers (0-based, in the order the model lists them). */
  readonly roots: readonly number[];
  readonly targets: number;
  readonly base: Float32Array;
  targetOf(tree: number): number;
  /** The layout of the given trees in that order, each adding to column `columnOf(its target)`. */
  build(order: readonly number[], columnOf: (target: number) => number, columns: number, base: Float32Array): TreeEnsemble;
}

function readRegressor(node: OnnxNode): Regressor | { reason: string } {
  for (const attribute of node.attributes.values())
    if (attribute.tensor) return { reason: `attribute ${attribute.name} is a tensor (double thresholds or weights)` };
  const text = (name: string, fallback: string): string => node.attributes.get(name)?.s ?? fallback;
  if (text('aggregate_function', 'SUM') !== 'SUM') return { reason: `aggregate_function ${text('aggregate_function', 'SUM')} (only SUM)` };
  if (text('post_transform', 'NONE') !== 'NONE') return { reason: `post_transform ${text('post_transform', 'NONE')} (only NONE)` };
  const ints = (name: string): Int32Array => node.attributes.get(name)?.ints ?? new Int32Array(0);
  const floats = (name: string): Float32Array => node.attributes.get(name)?.floats ?? new Float32Array(0);
  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const featureIds = ints('nodes_featureids');
  const values = floats('nodes_values');
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const missing = ints('nodes_missing_value_tracks_true');
  const modes = (node.attributes.get('nodes_modes') as OnnxAttribute | undefined)?.strings ?? [];
  const n = treeIds.length;
  if (n === 0 || [nodeIds, featureIds, values, trueIds, falseIds, modes].some((a) => a.length !== n) || (missing.length !== 0 && missing.length !== n)) {
    return { reason: 'the node attributes have different lengths' };
  }
  const targets = node.attributes.get('n_targets')?.i ?? 1;
  const targetTrees = ints('target_treeids');
  const targetNodes = ints('target_nodeids');
  const targetIds = ints('target_ids');
  const targetWeights = floats('target_weights');
  const w = targetTrees.length;
  if ([targetNodes, targetIds, targetWeights].some((a) => a.length !== w)) return { reason: 'the target attributes have different lengths' };
  const baseValues = floats('base_values');
  if (baseValues.length !== 0 && baseValues.length !== targets) return { reason: 'base_values does not have one value per target' };

  // Trees in the order of their first node, as onnxruntime takes them; each tree's nodes together.
  const runStart: number[] = [];
  const treeOfId = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i > 0 && treeIds[i] === treeIds[i - 1]) continue;
    if (treeOfId.has(treeIds[i]!)) return { reason: `the nodes of tree ${treeIds[i]} are not listed together` };
    treeOfId.set(treeIds[i]!, runStart.length);
    runStart.push(i);
  }
  runStart.push(n);
  const trees = runStart.length - 1;
  // Node id -> node index, per tree.
  const lookup: Int32Array[] = [];
  for (let t = 0; t < trees; t++) {
    let maxId = -1;
    for (let i = runStart[t]!; i < runStart[t + 1]!; i++) {
      if (nodeIds[i]! < 0) return { reason: 'a node id is negative' };
      maxId = Math.max(maxId, nodeIds[i]!);
    }
    if (maxId >= 8 * (runStart[t + 1]! - runStart[t]!) + 64) return { reason: 'node ids are too sparse' };
    const table = new Int32Array(maxId + 1).fill(-1);
    for (let i = runStart[t]!; i < runStart[t + 1]!; i++) {
      if (table[nodeIds[i]!] !== -1) return { reason: `node ${nodeIds[i]} of tree ${treeIds[i]} is listed twice` };
      table[nodeIds[i]!] = i;
    }
    lookup.push(table);
  }
  const nodeIndex = (tree: number, id: number): number => (id >= 0 && id < lookup[tree]!.length ? lookup[tree]![id]! : -1);

  const isLeaf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const mode = modes[i];
    if (mode === 'LEAF') isLeaf[i] = 1;
    else if (mode !== 'BRANCH_LT' && mode !== 'BRANCH_LEQ') return { reason: `node mode ${mode} (only BRANCH_LT, BRANCH_LEQ and LEAF)` };
    else if (mode === 'BRANCH_LEQ' && values[i] === Infinity) return { reason: 'a BRANCH_LEQ threshold is +Infinity' };
  }
  const leafWeight = new Float32Array(n);
  const leafTarget = new Int32Array(n).fill(-1);
  for (let k = 0; k < w; k++) {
    const tree = treeOfId.get(targetTrees[k]!);
    const i = tree === undefined ? -1 : nodeIndex(tree, targetNodes[k]!);
    if (i < 0 || isLeaf[i] !== 1) return { reason: `a target weight names node ${targetNodes[k]} of tree ${targetTrees[k]}, which is not a leaf` };
    if (leafTarget[i] !== -1) return { reason: 'a leaf has more than one weight' };
    if (targetIds[k]! < 0 || targetIds[k]! >= targets) return { reason: `target id ${targetIds[k]} is outside 0..${targets - 1}` };
    leafTarget[i] = targetIds[k]!;
    leafWeight[i] = targetWeights[k]!;
  }
  const treeTarget = new Int32Array(trees).fill(-1);
  for (let t = 0; t < trees; t++) {
    for (let i = runStart[t]!; i < runStart[t + 1]!; i++) {
      if (isLeaf[i] !== 1) continue;
      if (leafTarget[i] === -1) return { reason: `a leaf of tree ${treeIds[i]} has no weight` };
      if (treeTarget[t] === -1) treeTarget[t] = leafTarget[i]!;
      else if (treeTarget[t] !== leafTarget[i]) return { reason: `tree ${treeIds[i]} adds to more than one target` };
    }
  }

  // The depth of each tree; a cycle or a missing child makes the model one for onnxruntime.
  let depth = 0;
  for (let t = 0; t < trees; t++) {
    const stack: number[] = [runStart[t]!, 0];
    while (stack.length > 0) {
      const d = stack.pop()!;
      const i = stack.pop()!;
      if (d > MAX_TREE_DEPTH) return { reason: `a tree is deeper than ${MAX_TREE_DEPTH}` };
      if (isLeaf[i] === 1) {
        depth = Math.max(depth, d);
        continue;
      }
      const yes = nodeIndex(t, trueIds[i]!);
      const no = nodeIndex(t, falseIds[i]!);
      if (yes < 0 || no < 0) return { reason: `node ${nodeIds[i]} of tree ${treeIds[i]} has a child that is not in its tree` };
      stack.push(yes, d + 1, no, d + 1);
    }
  }

  // Padding every tree to the deepest one pays for near-complete trees (XGBoost's, LightGBM's);
  // one deep tree among shallow ones would multiply the memory instead.
  if (trees * 2 ** depth > 8 * n + 4096) return { reason: `padding ${trees} trees to depth ${depth} would take more than 8 times their ${n} nodes` };

  const build = (order: readonly number[], columnOf: (target: number) => number, columns: number, base: Float32Array): TreeEnsemble => {
    const inner = 2 ** depth - 1;
    const leaves = 2 ** depth;
    const count = order.length;
    const feature = new Int32Array(count * inner);
    const threshold = new Float32Array(count * inner);
    const nanFirst = new Uint8Array(count * inner);
    const weight = new Float32Array(count * leaves);
    const column = new Int32Array(count);
    let features = 0;
    order.forEach((t, position) => {
      column[position] = columnOf(treeTarget[t]!);
      const stack: number[] = [runStart[t]!, 0, 0];
      while (stack.length > 0) {
        const d = stack.pop()!;
        const slot = stack.pop()!;
        const i = stack.pop()!;
        if (isLeaf[i] === 1) {
          // The leaf fills every slot of the last level below it.
          const span = 2 ** (depth - d);
          const first = (slot + 1) * span - 1 - inner;
          weight.fill(leafWeight[i]!, position * leaves + first, position * leaves + first + span);
          continue;
        }
        const at = position * inner + slot;
        feature[at] = featureIds[i]!;
        features = Math.max(features, featureIds[i]! + 1);
        threshold[at] = modes[i] === 'BRANCH_LEQ' ? nextFloat32Up(values[i]!) : values[i]!;
        nanFirst[at] = missing[i] === 1 ? 1 : 0;
        stack.push(nodeIndex(t, trueIds[i]!), 2 * slot + 1, d + 1, nodeIndex(t, falseIds[i]!), 2 * slot + 2, d + 1);
      }
    });
    // onnxruntime adds a target's base value only when some tree scored it (ScoreValue.has_score):
    // a target no tree adds to is 0, whatever its base value.
    const scored = new Uint8Array(columns);
    for (const c of column) scored[c] = 1;
    const scoredBase = base.map((b, c) => (scored[c] === 1 ? b : 0));
    const layout: TreeEnsembleLayout = { depth, trees: count, columns, features, feature, threshold, nanFirst, weight, column, base: scoredBase };
    return new TreeEnsemble(layout);
  };

  const roots = Array.from({ length: trees }, (_, t) => t);
  const base = baseValues.length === 0 ? new Float32Array(targets) : Float32Array.from(baseValues);
  return { roots, targets, base, targetOf: (tree) => treeTarget[tree]!, build };
}

/**
 * `Reshape` to `[N, G, K]` (N given as -1 or 0), `CumSum` along axis 2, `Gather` of index K - 1 on
 * axis 2: returns G and K, or why the tail is not that.
 */
function readCumulativeSum(
  graph: OnnxGraph,
  tail: readonly OnnxNode[],
  from: string | undefined,
  output: string,
  targets: number,
): { groups: number; perGroup: number } | { reason: string } {
  const [reshape, cumsum, gather, ...more] = tail;
  if (
    reshape === undefined ||
    cumsum === undefined ||
    gather === undefined ||
    more.length > 0 ||
    reshape.opType !== 'Reshape' ||
    cumsum.opType !== 'CumSum' ||
    gather.opType !== 'Gather'
  ) {
    return { reason: `the ensemble is followed by ${tail.map((t) => t.opType).join(', ')}, not Reshape, CumSum, Gather` };
  }
  const constant = (name: string | undefined): readonly number[] | undefined => (name === undefined ? undefined : graph.initializers.get(name)?.values);
  const shape = constant(reshape.inputs[1]);
  if (reshape.inputs[0] !== from || shape === undefined || shape.length !== 3 || (shape[0] !== -1 && shape[0] !== 0))
    return { reason: 'the Reshape is not to [N, G, K]' };
  const groups = shape[1]!;
  const perGroup = shape[2]!;
  if (!(groups > 0 && perGroup > 0 && groups * perGroup === targets))
    return { reason: `the Reshape's [N, ${groups}, ${perGroup}] does not hold the ${targets} targets` };
  const axis = constant(cumsum.inputs[1]);
  const flag = (node: OnnxNode, name: string): number => node.attributes.get(name)?.i ?? 0;
  if (
    cumsum.inputs[0] !== reshape.outputs[0] ||
    axis?.length !== 1 ||
    (axis[0] !== 2 && axis[0] !== -1) ||
    flag(cumsum, 'exclusive') !== 0 ||
    flag(cumsum, 'reverse') !== 0
  ) {
    return { reason: 'the CumSum is not an inclusive forward sum along the last axis' };
  }
  const index = graph.initializers.get(gather.inputs[1] ?? '');
  const gatherAxis = gather.attributes.get('axis')?.i ?? 0;
  if (
    gather.inputs[0] !== cumsum.outputs[0] ||
    index === undefined ||
    index.dims.length !== 0 ||
    index.values.length !== 1 ||
    (gatherAxis !== 2 && gatherAxis !== -1)
  ) {
    return { reason: 'the Gather does not take one index of the last axis' };
  }
  if (index.values[0] !== perGroup - 1 && index.values[0] !== -1) return { reason: 'the Gather does not take the last running sum' };
  if (gather.outputs[0] !== output) return { reason: 'the Gather does not write the graph output' };
  return { groups, perGroup };
}

/** The smallest float32 above `v` (finite): `x <= v` is `x < nextFloat32Up(v)` for every float32 x. */
function nextFloat32Up(v: number): number {
  if (Number.isNaN(v) || v === -Infinity) return v === -Infinity ? -3.4028234663852886e38 : v;
  if (v === 0) return 2 ** -149;
  const f = new Float32Array([v]);
  const bits = new Int32Array(f.buffer);
  bits[0] = v > 0 ? bits[0]! + 1 : bits[0]! - 1;
  return f[0]!;
}
