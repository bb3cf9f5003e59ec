export type { DataFiles } from '../data/DataFiles';
export { dataFilesAt, type DataFilesOptions } from '../data/dataFilesAt';
export { BenchmarkError, type BenchmarkErrorKind } from '../errors/BenchmarkError';
export { ONNX_RUNTIME_ENV, onnxRuntime, type OnnxRuntime, type OnnxRuntimeChoice, type OnnxRuntimeName } from '../surrogate/onnxRuntime';
export { SurrogateSession, type SurrogateInput, type SurrogateModelFile } from '../surrogate/SurrogateSession';
export { createOnnxSurrogateBenchmark, type OnnxSurrogateOptions } from './createOnnxSurrogateBenchmark';
export {
  createSurrogateBenchmark,
  type SurrogateBenchmarkOptions,
  type SurrogateCostModel,
  type SurrogateDefinition,
} from './createSurrogateBenchmark';
export { loadOnnxSurrogateFolder, type LoadOnnxSurrogateOptions } from './loadOnnxSurrogateFolder';
export { onnxSurrogateManifestSchema, type OnnxSurrogateManifest } from './OnnxSurrogateManifest';
export { ONNX_SURROGATE_DIR_ENV, onnxSurrogateDescriptor, onnxSurrogateModule } from './onnxSurrogateModule';
export { readOnnxSurrogateFiles } from './readOnnxSurrogateFiles';
