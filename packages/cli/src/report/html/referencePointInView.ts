import type { ParetoView } from '../../analysis/GridAnalysis';

/**
 * Whether the Pareto chart draws the reference point. A far-off reference point (error 100 %, say)
 * would squeeze every front into a corner, so it is drawn only when it lies within one data span
 * beyond the points on both axes; the caption gives its coordinates either way.
 */
export function referencePointInView(pareto: ParetoView): boolean {
  const [a, b] = pareto.referencePoint;
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  const points = [...pareto.fronts.flatMap((front) => front.points), ...(pareto.trueFront ?? [])].filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (points.length === 0) return true;
  return (
    near(
      a,
      points.map(([x]) => x),
    ) &&
    near(
      b,
      points.map(([, y]) => y),
    )
  );
}

function near(value: number, values: readonly number[]): boolean {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || Math.abs(high) || 1;
  return value >= low - span && value <= high + span;
}
