import { hsspGreedyDecremental } from '@jahskit/multiobjective';
import { packRows } from './packRows';
import { referencePoint } from './referencePoint';

/** How {@link paretoKeep} ranks rows besides their objective values. */
export interface ParetoKeepOptions {
  /** Total violation per row (0 when feasible); absent: every row is feasible. */
  readonly violations?: ArrayLike<number> | undefined;
  /** Reference point = worst + margin x range, per objective (default 0.1). */
  readonly margin?: number;
}

/**
 * The `k` rows (n x d, minimised) to keep by non-dominated sorting plus greedy hypervolume subset
 * selection: whole fronts from the best down, the front that does not fit thinned by dropping its
 * least hypervolume contributor repeatedly. Reference: observed worst + 10% of the range.
 * With `violations`, constrained domination decides first (as SMS-EMOA with constraints does): the
 * infeasible rows are dropped before any feasible one, the most violating first, and the
 * hypervolume selection runs on the feasible rows alone (their own reference point).
 * Returns row indices ascending; all rows when k >= n.
 */
export function paretoKeep(points: Float64Array, d: number, k: number, options: ParetoKeepOptions = {}): number[] {
  const n = points.length / d;
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  if (k <= 0) return [];
  const { violations, margin = 0.1 } = options;
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) ((violations?.[i] ?? 0) > 0 ? infeasible : feasible).push(i);
  if (infeasible.length === 0) return Array.from(hsspGreedyDecremental(points, d, referencePoint(points, d, margin), k));
  if (feasible.length <= k) {
    infeasible.sort((a, b) => (violations![a] as number) - (violations![b] as number) || a - b);
    return [...feasible, ...infeasible.slice(0, k - feasible.length)].sort((a, b) => a - b);
  }
  const sub = packRows(points, d, feasible);
  return Array.from(hsspGreedyDecremental(sub, d, referencePoint(sub, d, margin), k), (i) => feasible[i] as number);
}
