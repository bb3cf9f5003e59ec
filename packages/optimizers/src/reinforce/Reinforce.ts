import { totalViolation, type Configuration, type Observation, type OptimizerContext, type ParameterSpec, type Rng } from '@jahskit/core';
import { z } from 'zod';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';

export interface ReinforceOptions {
  /** Adam step size on the logits. */
  readonly learningRate: number;
  /** Momentum of the exponential moving average of rewards used as the baseline. */
  readonly baselineDecay: number;
  /** Bins of the categorical policy over the encoded [0, 1] range of each numeric parameter. */
  readonly bins: number;
}

const reinforceState = (length: number) => {
  const vector = z.array(z.number()).length(length);
  return z.object({
    logits: vector,
    m: vector,
    v: z.array(z.number().min(0)).length(length),
    updates: z.number().int().min(0),
    baselineNumerator: z.number(),
    baselineDenominator: z.number().min(0),
    /** The lowest reward of a feasible result so far (absent in states written before constraints). */
    lowestReward: z.number().nullable().optional(),
  });
};

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;
/** Policy draws that decode to a forbidden configuration before falling back to the prior. */
const DRAW_ATTEMPTS = 20;

/**
 * REINFORCE (Williams 1992) with a factorised categorical policy, as used as a NAS baseline by Zoph &
 * Le (2017) and the NAS-Bench-201 / NAS-HPO-Bench-II papers: one softmax distribution per parameter
 * (categorical and ordinal: one logit per value; integer and float: `bins` equal bins of the encoded
 * [0, 1] range, uniform within the bin; constants: none). The reward is the negated (minimised)
 * objective; the advantage is the reward minus a bias-corrected exponential moving average of rewards
 * (updated with the reward first, as in the NAS-Bench-201 baseline code). The loss
 * -advantage * log pi(config) is minimised by Adam on the logits, which makes the step size
 * independent of the objective's scale.
 *
 * Conditions: every parameter is drawn, the vector is decoded by the space (which drops inactive
 * parameters), and only the parameters active in the result receive a gradient. A draw that decodes
 * to a forbidden configuration is redrawn. Asynchronous workers: the policy is updated on every
 * result as it arrives, with the gradient taken at the current policy (results from a slightly older
 * policy are used as if on-policy). Failed and diverged trials are ignored.
 *
 * Constraints (Deb's rules, as `standingOf` ranks results): a feasible result's reward is its negated
 * value; an infeasible one's is the lowest feasible reward seen so far minus its total violation, so
 * it is rewarded below every feasible result seen, and less the more it breaks. Before any feasible
 * result the floor is 0: the policy then learns to break the constraints less.
 */
