export type { DataFiles } from '../data/DataFiles';
export { dataFilesAt, type DataFilesOptions } from '../data/dataFilesAt';
export { BenchmarkError, type BenchmarkErrorKind } from '../errors/BenchmarkError';
export { ONNX_RUNTIME_ENV, onnxRuntime, type OnnxRuntime, type OnnxRuntimeChoice, type OnnxRuntimeName } from '../surrogate/onnxRuntime';
export { createNb301Benchmark, NB301_MODEL_SHA256, type Nb301Objective, type Nb301Options } from './createNb301Benchmark';
export { nb301Descriptor, nb301Module } from './nb301Module';
