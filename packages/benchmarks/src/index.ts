// Everything, for Node. Browser apps import the subpaths (`@jahskit/benchmarks/nb201`, `/synthetic`,
// `/nb301`, `/jahs`, `/onnx-surrogate`), which never import Node's modules; nashpobench2 is Node-only.
export type { DataFiles } from './data/DataFiles';
export { dataFilesAt, type DataFilesOptions } from './data/dataFilesAt';
export { BenchmarkError, type BenchmarkErrorKind } from './errors/BenchmarkError';
export { createSyntheticBenchmark, type SyntheticOptions } from './synthetic/createSyntheticBenchmark';
export { syntheticDescriptor, syntheticModule } from './synthetic/syntheticModule';
export { branin, dtlz2, hartmann6, SYNTHETIC_PROBLEMS, zdt1, zdt2, zdt3, type SyntheticProblem } from './synthetic/syntheticProblems';
export { createJahsBenchmark, type JahsObjective, type JahsOptions, type JahsVariant } from './jahs/createJahsBenchmark';
export { jahsCost } from './jahs/jahsCostModel';
export { JAHS_MANIFEST, JAHS_MODEL_SHA256 } from './jahs/jahsManifest';
export { jahsDescriptor, jahsModule } from './jahs/jahsModule';
export { jahsVariantSpace } from './jahs/jahsVariantSpace';
export { randomJahsFixed } from './jahs/randomJahsFixed';
export { createNb301Benchmark, NB301_MODEL_SHA256, type Nb301Objective, type Nb301Options } from './nb301/createNb301Benchmark';
export { nb301Descriptor, nb301Module } from './nb301/nb301Module';
export { createOnnxSurrogateBenchmark, type OnnxSurrogateOptions } from './onnxSurrogate/createOnnxSurrogateBenchmark';
export {
  createSurrogateBenchmark,
  type SurrogateBenchmarkOptions,
  type SurrogateCostModel,
  type SurrogateDefinition,
} from './onnxSurrogate/createSurrogateBenchmark';
export { loadOnnxSurrogateFolder, type LoadOnnxSurrogateOptions } from './onnxSurrogate/loadOnnxSurrogateFolder';
export { onnxSurrogateManifestSchema, type OnnxSurrogateManifest } from './onnxSurrogate/OnnxSurrogateManifest';
export { ONNX_SURROGATE_DIR_ENV, onnxSurrogateDescriptor, onnxSurrogateModule } from './onnxSurrogate/onnxSurrogateModule';
export { readOnnxSurrogateFiles } from './onnxSurrogate/readOnnxSurrogateFiles';
export { ONNX_RUNTIME_ENV, onnxRuntime, type OnnxRuntime, type OnnxRuntimeChoice, type OnnxRuntimeName } from './surrogate/onnxRuntime';
export { SurrogateSession, type SurrogateInput, type SurrogateModelFile } from './surrogate/SurrogateSession';
export {
  createNashpobench2Benchmark,
  NASHPOBENCH2_OBJECTIVES,
  type Nashpobench2Noise,
  type Nashpobench2Options,
} from './nashpobench2/createNashpobench2Benchmark';
export { loadNashpobench2 } from './nashpobench2/loadNashpobench2';
export { NASHPOBENCH2_ENV, NASHPOBENCH2_FILES } from './nashpobench2/nashpobench2DataFiles';
export { NASHPOBENCH2_EPOCHS, nashpobench2FidelitySpace } from './nashpobench2/nashpobench2FidelitySpace';
export { nashpobench2Descriptor, nashpobench2Module } from './nashpobench2/nashpobench2Module';
export type { Nashpobench2Table } from './nashpobench2/Nashpobench2Table';
export { parseNashpobench2Config } from './nashpobench2/parseNashpobench2Config';
export { createNb201Benchmark, NB201_OBJECTIVES, type Nb201ObjectiveName, type Nb201Options } from './nb201/createNb201Benchmark';
export { NB201_INSTANCES, type Nb201InstanceName } from './nb201/Nb201Instance';
export { nb201FidelitySpace } from './nb201/nb201FidelitySpace';
export { nb201Descriptor, nb201Module } from './nb201/nb201Module';
export { loadNb201Table, NB201_CELLS, type Nb201Table } from './nb201/Nb201Table';
export { parseNb201Config } from './nb201/parseNb201Config';
