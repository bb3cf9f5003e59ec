import { normalCdf } from '@jahskit/multiobjective';

/**
 * Probability mass of the standard normal in [a, b], computed on the side where it does not cancel:
 * truncated priors need the mass between two far-out bounds, and 1 - Φ loses it in the upper tail.
 */
export function normalMass(a: number, b: number): number {
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}
