import { normalCdf, normalPdf } from '@jahskit/multiobjective';

/**
 * Expected improvement below `best` (minimisation) of a Gaussian prediction N(mean, variance):
 * E[max(best - xi - Y, 0)] = (best - xi - mean) Phi(z) + sd phi(z), z = (best - xi - mean) / sd
 * (Jones, Schonlau & Welch 1998; the exploration margin xi as in Lizotte 2008). Zero variance gives
 * the deterministic improvement max(best - xi - mean, 0).
 */
export function expectedImprovement(mean: number, variance: number, best: number, xi = 0): number {
  const gain = best - xi - mean;
  if (!(variance > 0)) return Math.max(gain, 0);
  const sd = Math.sqrt(variance);
  const z = gain / sd;
  return gain * normalCdf(z) + sd * normalPdf(z);
}
