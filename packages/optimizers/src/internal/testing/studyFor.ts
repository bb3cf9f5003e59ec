import { Study, type Benchmark, type Optimizer } from '@jahskit/core';

/** A study of `benchmark`'s space, fidelity and objectives driven by `optimizer`, for tests that ask and tell by hand. */
export function studyFor(benchmark: Benchmark, optimizer: Optimizer): Study {
  return new Study({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, optimizer });
}
