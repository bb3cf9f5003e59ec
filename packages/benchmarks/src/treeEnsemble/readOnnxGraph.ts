import { BenchmarkError } from '../errors/BenchmarkError';
import { ONNX_INT32, ONNX_INT64, type OnnxAttribute, type OnnxGraph, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from './OnnxGraph';
import { ProtoReader } from './ProtoReader';
import { concatArrays } from './concatArrays';

/**
 * Reads the graph of an ONNX model (a serialized onnx.ModelProto): nodes with their attributes,
 * integer initializers, inputs and outputs. Field numbers are those of onnx/onnx.proto3; fields
 * not listed there are skipped. Float initializers are skipped over, so reading a neural network's
 * graph to learn that it is not a tree ensemble costs next to nothing.
 */
export function readOnnxGraph(bytes: Uint8Array, path = 'model'): OnnxGraph {
  try {
    const model = new ProtoReader(bytes);
    let graph: OnnxGraph | undefined;
    model.fields((field, wire) => {
      if (field === 7 && wire === 2) graph = readGraph(model.message());
    });
    if (graph === undefined) throw new RangeError('no graph');
    return graph;
  } catch (error) {
    if (BenchmarkError.is(error)) throw error;
    throw new BenchmarkError('model-error', `${path} is not a readable ONNX model: ${(error as Error).message}`, { parameter: path, cause: error });
  }
}

function readGraph(r: ProtoReader): OnnxGraph {
  const nodes: OnnxNode[] = [];
  const initializers = new Map<string, OnnxTensor>();
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  r.fields((field) => {
    if (field === 1) nodes.push(readNode(r.message()));
    else if (field === 5) {
      const tensor = readTensor(r.message());
      initializers.set(tensor.name, tensor);
    } else if (field === 11) inputs.push(readValueInfo(r.message()));
    else if (field === 12) outputs.push(readValueInfo(r.message()));
  });
  return { nodes, initializers, inputs: inputs.filter((i) => !initializers.has(i.name)), outputs };
}

function readNode(r: ProtoReader): OnnxNode {
  const inputs: string[] = [];
  const outputs: string[] = [];
  const attributes = new Map<string, OnnxAttribute>();
  let opType = '';
  let domain = '';
  r.fields((field) => {
    if (field === 1) inputs.push(r.string());
    else if (field === 2) outputs.push(r.string());
    else if (field === 4) opType = r.string();
    else if (field === 7) domain = r.string();
    else if (field === 5) {
      const attribute = readAttribute(r.message());
      attributes.set(attribute.name, attribute);
    }
  });
  return { opType, domain, inputs, outputs, attributes };
}

function readAttribute(r: ProtoReader): OnnxAttribute {
  let name = '';
  let i: number | undefined;
  let f: number | undefined;
  let s: string | undefined;
  let tensor = false;
  const ints: Int32Array[] = [];
  const floats: Float32Array[] = [];
  let strings: string[] = [];
  r.fields((field, wire, tag) => {
    if (field === 1) name = r.string();
    else if (field === 2) f = r.float32();
    else if (field === 3) i = r.int32();
    else if (field === 4) s = r.string();
    // A tensor-valued attribute is only noted (and skipped).
    else if (field === 5) tensor = true;
    else if (field === 7) floats.push(wire === 2 ? r.packedFloat32s() : r.runOfFloat32s(tag));
    else if (field === 8) ints.push(wire === 2 ? r.packedInt32s() : r.runOfInt32s(tag));
    else if (field === 9) strings = strings.length === 0 ? r.runOfStrings(tag) : [...strings, ...r.runOfStrings(tag)];
  });
  return {
    name,
    ...(i === undefined ? {} : { i }),
    ...(f === undefined ? {} : { f }),
    ...(s === undefined ? {} : { s }),
    // The runs of a repeated field (packed or not; a writer may even mix them) as one typed array.
    ints: concatArrays(ints, Int32Array),
    floats: concatArrays(floats, Float32Array),
    strings,
    tensor,
  };
}

function readTensor(r: ProtoReader): OnnxTensor {
  let name = '';
  let dataType = 0;
  const dims: number[] = [];
  const values: number[] = [];
  const readInts = (wire: number, into: number[]): void => {
    if (wire === 2) for (const v of r.packedInt32s()) into.push(v);
    else into.push(r.int32());
  };
  let raw: { start: number; end: number } | undefined;
  r.fields((field, wire) => {
    if (field === 1) readInts(wire, dims);
    else if (field === 2) dataType = r.int32();
    // int32_data (5), int64_data (7)
    else if (field === 5 || field === 7) readInts(wire, values);
    else if (field === 8) name = r.string();
    else if (field === 9) raw = r.lengthDelimited();
  });
  if (raw !== undefined && (dataType === ONNX_INT32 || dataType === ONNX_INT64)) {
    const { start, end } = raw;
    const view = new DataView(r.buf.buffer, r.buf.byteOffset + start, end - start);
    const step = dataType === ONNX_INT64 ? 8 : 4;
    for (let at = 0; at + step <= view.byteLength; at += step) {
      const low = view.getInt32(at, true);
      // An int64 is kept only when its high word is the sign extension of the low one.
      values.push(step === 4 || view.getInt32(at + 4, true) === low >> 31 ? low : NaN);
    }
  }
  return { name, dataType, dims, values };
}

/** ValueInfoProto: name (1), type (2) -> tensor_type (1) -> elem_type (1), shape (2) -> dim (1). */
function readValueInfo(r: ProtoReader): OnnxValueInfo {
  let name = '';
  let elemType: number | undefined;
  const dims: (number | string | undefined)[] = [];
  r.fields((field) => {
    if (field === 1) name = r.string();
    else if (field === 2) {
      r.message().messages(1, (tensor) => {
        tensor.fields((tensorField) => {
          if (tensorField === 1) elemType = tensor.int32();
          else if (tensorField === 2) tensor.message().messages(1, (dim) => dims.push(readDimension(dim)));
        });
      });
    }
  });
  return { name, ...(elemType === undefined ? {} : { elemType }), dims };
}

/** TensorShapeProto.Dimension: dim_value (1) | dim_param (2); undefined when it has neither. */
function readDimension(dim: ProtoReader): number | string | undefined {
  let value: number | string | undefined;
  dim.fields((field) => {
    if (field === 1) value = dim.int32();
    else if (field === 2) value = dim.string();
  });
  return value;
}
