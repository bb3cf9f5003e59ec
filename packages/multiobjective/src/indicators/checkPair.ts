import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { checkPoints } from '../internal/validate';

/** Validates an approximation set and a reference (true) front of the same dimension. */
export function checkPair(front: Float64Array, reference: Float64Array, d: number): { n: number; m: number } {
  const n = checkPoints(front, d, 'front');
  const m = checkPoints(reference, d, 'referenceFront');
  if (n === 0) throw new MultiObjectiveError('empty', 'front must contain at least one point');
  if (m === 0) throw new MultiObjectiveError('empty', 'referenceFront must contain at least one point');
  return { n, m };
}
