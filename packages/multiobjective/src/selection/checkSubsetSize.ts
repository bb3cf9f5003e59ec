import { MultiObjectiveError } from '../errors/MultiObjectiveError';

export function checkSubsetSize(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new MultiObjectiveError('invalid-argument', `k must be an integer between 0 and the number of points (${n}), got ${k}`);
  }
}
