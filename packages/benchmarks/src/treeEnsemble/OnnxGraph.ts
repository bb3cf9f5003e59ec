/** The parts of an ONNX model's graph that jahskit's own evaluators read (see readOnnxGraph). */
export interface OnnxGraph {
  readonly nodes: readonly OnnxNode[];
  /** Integer initializers with their values; others with their shape only. */
  readonly initializers: ReadonlyMap<string, OnnxTensor>;
  /** The graph's inputs that are not initializers. */
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export interface OnnxNode {
  readonly opType: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: ReadonlyMap<string, OnnxAttribute>;
}

/** One attribute; the fields its type does not use stay empty. */
export interface OnnxAttribute {
  readonly name: string;
  readonly i?: number;
  readonly f?: number;
  readonly s?: string;
  readonly ints: Int32Array;
  readonly floats: Float32Array;
  readonly strings: readonly string[];
  /** A tensor-valued attribute (`*_as_tensor`), whose contents are not read. */
  readonly tensor: boolean;
}

export interface OnnxTensor {
  readonly name: string;
  /** ONNX TensorProto.DataType: 1 float, 6 int32, 7 int64, ... */
  readonly dataType: number;
  readonly dims: readonly number[];
  /** The values of an int32 or int64 tensor (int64 outside the int32 range read as NaN); else empty. */
  readonly values: readonly number[];
}

export interface OnnxValueInfo {
  readonly name: string;
  /** The tensor element type (1 float, ...); undefined when the model does not say. */
  readonly elemType?: number;
  /** Each dimension: a size, a symbolic name, or undefined. */
  readonly dims: readonly (number | string | undefined)[];
}

export const ONNX_FLOAT = 1;
export const ONNX_INT32 = 6;
export const ONNX_INT64 = 7;
