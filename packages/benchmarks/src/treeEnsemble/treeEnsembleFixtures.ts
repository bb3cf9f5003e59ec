import { concatArrays } from './concatArrays';

/** A tree of a test ensemble: a leaf value, or a split with its two subtrees. */
export type TestTree =
  | { readonly leaf: number }
  | {
      readonly feature: number;
      readonly threshold: number;
      readonly mode: 'BRANCH_LT' | 'BRANCH_LEQ';
      readonly nanToTrue: boolean;
      readonly yes: TestTree;
      readonly no: TestTree;
    };

export interface TestEnsemble {
  readonly features: number;
  readonly targets: number;
  /** Each tree with the target it adds to. */
  readonly trees: readonly { readonly target: number; readonly tree: TestTree }[];
  readonly baseValues?: readonly number[];
}

/**
 * An ONNX model holding one ai.onnx.ml TreeEnsembleRegressor (input X [N, features], output Y
 * [N, targets]), written with the protobuf wire format by hand, so that the tests can put random
 * ensembles before onnxruntime and jahskit's evaluator alike.
 */
export function treeEnsembleOnnx(ensemble: TestEnsemble): Uint8Array {
  const ints: Record<string, number[]> = {
    nodes_treeids: [],
    nodes_nodeids: [],
    nodes_featureids: [],
    nodes_truenodeids: [],
    nodes_falsenodeids: [],
    nodes_missing_value_tracks_true: [],
  };
  const modes: string[] = [];
  const values: number[] = [];
  const targets = { target_treeids: [] as number[], target_nodeids: [] as number[], target_ids: [] as number[] };
  const weights: number[] = [];
  ensemble.trees.forEach(({ target, tree }, t) => {
    let next = 0;
    const visit = (node: TestTree): number => {
      const id = next++;
      const at = modes.length;
      ints.nodes_treeids!.push(t);
      ints.nodes_nodeids!.push(id);
      if ('leaf' in node) {
        modes.push('LEAF');
        values.push(0);
        ints.nodes_featureids!.push(0);
        ints.nodes_truenodeids!.push(0);
        ints.nodes_falsenodeids!.push(0);
        ints.nodes_missing_value_tracks_true!.push(0);
        targets.target_treeids.push(t);
        targets.target_nodeids.push(id);
        targets.target_ids.push(target);
        weights.push(node.leaf);
        return id;
      }
      modes.push(node.mode);
      values.push(node.threshold);
      ints.nodes_featureids!.push(node.feature);
      ints.nodes_missing_value_tracks_true!.push(node.nanToTrue ? 1 : 0);
      ints.nodes_truenodeids!.push(-1);
      ints.nodes_falsenodeids!.push(-1);
      ints.nodes_truenodeids![at] = visit(node.yes);
      ints.nodes_falsenodeids![at] = visit(node.no);
      return id;
    };
    visit(tree);
  });
  const attributes = [
    ...Object.entries(ints).map(([name, list]) => attribute(name, 7, field(8, packedVarints(list)))),
    ...Object.entries(targets).map(([name, list]) => attribute(name, 7, field(8, packedVarints(list)))),
    attribute('nodes_modes', 8, ...modes.map((m) => field(9, text(m)))),
    attribute('nodes_values', 6, field(7, packedFloats(values))),
    attribute('target_weights', 6, field(7, packedFloats(weights))),
    attribute('n_targets', 2, varintField(3, ensemble.targets)),
    ...(ensemble.baseValues === undefined ? [] : [attribute('base_values', 6, field(7, packedFloats(ensemble.baseValues)))]),
  ];
  const node = concat(
    field(1, text('X')),
    field(2, text('Y')),
    field(4, text('TreeEnsembleRegressor')),
    field(7, text('ai.onnx.ml')),
    ...attributes.map((a) => field(5, a)),
  );
  const graph = concat(field(1, node), field(2, text('ensemble')), field(11, valueInfo('X', ensemble.features)), field(12, valueInfo('Y', ensemble.targets)));
  const opset = (domain: string, version: number): Uint8Array => concat(field(1, text(domain)), varintField(2, version));
  return concat(varintField(1, 8), field(8, opset('', 17)), field(8, opset('ai.onnx.ml', 3)), field(7, graph));
}

function attribute(name: string, type: number, ...value: Uint8Array[]): Uint8Array {
  return concat(field(1, text(name)), varintField(20, type), ...value);
}

function valueInfo(name: string, width: number): Uint8Array {
  const shape = concat(field(1, field(2, text('N'))), field(1, varintField(1, width)));
  return concat(field(1, text(name)), field(2, field(1, concat(varintField(1, 1), field(2, shape)))));
}

function varint(value: number): number[] {
  // Negative numbers as ten-byte two's complement, as protobuf writes int64.
  let low = value >>> 0;
  let high = value < 0 ? 0xffffffff : Math.floor(value / 2 ** 32);
  const out: number[] = [];
  while (high !== 0 || low > 0x7f) {
    out.push((low & 0x7f) | 0x80);
    low = ((low >>> 7) | ((high & 0x7f) << 25)) >>> 0;
    high >>>= 7;
  }
  out.push(low);
  return out;
}

function varintField(number: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(number << 3), ...varint(value)]);
}

function field(number: number, bytes: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint((number << 3) | 2), ...varint(bytes.length)]), bytes);
}

function packedVarints(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values.flatMap(varint));
}

function packedFloats(values: readonly number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return concatArrays(parts, Uint8Array);
}
