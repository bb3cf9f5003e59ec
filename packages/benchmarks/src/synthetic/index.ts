export { BenchmarkError, type BenchmarkErrorKind } from '../errors/BenchmarkError';
export { createSyntheticBenchmark, type SyntheticOptions } from './createSyntheticBenchmark';
export { syntheticDescriptor, syntheticModule } from './syntheticModule';
export { branin, dtlz2, hartmann6, SYNTHETIC_PROBLEMS, zdt1, zdt2, zdt3, type SyntheticProblem } from './syntheticProblems';
