/**
 * A short tour of @jahskit/multiobjective: rank a population, keep the best k by hypervolume
 * and score candidate predictions by expected hypervolume improvement. Point sets are row-major
 * Float64Arrays (n x d) and every objective is minimised.
 */
import {
  crowdingDistance,
  frontsFromRanks,
  hsspGreedyDecremental,
  hypervolume,
  hypervolumeContributions,
  nonDominatedSort,
  pointsFromRows,
  prepareEhvi,
  toMinimization,
} from '@jahskit/multiobjective';

export interface ExampleResult {
  readonly ranks: number[];
  readonly firstFront: number[];
  readonly crowding: number[];
  readonly hv: number;
  readonly contributions: number[];
  readonly kept: number[];
  readonly ehvi: number[];
}

export function multiobjectiveExample(): ExampleResult {
  // (validation error, accuracy): accuracy is maximised, so negate that column first.
  const raw = pointsFromRows([
    [0.30, 0.90],
    [0.20, 0.85],
    [0.50, 0.95],
    [0.25, 0.80],
    [0.60, 0.70],
    [0.20, 0.85],
  ]);
  const points = toMinimization(raw.points, raw.d, ['minimize', 'maximize']);
  const reference = [1, 0]; // worst error 1, accuracy 0 (negated: 0)

  const ranks = nonDominatedSort(points, raw.d); // 0-based front per point
  const fronts = frontsFromRanks(ranks);
  const firstFront = fronts[0]!;
  const front = new Float64Array(firstFront.flatMap((i) => [points[2 * i]!, points[2 * i + 1]!]));

  // Pick survivors as SMS-EMOA would: dominated points go first, then the least contributors.
  const kept = hsspGreedyDecremental(points, raw.d, reference, 3);

  // Score two candidate predictions (mean and standard deviation per objective) against the front.
  const model = prepareEhvi(front, raw.d, reference);
  const ehvi = Array.from(
    model.ehviBatch(Float64Array.from([0.15, -0.9, 0.4, -0.5]), Float64Array.from([0.05, 0.02, 0.05, 0.02])),
  );

  return {
    ranks: Array.from(ranks),
    firstFront,
    crowding: Array.from(crowdingDistance(front, raw.d)),
    hv: hypervolume(points, raw.d, reference),
    contributions: Array.from(hypervolumeContributions(points, raw.d, reference)),
    kept: Array.from(kept),
    ehvi,
  };
}
