import { BenchmarkError } from '../errors/BenchmarkError';
import { ONNX_INT32, ONNX_INT64, type OnnxAttribute, type OnnxGraph, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from './OnnxGraph';
import { ProtoReader } from './ProtoReader';

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
    while (model.pos < model.end) {
      const tag = model.tag();
      if (tag >>> 3 === 7 && (tag & 7) === 2) graph = readGraph(model.message());
      else model.skip(tag & 7);
    }
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
  while (r.pos < r.end) {
    const tag = r.tag();
    const field = tag >>> 3;
    if (field === 1) nodes.push(readNode(r.message()));
    else if (field === 5) {
      const tensor = readTensor(r.message());
      initializers.set(tensor.name, tensor);
    } else if (field === 11) inputs.push(readValueInfo(r.message()));
    else if (field === 12) outputs.push(readValueInfo(r.message()));
    else r.skip(tag & 7);
  }
  return { nodes, initializers, inputs: inputs.filter((i) => !initializers.has(i.name)), outputs };
}

function readNode(r: ProtoReader): OnnxNode {
  const inputs: string[] = [];
  const outputs: string[] = [];
  const attributes = new Map<string, OnnxAttribute>();
  let opType = '';
  let domain = '';
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag >>> 3) {
      case 1:
        inputs.push(r.string());
        break;
      case 2:
        outputs.push(r.string());
        break;
      case 4:
        opType = r.string();
        break;
      case 7:
        domain = r.string();
        break;
      case 5: {
        const attribute = readAttribute(r.message());
        attributes.set(attribute.name, attribute);
        break;
      }
      default:
        r.skip(tag & 7);
    }
  }
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
  const strings: string[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        name = r.string();
        break;
      case 2:
        f = r.float32();
        break;
      case 3:
        i = r.int32();
        break;
      case 4:
        s = r.string();
        break;
      case 5:
        tensor = true;
        r.skip(wire);
        break;
      case 7:
        floats.push(wire === 2 ? r.packedFloat32s() : r.runOfFloat32s(tag));
        break;
      case 8:
        ints.push(wire === 2 ? r.packedInt32s() : r.runOfInt32s(tag));
        break;
      case 9:
        for (const value of r.runOfStrings(tag)) strings.push(value);
        break;
      default:
        r.skip(wire);
    }
  }
  return {
    name,
    ...(i === undefined ? {} : { i }),
    ...(f === undefined ? {} : { f }),
    ...(s === undefined ? {} : { s }),
    ints: joined(ints, Int32Array),
    floats: joined(floats, Float32Array),
    strings,
    tensor,
  };
}

/** The runs of a repeated field (packed or not; a writer may even mix them) as one typed array. */
function joined<T extends Int32Array | Float32Array>(parts: readonly T[], Type: new (length: number) => T): T {
  if (parts.length === 1) return parts[0]!;
  const out = new Type(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
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
  while (r.pos < r.end) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        readInts(wire, dims);
        break;
      case 2:
        dataType = r.int32();
        break;
      case 5: // int32_data
      case 7: // int64_data
        readInts(wire, values);
        break;
      case 8:
        name = r.string();
        break;
      case 9:
        raw = r.lengthDelimited();
        break;
      default:
        r.skip(wire);
    }
  }
  if (raw !== undefined && (dataType === ONNX_INT32 || dataType === ONNX_INT64)) {
    const view = new DataView(r.buf.buffer, r.buf.byteOffset + raw.start, raw.end - raw.start);
    const step = dataType === ONNX_INT64 ? 8 : 4;
    for (let at = 0; at + step <= view.byteLength; at += step) {
      const low = view.getInt32(at, true);
      // An int64 is kept only when its high word is the sign extension of the low one.
      values.push(step === 4 || view.getInt32(at + 4, true) === low >> 31 ? low : NaN);
    }
  }
  return { name, dataType, dims, values };
}

function readValueInfo(r: ProtoReader): OnnxValueInfo {
  let name = '';
  let elemType: number | undefined;
  const dims: (number | string | undefined)[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag >>> 3 === 1) name = r.string();
    else if (tag >>> 3 === 2) {
      // TypeProto.tensor_type (1) -> elem_type (1), shape (2) -> dim (1) -> dim_value (1) | dim_param (2)
      const type = r.message();
      while (type.pos < type.end) {
        const typeTag = type.tag();
        if (typeTag >>> 3 !== 1) {
          type.skip(typeTag & 7);
          continue;
        }
        const tensor = type.message();
        while (tensor.pos < tensor.end) {
          const tensorTag = tensor.tag();
          if (tensorTag >>> 3 === 1) elemType = tensor.int32();
          else if (tensorTag >>> 3 === 2) {
            const shape = tensor.message();
            while (shape.pos < shape.end) {
              const shapeTag = shape.tag();
              if (shapeTag >>> 3 !== 1) {
                shape.skip(shapeTag & 7);
                continue;
              }
              const dim = shape.message();
              let value: number | string | undefined;
              while (dim.pos < dim.end) {
                const dimTag = dim.tag();
                if (dimTag >>> 3 === 1) value = dim.int32();
                else if (dimTag >>> 3 === 2) value = dim.string();
                else dim.skip(dimTag & 7);
              }
              dims.push(value);
            }
          } else tensor.skip(tensorTag & 7);
        }
      }
    } else r.skip(tag & 7);
  }
  return { name, ...(elemType === undefined ? {} : { elemType }), dims };
}
