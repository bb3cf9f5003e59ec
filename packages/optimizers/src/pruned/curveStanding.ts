import { standingOf, type Standing } from '../internal/standing';
import type { Curve } from './PruningRule';

/**
 * Where a curve stands at rung `rung` (Deb's rules at that rung's fidelity, `standingOf`): feasible by
 * value, then infeasible by total violation; undefined when it has not reported the rung. A curve
 * without `violations` satisfies every constraint.
 */
export function curveStanding(curve: Curve, rung: number): Standing | undefined {
  const value = curve.values[rung];
  if (value === undefined) return undefined;
  return standingOf({ status: 'ok', values: [value], constraints: [curve.violations?.[rung] ?? 0] });
}
