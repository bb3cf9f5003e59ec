export type { DataFiles } from '../data/DataFiles';
export { dataFilesAt, type DataFilesOptions } from '../data/dataFilesAt';
export { BenchmarkError, type BenchmarkErrorKind } from '../errors/BenchmarkError';
export { createNb201Benchmark, NB201_OBJECTIVES, type Nb201ObjectiveName, type Nb201Options } from './createNb201Benchmark';
export { NB201_INSTANCES, type Nb201InstanceName } from './Nb201Instance';
export { nb201FidelitySpace } from './nb201FidelitySpace';
export { nb201Descriptor, nb201Module } from './nb201Module';
export { loadNb201Table, NB201_CELLS, type Nb201Table } from './Nb201Table';
export { parseNb201Config } from './parseNb201Config';
