import type { Benchmark, TrialRecord } from '@jahskit/core';

/**
 * Summary rows of a multi-objective run: the size of the non-dominated set found. (Hypervolume
 * rows are added by the multi-objective reporting once a reference point is known.)
 */
export function paretoSummary(benchmark: Benchmark, ok: readonly TrialRecord[]): [string, string][] {
  const signs = benchmark.objectives.map((o) => (o.direction === 'maximize' ? -1 : 1));
  const points = ok.map((r) => benchmark.objectives.map((o, j) => signs[j]! * r.objectives[o.name]!));
  const dominated = (a: number[], b: number[]): boolean => b.every((v, j) => v <= a[j]!) && b.some((v, j) => v < a[j]!);
  const front = points.filter((p) => !points.some((q) => dominated(p, q)));
  return [['non-dominated trials', String(front.length)]];
}
