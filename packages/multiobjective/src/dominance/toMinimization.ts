import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { checkPoints } from '../internal/validate';

/** Whether each objective is to be minimised or maximised. */
export type ObjectiveDirection = 'minimize' | 'maximize';

/**
 * Returns a copy of the n x d point set in which every maximised column is negated, so that all
 * kernels of this package (which minimise) can be used. Apply the same transform to reference
 * points. O(nd).
 */
export function toMinimization(points: Float64Array, d: number, directions: readonly ObjectiveDirection[]): Float64Array {
  checkPoints(points, d);
  if (directions.length !== d) {
    throw new MultiObjectiveError('dimension-mismatch', `directions has ${directions.length} entries but d = ${d}`);
  }
  const sign = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const dir = directions[j];
    if (dir !== 'minimize' && dir !== 'maximize') {
      throw new MultiObjectiveError('invalid-argument', `directions[${j}] must be 'minimize' or 'maximize', got ${String(dir)}`);
    }
    sign[j] = dir === 'maximize' ? -1 : 1;
  }
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) out[i] = points[i]! * sign[i % d]!;
  return out;
}
