import { Rng, totalViolation, type Configuration, type JsonValue, type Observation, type SearchSpace } from '@jahskit/core';
import { withoutPriors } from '@jahskit/spaces';
import { z } from 'zod';
import { configurationSchema } from '../internal/configurationSchema';
import type { ConfigSampler } from '../internal/multifidelity/ConfigSampler';
import type { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { bracketSizes } from '../internal/multifidelity/SynchronousBrackets';
import { compareStanding, standingOf } from '../internal/standing';
import { trialStream } from '../internal/trialStream';
import { CentredDistribution } from './CentredDistribution';
import type { ConfigDistribution } from './ConfigDistribution';
import { logSumExp, mixtureWeights, type MixtureWeights } from './mixtureWeights';
import { mutateIncumbent } from './mutateIncumbent';

export interface PriorBandSamplerOptions {
  /** Standard deviation (on [0, 1] encodings) and centre weight of the density around the incumbent that scores it against the prior. */
  readonly sd: number;
  readonly centreWeight: number;
  readonly mutationRate: number;
  readonly mutationStd: number;
  /** The first configuration is the prior's mode. */
  readonly priorFirst: boolean;
}

export type PriorBandSource = 'uniform' | 'prior' | 'incumbent' | 'mode';

/** [trial id, configuration, ladder rung, value, total violation of the constraints (absent: satisfied)] */
type Logged = [number, Configuration, number, number, number?];

/**
 * PriorBand's sampler E_pi (Mallik et al. 2023): each new configuration comes from the uniform
 * distribution, the prior, or a local perturbation of the incumbent, with {@link mixtureWeights}. The
 * incumbent joins once (1) a configuration has been evaluated at the highest fidelity, (2) the
 * increments paid add up to one bracket of successive halving of the most aggressive kind (sMax
 * promotions), and (3) some rung has at least eta results; its share is then scored on the best
 * k = max(floor(n / eta), eta) results of the highest such rung, weighted k, ..., 1 by rank (as NePS
 * does). At least eta of them: with fewer top-rung results than eta^2, floor(n / eta) would score the
 * incumbent alone, under its own density, and the prior would lose its share whatever the results.
 * The incumbent is the best configuration evaluated at the highest fidelity. With constraints, "best"
 * follows Deb's rules at the rung (`standingOf`: feasible by value, then infeasible by total
 * violation). Trial t draws from `(seed, 'trial', t)`.
 */
export class PriorBandSampler implements ConfigSampler {
  private readonly root: Rng;
  private readonly uniform: SearchSpace;
  /** Successful results in the order told: [trial id, configuration, ladder rung, value]. */
  private log: Logged[] = [];
  private readonly oneBracket: number;

  constructor(
    readonly space: SearchSpace,
    seed: number,
    private readonly ladder: FidelityLadder,
    private readonly prior: ConfigDistribution,
    private readonly options: PriorBandSamplerOptions,
  ) {
    this.root = Rng.seeded(seed);
    this.uniform = withoutPriors(space);
    const sizes = bracketSizes(ladder.sMax, ladder.sMax, ladder.eta);
    this.oneBracket = sizes.reduce((sum, n, r) => sum + n * this.increment(r), 0);
    this.stateSchema = z.array(
      z.tuple([z.number().int().min(0), configurationSchema(space), z.number().int().min(0).max(ladder.sMax), z.number(), z.number().min(0).optional()]),
    );
  }

  readonly stateSchema: z.ZodType<Logged[]>;

  /** What a continued trial pays to reach rung r from the rung below (the budget, for rung 0). */
  private increment(r: number): number {
    const budgets = this.ladder.budgets;
    return (budgets[r] as number) - (r === 0 ? 0 : (budgets[r - 1] as number));
  }

  sample(id: number, rung: number): Configuration {
    return this.draw(id, rung).config;
  }

  /** The configuration of trial `id` for a bracket starting at ladder rung `rung`, and where it came from. */
  draw(id: number, rung: number): { config: Configuration; source: PriorBandSource; weights: MixtureWeights } {
    const rng = trialStream(this.root, id);
    const { weights, incumbent } = this.weights(rung);
    if (id === 0 && this.options.priorFirst) return { config: this.prior.mode, source: 'mode', weights };
    const u = rng.uniform();
    if (u < weights.uniform) return { config: this.uniform.sample(rng), source: 'uniform', weights };
    if (u < weights.uniform + weights.prior || incumbent === undefined) return { config: this.prior.sample(rng), source: 'prior', weights };
    return {
      config: mutateIncumbent(this.space, incumbent, rng, this.options.mutationRate, this.options.mutationStd, this.uniform),
      source: 'incumbent',
      weights,
    };
  }

  /** The mixture for a bracket starting at `rung`, and the incumbent when it is active. */
  weights(rung: number): { weights: MixtureWeights; incumbent: Configuration | undefined } {
    const top = this.ladder.sMax;
    const eta = this.ladder.eta;
    const perRung: Logged[][] = this.ladder.budgets.map(() => []);
    let spent = 0;
    for (const entry of this.log) {
      (perRung[entry[2]] as Logged[]).push(entry);
      spent += this.increment(entry[2]);
    }
    const atTop = perRung[top] as Logged[];
    let scored = -1;
    for (let r = top; r >= 0 && scored < 0; r--) if ((perRung[r] as Logged[]).length >= eta) scored = r;
    if (atTop.length === 0 || spent < this.oneBracket - 1e-9 || scored < 0) return { weights: mixtureWeights(rung, eta), incumbent: undefined };
    const standing = (e: Logged) => standingOf({ status: 'ok', values: [e[3]], constraints: [e[4] ?? 0] });
    const best = (entries: readonly Logged[]) => [...entries].sort((a, b) => compareStanding(standing(a), standing(b)) || a[0] - b[0]);
    const incumbent = (best(atTop)[0] as Logged)[1];
    const ranked = best(perRung[scored] as Logged[]);
    const k = Math.max(Math.floor(ranked.length / eta), eta);
    const around = new CentredDistribution(this.space, incumbent, this.options.sd, this.options.centreWeight);
    const prior: number[] = [];
    const local: number[] = [];
    for (let i = 0; i < k; i++) {
      const config = (ranked[i] as Logged)[1];
      const w = Math.log(k - i);
      prior.push(w + this.prior.logDensity(config));
      local.push(w + around.logDensity(config));
    }
    return { weights: mixtureWeights(rung, eta, { prior: logSumExp(prior), incumbent: logSumExp(local) }), incumbent };
  }

  observe(id: number, config: Configuration, rung: number, value: number | undefined, observation?: Observation): void {
    const violation = totalViolation(observation?.constraints ?? []);
    if (value !== undefined) this.log.push(violation > 0 ? [id, config, rung, value, violation] : [id, config, rung, value]);
  }

  state(): JsonValue {
    return this.log as unknown as JsonValue;
  }

  restore(saved: Logged[]): void {
    this.log = saved.map((e) => [...e] as Logged);
  }
}
