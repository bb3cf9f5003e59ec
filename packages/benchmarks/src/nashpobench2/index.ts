export { BenchmarkError, type BenchmarkErrorKind } from '../errors/BenchmarkError';
export { createNashpobench2Benchmark, NASHPOBENCH2_OBJECTIVES, type Nashpobench2Noise, type Nashpobench2Options } from './createNashpobench2Benchmark';
export { loadNashpobench2 } from './loadNashpobench2';
export { NASHPOBENCH2_ENV, NASHPOBENCH2_FILES } from './nashpobench2DataFiles';
export { NASHPOBENCH2_EPOCHS, nashpobench2FidelitySpace } from './nashpobench2FidelitySpace';
export { nashpobench2Descriptor, nashpobench2Module } from './nashpobench2Module';
export type { Nashpobench2Table } from './Nashpobench2Table';
export { parseNashpobench2Config } from './parseNashpobench2Config';
