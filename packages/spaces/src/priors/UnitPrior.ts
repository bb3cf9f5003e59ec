import type { Rng } from '@jahskit/core';
import { logGamma } from './logGamma';
import type { NumericPrior } from './NumericPrior';
import { sampleBeta } from './sampleBeta';
import { sampleTruncatedNormal } from './sampleTruncatedNormal';
import { normalMass } from './normalMass';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * A {@link NumericPrior} as a density on the normalised position u in [0, 1] of a numeric scale
 * (`low`, `high`, `log`: the range `encode` maps to [0, 1]). Optimizers that work on the unit
 * interval (TPE's Parzen estimators, the vector encoding) use it directly.
 */
export class UnitPrior {
  /** The position of highest density. */
  readonly mode: number;
  private readonly m: number;
  private readonly s: number;
  private readonly a: number;
  private readonly b: number;
  private readonly logNorm: number;

  constructor(
    readonly prior: NumericPrior,
    low: number,
    high: number,
    log: boolean,
  ) {
    if (prior.kind === 'normal') {
      const origin = log ? Math.log(low) : low;
      const width = (log ? Math.log(high) : high) - origin;
      this.m = (prior.mu - origin) / width;
      this.s = prior.sigma / width;
      this.a = -this.m / this.s;
      this.b = (1 - this.m) / this.s;
      // The mass inside the bounds can underflow when the mean is very far out; the density is then
      // only defined up to that constant, which is still the same for every value.
      this.logNorm = LOG_SQRT_2PI + Math.log(this.s) + Math.log(Math.max(normalMass(this.a, this.b), 1e-300));
      this.mode = this.m < 0 ? 0 : this.m > 1 ? 1 : this.m;
    } else {
      const { alpha, beta } = prior;
      this.m = this.s = this.a = this.b = 0;
      this.logNorm = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
      const mode = alpha > 1 || beta > 1 ? (alpha - 1) / (alpha + beta - 2) : 0.5;
      this.mode = Number.isFinite(mode) ? Math.min(1, Math.max(0, mode)) : 0.5;
    }
  }

  /** A draw of the position, in [0, 1]. */
  sample(rng: Rng): number {
    const prior = this.prior;
    const u = prior.kind === 'normal' ? this.m + this.s * sampleTruncatedNormal(rng, this.a, this.b) : sampleBeta(rng, prior.alpha, prior.beta);
    return u < 0 ? 0 : u > 1 ? 1 : u;
  }

  /** Log density at position `u` (-Infinity outside [0, 1]). */
  logPdf(u: number): number {
    if (!(u >= 0 && u <= 1)) return Number.NEGATIVE_INFINITY;
    const prior = this.prior;
    if (prior.kind === 'normal') {
      const z = (u - this.m) / this.s;
      return -0.5 * z * z - this.logNorm;
    }
    // 0 * log(0) is 0 here: a shape of exactly 1 puts no factor on that side.
    const left = prior.alpha === 1 ? 0 : (prior.alpha - 1) * Math.log(u);
    const right = prior.beta === 1 ? 0 : (prior.beta - 1) * Math.log(1 - u);
    return left + right - this.logNorm;
  }

  pdf(u: number): number {
    return Math.exp(this.logPdf(u));
  }
}
