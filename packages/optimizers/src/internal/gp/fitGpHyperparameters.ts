import { defaultGpHyperparameters, GP_BOUNDS, type GpHyperparameters } from './GpHyperparameters';
import { logMarginalLikelihood, pairDistances } from './logMarginalLikelihood';

export interface GpFitOptions {
  /** Adam steps per start (default 40). */
  readonly iterations?: number;
  /** Adam step size on the log parameters (default 0.1). */
  readonly learningRate?: number;
  /**
   * At most this many rows enter the likelihood (default 120): a deterministic evenly spaced
   * subsample otherwise. Each likelihood evaluation is O(n^3), so this bounds the fit's cost.
   */
  readonly maxPoints?: number;
  /** Extra starting point (e.g. the previous fit's result): the search runs from it and from the default. */
  readonly start?: GpHyperparameters;
}

/**
 * Maximises the log marginal likelihood over the log hyperparameters with projected Adam (box
 * bounds {@link GP_BOUNDS}) from the default start and, if given, from `options.start`; returns the
 * best point seen. `y` must already be standardised. Deterministic: no random restarts.
 */
export function fitGpHyperparameters(
  x: Float64Array,
  n: number,
  d: number,
  y: Float64Array,
  groupOf: Int32Array,
  groupWidths: Int32Array,
  options: GpFitOptions = {},
): { hyperparameters: GpHyperparameters; logMarginalLikelihood: number } {
  const groups = groupWidths.length;
  const maxPoints = options.maxPoints ?? 120;
  let rows = x;
  let targets = y;
  let m = n;
  if (n > maxPoints) {
    m = maxPoints;
    rows = new Float64Array(m * d);
    targets = new Float64Array(m);
    for (let s = 0; s < m; s++) {
      const i = Math.floor((s * n) / m);
      rows.set(x.subarray(i * d, i * d + d), s * d);
      targets[s] = y[i] as number;
    }
  }
  const pairs = pairDistances(rows, m, d, groupOf, groups);
  const starts = [defaultGpHyperparameters(groupWidths)];
  if (options.start !== undefined && options.start.logLengthScales.length === groups) starts.unshift(options.start);
  const iterations = options.iterations ?? 40;
  const rate = options.learningRate ?? 0.1;
  const size = groups + 2;
  const lower = new Float64Array(size).fill(GP_BOUNDS.logLengthScale[0]);
  const upper = new Float64Array(size).fill(GP_BOUNDS.logLengthScale[1]);
  lower[groups] = GP_BOUNDS.logSignalVariance[0];
  upper[groups] = GP_BOUNDS.logSignalVariance[1];
  lower[groups + 1] = GP_BOUNDS.logNoiseVariance[0];
  upper[groups + 1] = GP_BOUNDS.logNoiseVariance[1];
  let best: { theta: Float64Array; lml: number } | undefined;
  const gradient = new Float64Array(size);
  for (const start of starts) {
    const theta = new Float64Array(size);
    theta.set(start.logLengthScales);
    theta[groups] = start.logSignalVariance;
    theta[groups + 1] = start.logNoiseVariance;
    for (let i = 0; i < size; i++) theta[i] = Math.min(upper[i] as number, Math.max(lower[i] as number, theta[i] as number));
    const m1 = new Float64Array(size);
    const m2 = new Float64Array(size);
    for (let t = 1; t <= iterations + 1; t++) {
      const lml = logMarginalLikelihood(pairs, targets, theta, gradient);
      if (Number.isFinite(lml) && (best === undefined || lml > best.lml)) best = { theta: theta.slice(), lml };
      if (t > iterations || !Number.isFinite(lml)) break;
      // Gradient ascent with Adam (beta1 0.9, beta2 0.999), projected onto the box.
      for (let i = 0; i < size; i++) {
        const g = gradient[i] as number;
        m1[i] = 0.9 * (m1[i] as number) + 0.1 * g;
        m2[i] = 0.999 * (m2[i] as number) + 0.001 * g * g;
        const step = (rate * ((m1[i] as number) / (1 - 0.9 ** t))) / (Math.sqrt((m2[i] as number) / (1 - 0.999 ** t)) + 1e-8);
        theta[i] = Math.min(upper[i] as number, Math.max(lower[i] as number, (theta[i] as number) + step));
      }
    }
  }
  const theta = best?.theta ?? Float64Array.from([...(starts[starts.length - 1] as GpHyperparameters).logLengthScales, 0, Math.log(1e-3)]);
  return {
    hyperparameters: {
      logLengthScales: Array.from(theta.subarray(0, groups)),
      logSignalVariance: theta[groups] as number,
      logNoiseVariance: theta[groups + 1] as number,
    },
    logMarginalLikelihood: best?.lml ?? -Infinity,
  };
}
