import { normalCdf } from '@jahskit/multiobjective';

/** One parametric family of learning curves, written y = c + a g(x; theta) with a >= 0 and g falling in x. */
interface CurveFamily {
  readonly name: string;
  /** The nonlinear parameters theta on the grid the fit searches. */
  readonly grid: readonly (readonly number[])[];
  /** log g(x; theta); constant offsets do not matter (a absorbs them). */
  logBasis(x: number, theta: readonly number[]): number;
}

const logSpaced = (lo: number, hi: number, n: number): number[] => Array.from({ length: n }, (_, i) => lo * Math.pow(hi / lo, i / (n - 1)));
const product = (a: readonly number[], b: readonly number[]): number[][] => a.flatMap((p) => b.map((q) => [p, q]));

/**
 * The families of Domhan, Springenberg & Hutter (IJCAI 2015) that fit a falling loss with few points,
 * each as an offset plus a non-negative multiple of a falling basis, on x = budget / target budget:
 * pow3 c + a x^-alpha; exponential c + a e^(-beta x); log-power c + a / (1 + (x / e^b)^alpha); and
 * vapor pressure c + a exp(b / x + d log x) (the paper's exp(a + b/x + c log x), shifted and scaled so
 * that it also fits values below 0).
 */
export const CURVE_FAMILIES: readonly CurveFamily[] = [
  { name: 'pow3', grid: logSpaced(0.05, 4, 32).map((alpha) => [alpha]), logBasis: (x, [alpha]) => -(alpha as number) * Math.log(x) },
  { name: 'exponential', grid: logSpaced(0.2, 50, 32).map((beta) => [beta]), logBasis: (x, [beta]) => -(beta as number) * x },
  {
    name: 'log-power',
    grid: product(logSpaced(1e-3, 1, 12), logSpaced(0.25, 6, 10)),
    logBasis: (x, [tau, alpha]) => -Math.log1p(Math.pow(x / (tau as number), alpha as number)),
  },
  {
    name: 'vapor-pressure',
    grid: product(logSpaced(1e-3, 0.5, 12), [-2, -1.5, -1, -0.6, -0.3, 0, 0.3, 0.6]),
    // b / x falls in x; d log x with d < 0 falls too, with d > 0 it bends the curve back up at the end (still a >= 0).
    logBasis: (x, [b, d]) => (b as number) / x + (d as number) * Math.log(x),
  },
];

/** A fitted curve's prediction at the target: a Gaussian per grid point, weighted by its marginal likelihood. */
export interface CurveForecast {
  readonly family: string;
  readonly means: readonly number[];
  readonly sds: readonly number[];
  readonly weights: readonly number[];
}

/**
 * Fits every family to the points (xs[i], ys[i]) by least squares and predicts the value at `target`.
 * For each theta of a family's grid the offset and scale are solved in closed form (a clamped to >= 0:
 * a rising curve is fitted by its mean); theta is then integrated over the grid with weights
 * SSE(theta)^(-(n - 2) / 2) (the marginal likelihood with c, a and the noise integrated out under flat
 * priors), which stands in for the paper's MCMC over the parameters. Each theta's prediction is a
 * normal with the residual variance SSE / (n - 2) plus the variance of c + a g(target). Deterministic.
 * Needs n >= 3 points at distinct budgets.
 */
export function fitCurveEnsemble(xs: readonly number[], ys: readonly number[], target: number): CurveForecast[] {
  const n = xs.length;
  if (n < 3) return [];
  const u = xs.map((x) => x / target);
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  const total = ys.reduce((s, y) => s + (y - meanY) ** 2, 0);
  // A floor on the residuals: an exact fit would otherwise claim certainty about the extrapolation.
  const floor = Math.max(1e-6 * total, 1e-12 * (Math.abs(meanY) + 1) ** 2);
  const forecasts: CurveForecast[] = [];
  for (const family of CURVE_FAMILIES) {
    const means: number[] = [];
    const sds: number[] = [];
    const logLik: number[] = [];
    const g = new Array<number>(n);
    for (const theta of family.grid) {
      let top = family.logBasis(1, theta);
      for (let i = 0; i < n; i++) top = Math.max(top, family.logBasis(u[i] as number, theta));
      if (!Number.isFinite(top)) continue;
      for (let i = 0; i < n; i++) g[i] = Math.exp(family.logBasis(u[i] as number, theta) - top);
      const gT = Math.exp(family.logBasis(1, theta) - top);
      let meanG = 0;
      for (let i = 0; i < n; i++) meanG += g[i] as number;
      meanG /= n;
      let sgg = 0;
      let sgy = 0;
      for (let i = 0; i < n; i++) {
        const dg = (g[i] as number) - meanG;
        sgg += dg * dg;
        sgy += dg * ((ys[i] as number) - meanY);
      }
      if (!(sgg > 1e-14)) continue;
      const a = Math.max(0, sgy / sgg);
      const c = meanY - a * meanG;
      let sse = 0;
      for (let i = 0; i < n; i++) sse += ((ys[i] as number) - c - a * (g[i] as number)) ** 2;
      sse = Math.max(sse, floor);
      const noise = sse / (n - 2);
      const spread = noise * (1 / n + (gT - meanG) ** 2 / sgg);
      means.push(c + a * gT);
      sds.push(Math.sqrt(noise + spread));
      logLik.push((-(n - 2) / 2) * Math.log(sse));
    }
    if (means.length === 0) continue;
    const best = Math.max(...logLik);
    const raw = logLik.map((l) => Math.exp(l - best));
    const sum = raw.reduce((s, w) => s + w, 0);
    forecasts.push({ family: family.name, means, sds, weights: raw.map((w) => w / sum) });
  }
  return forecasts;
}

/** Probability, under the ensemble (families weighted equally), that the value at the target is below `bar`. */
export function probabilityBelow(forecasts: readonly CurveForecast[], bar: number): number {
  if (forecasts.length === 0) return 1;
  let total = 0;
  for (const f of forecasts) {
    let p = 0;
    for (let i = 0; i < f.means.length; i++) p += (f.weights[i] as number) * normalCdf((bar - (f.means[i] as number)) / (f.sds[i] as number));
    total += p;
  }
  return total / forecasts.length;
}
