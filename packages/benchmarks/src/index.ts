export { BenchmarkError, type BenchmarkErrorKind } from './errors/BenchmarkError';
export { createSyntheticBenchmark, type SyntheticOptions } from './synthetic/createSyntheticBenchmark';
export { syntheticDescriptor, syntheticModule } from './synthetic/syntheticModule';
export { branin, dtlz2, hartmann6, SYNTHETIC_PROBLEMS, zdt1, zdt2, zdt3, type SyntheticProblem } from './synthetic/syntheticProblems';
export { createJahsBenchmark, type JahsObjective, type JahsOptions, type JahsVariant } from './jahs/createJahsBenchmark';
export { jahsCost } from './jahs/jahsCostModel';
export { JAHS_MANIFEST, JAHS_MODEL_SHA256 } from './jahs/jahsManifest';
export { jahsDescriptor, jahsModule } from './jahs/jahsModule';
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
export { SurrogateSession } from './surrogate/SurrogateSession';