export class Reinforce extends ProposalOptimizer<ReturnType<typeof reinforceState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly specs: readonly ParameterSpec[];
  /** Number of policy values of each parameter (0 for constants). */
  private readonly sizes: Int32Array;
  /** Start of each parameter's logits in the flat arrays. */
  private readonly offsets: Int32Array;
  private logits: Float64Array;
  private m: Float64Array;
  private v: Float64Array;
  private readonly probabilities: Float64Array;
  private readonly gradient: Float64Array;
  private readonly vector: Float64Array;
  private updates = 0;
  private baselineNumerator = 0;
  private baselineDenominator = 0;
  private lowestReward: number | null = null;

  constructor(
    private readonly options: ReinforceOptions,
    context: OptimizerContext,
  ) {
    const sizes = Int32Array.from(context.space.parameters, (spec) => policySize(spec, options.bins));
    super(context, { kind: 'reinforce', state: reinforceState(sizes.reduce((a, b) => a + b, 0)) });
    this.specs = context.space.parameters;
    this.sizes = sizes;
    this.offsets = new Int32Array(this.specs.length);
    let total = 0;
    this.specs.forEach((_, i) => {
      this.offsets[i] = total;
      total += this.sizes[i] as number;
    });
    this.logits = new Float64Array(total);
    this.m = new Float64Array(total);
    this.v = new Float64Array(total);
    this.probabilities = new Float64Array(total);
    this.gradient = new Float64Array(total);
    this.vector = new Float64Array(this.specs.length);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    return { config: this.draw(rng) };
  }

  tell(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const value = observation.values[0];
      if (observation.status !== 'ok' || value === undefined) continue;
      const violation = totalViolation(observation.constraints);
      if (violation === 0) this.lowestReward = Math.min(this.lowestReward ?? Infinity, -value);
      this.update(observation.trial.config, violation === 0 ? -value : (this.lowestReward ?? 0) - violation);
    }
  }

  /** The current policy's probabilities, one array per parameter (empty for constants). */
  policy(): number[][] {
    this.refreshProbabilities();
    return this.specs.map((_, i) => Array.from(this.probabilities.subarray(this.offsets[i], (this.offsets[i] as number) + (this.sizes[i] as number))));
  }

  protected saveState(): z.input<ReturnType<typeof reinforceState>> {
    return {
      logits: Array.from(this.logits),
      m: Array.from(this.m),
      v: Array.from(this.v),
      updates: this.updates,
      baselineNumerator: this.baselineNumerator,
      baselineDenominator: this.baselineDenominator,
      lowestReward: this.lowestReward,
    };
  }

  protected restoreState(saved: z.output<ReturnType<typeof reinforceState>>): void {
    this.logits = Float64Array.from(saved.logits);
    this.m = Float64Array.from(saved.m);
    this.v = Float64Array.from(saved.v);
    this.updates = saved.updates;
    this.baselineNumerator = saved.baselineNumerator;
    this.baselineDenominator = saved.baselineDenominator;
    this.lowestReward = saved.lowestReward ?? null;
  }

  private draw(rng: Rng): Configuration {
    this.refreshProbabilities();
    for (let attempt = 0; attempt < DRAW_ATTEMPTS; attempt++) {
      for (let i = 0; i < this.specs.length; i++) {
        const size = this.sizes[i] as number;
        if (size === 0) {
          this.vector[i] = 0;
          continue;
        }
        const offset = this.offsets[i] as number;
        const index = rng.weightedIndex(this.probabilities.subarray(offset, offset + size));
        const spec = this.specs[i] as ParameterSpec;
        this.vector[i] = spec.type === 'integer' || spec.type === 'float' ? (index + rng.uniform()) / size : index;
      }
      try {
        return this.context.space.decode(this.vector);
      } catch {
        // A forbidden combination: draw again from the policy.
      }
    }
    return this.context.space.sample(rng);
  }

  private update(config: Configuration, reward: number): void {
    this.baselineNumerator = this.options.baselineDecay * this.baselineNumerator + (1 - this.options.baselineDecay) * reward;
    this.baselineDenominator = this.options.baselineDecay * this.baselineDenominator + (1 - this.options.baselineDecay);
    const advantage = reward - this.baselineNumerator / this.baselineDenominator;
    this.refreshProbabilities();
    const encoded = this.context.space.encode(config);
    this.gradient.fill(0);
    for (let i = 0; i < this.specs.length; i++) {
      const size = this.sizes[i] as number;
      const x = encoded[i] as number;
      if (size === 0 || Number.isNaN(x)) continue;
      const spec = this.specs[i] as ParameterSpec;
      const chosen = spec.type === 'integer' || spec.type === 'float' ? Math.min(size - 1, Math.floor(x * size)) : Math.round(x);
      const offset = this.offsets[i] as number;
      // Gradient of the loss -advantage * log softmax(logits)[chosen].
      for (let k = 0; k < size; k++) {
        this.gradient[offset + k] = -advantage * ((k === chosen ? 1 : 0) - (this.probabilities[offset + k] as number));
      }
    }
    this.updates++;
    const correction1 = 1 - ADAM_BETA1 ** this.updates;
    const correction2 = 1 - ADAM_BETA2 ** this.updates;
    for (let j = 0; j < this.logits.length; j++) {
      const g = this.gradient[j] as number;
      const m = ADAM_BETA1 * (this.m[j] as number) + (1 - ADAM_BETA1) * g;
      const v = ADAM_BETA2 * (this.v[j] as number) + (1 - ADAM_BETA2) * g * g;
      this.m[j] = m;
      this.v[j] = v;
      this.logits[j] = (this.logits[j] as number) - (this.options.learningRate * (m / correction1)) / (Math.sqrt(v / correction2) + ADAM_EPSILON);
    }
  }

  private refreshProbabilities(): void {
    for (let i = 0; i < this.specs.length; i++) {
      const size = this.sizes[i] as number;
      const offset = this.offsets[i] as number;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < size; k++) max = Math.max(max, this.logits[offset + k] as number);
      let sum = 0;
      for (let k = 0; k < size; k++) {
        const e = Math.exp((this.logits[offset + k] as number) - max);
        this.probabilities[offset + k] = e;
        sum += e;
      }
      for (let k = 0; k < size; k++) this.probabilities[offset + k] = (this.probabilities[offset + k] as number) / sum;
    }
  }
}

function policySize(spec: ParameterSpec, bins: number): number {
  switch (spec.type) {
    case 'categorical':
      return spec.choices.length;
    case 'ordinal':
      return spec.sequence.length;
    case 'constant':
      return 0;
    case 'integer':
      // No more bins than values: each integer gets at most one bin.
      return Math.max(1, Math.min(bins, spec.upper - spec.lower + 1));
    case 'float':
      return bins;
  }
}
