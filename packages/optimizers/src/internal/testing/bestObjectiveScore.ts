import { simulate, type Benchmark, type Optimizer, type SimulationBudget } from '@jahskit/core';

/**
 * A score for {@link expectBeatsRandomSearch}: the best value of the benchmark's first objective (in
 * its own direction) among the successful results at the top fidelity of one simulated run. On a
 * single-fidelity benchmark every result counts; on a multi-fidelity one, with a simulated-seconds
 * budget, this is the anytime "best at equal simulated time" of a multi-fidelity report.
 */
export function bestObjectiveScore(
  benchmark: Benchmark,
  budget: SimulationBudget,
  workers = 1,
): (make: (seed: number) => Optimizer, seed: number) => Promise<number> {
  const objective = benchmark.objectives[0]!;
  const top = JSON.stringify(benchmark.fidelitySpace.defaultConfiguration());
  const sign = objective.direction === 'minimize' ? 1 : -1;
  return async (make, seed) => {
    const run = await simulate({ benchmark, optimizer: make(seed), seed, workers, budget });
    let best = Number.POSITIVE_INFINITY;
    for (const r of run.records) {
      if (r.status !== 'ok' || JSON.stringify(r.trial.fidelity) !== top) continue;
      best = Math.min(best, sign * r.objectives[objective.name]!);
    }
    return sign * best;
  };
}
