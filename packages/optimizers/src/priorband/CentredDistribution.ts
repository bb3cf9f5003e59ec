import type { Configuration, ParameterSpec, Rng, SearchSpace } from '@jahskit/core';
import { normalCdf } from '@jahskit/multiobjective';
import type { ConfigDistribution } from './ConfigDistribution';

/** Draws from a truncated normal before a clamped one is used: the centre lies in [0, 1] and sd <= 0.5, so each draw lands inside with probability > 0.47. */
const REJECTION_TRIES = 64;
/** Forbidden draws tried before the centre's one-parameter neighbours take over. */
const LEGAL_TRIES = 32;

/**
 * A belief centred on one configuration (NePS's prior of a default with a confidence): each number
 * is a normal on its [0, 1] encoding (log-aware) around the centre's position with standard deviation
 * `sd`, truncated to [0, 1]; an ordinal value is drawn among its positions with the same normal's
 * weights; a categorical gives the centre's choice `centreWeight` times the weight of each other choice.
 * Parameters inactive in the centre (a conditional branch it does not take) are uniform. Parameters
 * are independent; conditions and forbidden clauses are the space's (a forbidden draw is redrawn).
 */
export class CentredDistribution implements ConfigDistribution {
  private readonly centre: Float64Array;
  private readonly params: readonly ParameterSpec[];

  constructor(
    private readonly space: SearchSpace,
    readonly mode: Configuration,
    private readonly sd: number,
    private readonly centreWeight: number,
  ) {
    this.centre = space.encode(mode);
    this.params = space.parameters;
  }

  sample(rng: Rng): Configuration {
    for (let attempt = 0; attempt < LEGAL_TRIES; attempt++) {
      const vector = new Float64Array(this.params.length);
      for (let j = 0; j < this.params.length; j++) vector[j] = this.draw(j, rng);
      try {
        return this.space.decode(vector);
      } catch {
        // A forbidden combination: draw again.
      }
    }
    return this.mode;
  }

  private draw(j: number, rng: Rng): number {
    const spec = this.params[j] as ParameterSpec;
    const c = this.centre[j] as number;
    switch (spec.type) {
      case 'constant':
        return 0;
      case 'categorical':
        return rng.weightedIndex(this.categoricalWeights(spec.choices.length, c));
      case 'ordinal':
        return rng.weightedIndex(this.ordinalWeights(spec.sequence.length, c));
      default:
        return Number.isNaN(c) ? rng.uniform() : truncatedNormal(rng, c, this.sd);
    }
  }

  private categoricalWeights(k: number, c: number): number[] {
    return Array.from({ length: k }, (_, i) => (i === c ? this.centreWeight : 1));
  }

  private ordinalWeights(n: number, c: number): number[] {
    if (Number.isNaN(c) || n === 1) return new Array<number>(n).fill(1);
    const u = c / (n - 1);
    return Array.from({ length: n }, (_, i) => Math.exp(-0.5 * ((i / (n - 1) - u) / this.sd) ** 2));
  }

  logDensity(config: Configuration): number {
    const x = this.space.encode(config);
    let total = 0;
    for (let j = 0; j < this.params.length; j++) {
      const v = x[j] as number;
      if (Number.isNaN(v)) continue;
      const spec = this.params[j] as ParameterSpec;
      const c = this.centre[j] as number;
      if (spec.type === 'categorical') total += logMass(this.categoricalWeights(spec.choices.length, c), v);
      else if (spec.type === 'ordinal') total += logMass(this.ordinalWeights(spec.sequence.length, c), v);
      else if (spec.type !== 'constant' && !Number.isNaN(c)) total += truncatedNormalLogPdf(v, c, this.sd);
    }
    return total;
  }
}

function logMass(weights: readonly number[], index: number): number {
  let sum = 0;
  for (const w of weights) sum += w;
  return Math.log((weights[index] as number) / sum);
}

/** A draw of N(mean, sd) truncated to [0, 1], by rejection. */
export function truncatedNormal(rng: Rng, mean: number, sd: number): number {
  for (let i = 0; i < REJECTION_TRIES; i++) {
    const x = rng.normal(mean, sd);
    if (x >= 0 && x <= 1) return x;
  }
  return Math.min(1, Math.max(0, mean));
}

/** Log density of N(mean, sd) truncated to [0, 1] at x in [0, 1]. */
function truncatedNormalLogPdf(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  const mass = normalCdf((1 - mean) / sd) - normalCdf(-mean / sd);
  return -0.5 * z * z - Math.log(sd * Math.sqrt(2 * Math.PI) * mass);
}
