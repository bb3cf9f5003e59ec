import type { Benchmark, TrialRecord } from '@jahskit/core';
import { hypervolume, nonDominatedFilter } from '@jahskit/multiobjective';

/**
 * Summary rows of a multi-objective run: how many trials are non-dominated and, when the benchmark
 * knows the true front of exactly these objectives, the hypervolume ratio against it at the
 * benchmark's fixed reference point.
 */
export function paretoSummary(benchmark: Benchmark, ok: readonly TrialRecord[]): [string, string][] {
  const names = benchmark.objectives.map((o) => o.name);
  const signs = benchmark.objectives.map((o) => (o.direction === 'maximize' ? -1 : 1));
  const d = names.length;
  const points = new Float64Array(ok.length * d);
  ok.forEach((record, i) => names.forEach((name, j) => (points[i * d + j] = signs[j]! * record.objectives[name]!)));
  const front = ok.length === 0 ? [] : nonDominatedFilter(points, d);
  const rows: [string, string][] = [['non-dominated trials', String(front.length)]];
  const known = benchmark.optimum?.paretoFronts?.find((f) => f.objectives.length === d && f.objectives.every((n, j) => n === names[j]));
  if (known?.referencePoint !== undefined) {
    const reference = known.referencePoint.map((v, j) => signs[j]! * v);
    const trueFront = Float64Array.from(known.points.flatMap((p) => p.map((v, j) => signs[j]! * v)));
    const found = hypervolume(points, d, reference);
    const best = hypervolume(trueFront, d, reference);
    rows.push(['hypervolume', `${found.toPrecision(6)} (reference point ${known.referencePoint.join(', ')})`]);
    rows.push(['hypervolume ratio', `${((100 * found) / best).toFixed(2)} % of the true front's ${best.toPrecision(6)}`]);
  }
  return rows;
}
