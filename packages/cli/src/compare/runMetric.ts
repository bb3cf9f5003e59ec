import type { Benchmark, ParetoFront } from '@jahskit/core';
import type { ProtocolMetric } from './Protocol';

/** How a study is judged, and what is known of the benchmark's optimum to judge it against. */
export interface RunMetric {
  readonly metric: ProtocolMetric;
  /** The known optimum of the first objective, if any. */
  readonly optimum: number | undefined;
  /** The known Pareto front of exactly the benchmark's objectives, in their order, if any. */
  readonly front: ParetoFront | undefined;
}

/**
 * How the one study of `jahskit run` (and of the playground, which runs it in the browser and must
 * write the same run file) is judged: by regret where the optimum of its single objective is known,
 * by hypervolume where a reference point for its objectives is, else by the best value.
 */
export function runMetric(benchmark: Benchmark): RunMetric {
  const names = benchmark.objectives.map((o) => o.name);
  const front = benchmark.optimum?.paretoFronts?.find((f) => f.objectives.length === names.length && f.objectives.every((n, j) => n === names[j]));
  const optimum = benchmark.optimum?.values[names[0] as string];
  const metric = names.length > 1 && front?.referencePoint !== undefined ? 'hypervolume' : optimum !== undefined && names.length === 1 ? 'regret' : 'best';
  return { metric, optimum, front };
}
