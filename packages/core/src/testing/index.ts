export { describeBenchmarkConformance, type BenchmarkConformanceOptions } from './benchmarkConformance';
export { describeOptimizerConformance, type OptimizerConformanceOptions } from './optimizerConformance';
export { describeRegistryConformance, type RegistryConformanceOptions } from './describeRegistryConformance';
export { expectGoldenTrace, type GoldenTraceOptions } from './expectGoldenTrace';
export { describeSpaceConformance } from './spaceConformance';
export { describeStorageConformance, type StorageConformanceOptions } from './storageConformance';
export { coreErrorOf, coreErrorOfAsync } from './coreErrorOf';
export { applyByteEdits, applyJsonEdits, byteEdit, FUZZ_SEED, fuzzParams, jsonEdit, jsonEditValue, type ByteEdit, type JsonEdit } from './inputMutations';
export { fuzzTest } from './fuzzTest';
