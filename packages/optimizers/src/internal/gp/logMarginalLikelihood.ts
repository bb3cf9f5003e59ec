import { choleskyInverse, choleskySolve, choleskyWithJitter } from './cholesky';
import { matern52, matern52DerivativeR2 } from './matern52';

/**
 * Per-pair, per-group squared distances of n rows: the only data the log marginal likelihood needs,
 * computed once per fit. Entry `(p * groups + g)` for the pair p = i (i - 1) / 2 + j, j < i.
 */
export interface PairDistances {
  readonly n: number;
  readonly groups: number;
  readonly d2: Float64Array;
}

export function pairDistances(x: Float64Array, n: number, d: number, groupOf: Int32Array, groups: number): PairDistances {
  const d2 = new Float64Array(((n * (n - 1)) / 2) * groups);
  let p = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++, p++) {
      const base = p * groups;
      for (let c = 0; c < d; c++) {
        const diff = (x[i * d + c] as number) - (x[j * d + c] as number);
        if (diff !== 0) {
          const at = base + (groupOf[c] as number);
          d2[at] = (d2[at] as number) + diff * diff;
        }
      }
    }
  }
  return { n, groups, d2 };
}

/**
 * The log marginal likelihood log p(y | X, theta) of a zero-mean GP with the Matérn-5/2 ARD kernel
 * s2 * m52(r) + noise * I, and its gradient with respect to theta = (log l_1..G, log s2, log noise):
 *   d LML / d theta = 1/2 tr((alpha alpha^T - K^{-1}) dK/dtheta)     (Rasmussen & Williams eq. 5.9).
 * Returns -Infinity (and a zero gradient) when K cannot be factorised.
 */
export function logMarginalLikelihood(pairs: PairDistances, y: Float64Array, theta: Float64Array, gradient: Float64Array): number {
  const { n, groups, d2 } = pairs;
  const invL2 = new Float64Array(groups);
  for (let g = 0; g < groups; g++) invL2[g] = Math.exp(-2 * (theta[g] as number));
  const s2 = Math.exp(theta[groups] as number);
  const noise = Math.exp(theta[groups + 1] as number);
  const k = new Float64Array(n * n);
  const r2s = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++, p++) {
      let r2 = 0;
      const base = p * groups;
      for (let g = 0; g < groups; g++) r2 += (d2[base + g] as number) * (invL2[g] as number);
      r2s[p] = r2;
      k[i * n + j] = k[j * n + i] = s2 * matern52(r2);
    }
  }
  for (let i = 0; i < n; i++) k[i * n + i] = s2 + noise;
  gradient.fill(0);
  const chol = choleskyWithJitter(k, n, 1e-10);
  if (chol === undefined) return -Infinity;
  const l = chol.factor;
  const alpha = choleskySolve(l, n, y);
  let lml = -0.5 * n * Math.log(2 * Math.PI);
  for (let i = 0; i < n; i++) lml += -0.5 * (y[i] as number) * (alpha[i] as number) - Math.log(l[i * n + i] as number);
  const inv = choleskyInverse(l, n);
  // W = alpha alpha^T - K^{-1}; off-diagonal pairs appear twice in the trace, hence no 1/2 there.
  p = 0;
  let gradS2 = 0;
  for (let i = 1; i < n; i++) {
    const ai = alpha[i] as number;
    for (let j = 0; j < i; j++, p++) {
      const w = ai * (alpha[j] as number) - (inv[i * n + j] as number);
      const r2 = r2s[p] as number;
      gradS2 += w * s2 * matern52(r2);
      const common = w * s2 * matern52DerivativeR2(r2) * -2;
      if (common === 0) continue;
      const base = p * groups;
      for (let g = 0; g < groups; g++) gradient[g] = (gradient[g] as number) + common * (d2[base + g] as number) * (invL2[g] as number);
    }
  }
  let trace = 0;
  for (let i = 0; i < n; i++) {
    const w = (alpha[i] as number) ** 2 - (inv[i * n + i] as number);
    trace += w;
    gradS2 += 0.5 * w * s2;
  }
  gradient[groups] = gradS2;
  gradient[groups + 1] = 0.5 * noise * trace;
  return lml;
}
