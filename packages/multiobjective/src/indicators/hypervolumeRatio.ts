import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { hypervolume } from './hypervolume';

/**
 * HV(front) / HV(referenceFront) for the same reference point: 1 when the front covers the
 * known Pareto front's dominated region. Throws 'invalid-reference' when the reference front
 * has zero hypervolume (the ratio is undefined).
 */
export function hypervolumeRatio(front: Float64Array, referenceFront: Float64Array, d: number, reference: ArrayLike<number>): number {
  const denom = hypervolume(referenceFront, d, reference);
  if (!(denom > 0)) {
    throw new MultiObjectiveError('invalid-reference', 'referenceFront dominates none of the reference box: its hypervolume is 0');
  }
  return hypervolume(front, d, reference) / denom;
}
