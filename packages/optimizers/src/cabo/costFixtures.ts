import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import type { Benchmark } from '@jahskit/core';

/**
 * Branin (three global minima, at x1 = -pi, pi and 9.42) whose evaluation cost grows
 * exponentially along x1: `ratio^((x1 + 5) / 15)` seconds, from 1 s at x1 = -5 to `ratio` seconds
 * at x1 = 10. With ratio 100 the minima cost about 1.8, 12 and 84 s: a cost-aware search can reach
 * the optimum's value at the cheap one, a cost-blind one pays for wherever its model leads.
 */
export function costlyBranin(ratio = 100): Benchmark {
  const base = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
  return {
    ...base,
    id: `costly-branin-${ratio}`,
    evaluate: async (requests) => {
      const evaluations = await base.evaluate(requests);
      return evaluations.map((e, i) => ({ ...e, cost: Math.pow(ratio, ((requests[i]!.config['x1'] as number) + 5) / 15) }));
    },
  };
}

/** The simulated time at which a run's best value first fell to `target` or below (Infinity: never). */
export function timeToReach(records: readonly { readonly objectives: Readonly<Record<string, number>>; readonly end?: number }[], target: number): number {
  for (const r of records) if ((r.objectives['y'] ?? Infinity) <= target) return r.end ?? Infinity;
  return Infinity;
}
