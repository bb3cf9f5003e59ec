import { simulate, validateOptions, type Benchmark, type Optimizer, type OptimizerDescriptor } from '@jahskit/core';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { hypervolume } from '@jahskit/multiobjective';
import { RandomSearch } from '../../rs/RandomSearch';

/** Test fixtures shared by the multi-objective optimizers' tests. */
export const syntheticMo = (instance: 'zdt1' | 'zdt2' | 'dtlz2-3', maxEpoch = 27): (() => Promise<Benchmark>) => {
  return async () => createSyntheticBenchmark({ instance, maxEpoch, noise: 0, secondsPerEpoch: 1 });
};

export function makeOptimizer(descriptor: OptimizerDescriptor, benchmark: Benchmark, seed: number, options: unknown = {}): Optimizer {
  return descriptor.create(validateOptions(descriptor.options, options, descriptor.id), {
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    seed,
    ...(benchmark.cheapMetrics !== undefined ? { cheapObjectives: benchmark.cheapMetrics.bind(benchmark) } : {}),
  });
}

export function randomSearch(benchmark: Benchmark, seed: number): Optimizer {
  return new RandomSearch({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed });
}

/**
 * Hypervolume (benchmark's reference point) of the full-fidelity results of one simulated run.
 * `reference` overrides the benchmark's (ZDT's (1.1, 1.1) is out of reach in a few dozen trials).
 * Results at lower fidelities are ignored, as an anytime multi-fidelity report would.
 */
export async function runHypervolume(benchmark: Benchmark, optimizer: Optimizer, seed: number, budget: number | { simulatedSeconds: number }, reference?: readonly number[]): Promise<number> {
  const run = await simulate({ benchmark, optimizer, seed, budget: typeof budget === 'number' ? { evaluations: budget } : budget });
  const front = benchmark.optimum!.paretoFronts![0]!;
  const top = benchmark.fidelitySpace.defaultConfiguration();
  const rows: number[] = [];
  for (const r of run.records) {
    if (r.status !== 'ok') continue;
    if (Object.keys(top).some((k) => r.trial.fidelity[k] !== top[k])) continue;
    for (const name of front.objectives) rows.push(r.objectives[name]!);
  }
  return hypervolume(Float64Array.from(rows), front.objectives.length, reference ?? front.referencePoint!);
}
