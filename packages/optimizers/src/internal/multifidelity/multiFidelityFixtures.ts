import { simulate, validateOptions, type Benchmark, type Optimizer, type OptimizerDescriptor } from '@jahskit/core';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';

/** Hartmann-6 with an epoch fidelity 1..27 (ladder 1, 3, 9, 27 at eta 3). */
export const hartmannEpochs = async (maxEpoch = 27): Promise<Benchmark> =>
  createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch, noise: 0, secondsPerEpoch: 1 });

export function createWith(descriptor: OptimizerDescriptor, benchmark: Benchmark, seed: number, options: unknown = {}): Optimizer {
  return descriptor.create(validateOptions(descriptor.options, options, descriptor.id), {
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    seed,
  });
}

/** Mean over seeds of the best full-fidelity value found within `seconds` of simulated time. */
export async function meanBestAtEqualTime(
  make: (seed: number) => Optimizer,
  benchmark: Benchmark,
  seeds: readonly number[],
  seconds: number,
  workers = 1,
): Promise<number> {
  let total = 0;
  const top = benchmark.fidelitySpace.defaultConfiguration();
  for (const seed of seeds) {
    const run = await simulate({ benchmark, optimizer: make(seed), seed, workers, budget: { simulatedSeconds: seconds } });
    const full = run.records.filter((r) => r.status === 'ok' && JSON.stringify(r.trial.fidelity) === JSON.stringify(top));
    total += Math.min(...full.map((r) => Object.values(r.objectives)[0] as number));
  }
  return total / seeds.length;
}
