import type { Configuration, OptimizerContext, Rng } from '@jahskit/core';
import { expectedImprovement } from '../internal/acquisition/expectedImprovement';
import { candidatePool } from '../internal/mo/candidatePool';
import type { Proposal } from '../internal/mo/MoOptimizerBase';
import { GpMoOptimizerBase } from '../internal/mo/GpMoOptimizerBase';
import type { GpMoSettings } from '../internal/mo/gpMoOptions';
import { normalizeObjectives } from '../internal/mo/normalizeObjectives';
import { simplexLattice } from '../internal/mo/simplexWeights';
import { OPTION_LIMITS } from '../internal/optionLimits';
import { OptimizerError } from '../errors/OptimizerError';
import { penaliseInfeasible } from './penaliseInfeasible';

/** The GP keeps the best results by the scalarised value; the mutations are of the best scalarised results. */
export interface ParEgoOptions extends GpMoSettings {
  readonly rho: number;
  readonly weights: 'lattice' | 'dirichlet';
  readonly latticeSize: number | null;
}

/**
 * ParEGO, Knowles (IEEE TEC 2006). Each trial draws a weight vector lambda (uniformly from a simplex
 * lattice, or from a flat Dirichlet), normalises every objective to [0, 1] by its observed range,
 * scalarises with the augmented Chebyshev function max_j lambda_j f_j + rho sum_j lambda_j f_j, fits a
 * Gaussian process to the scalarised values and proposes the candidate with the highest expected
 * improvement. Candidates: prior draws plus one-parameter mutations of the best scalarised points (the
 * paper's evolutionary search of EI, reduced to one generation). Above `maxModelPoints` results, the GP
 * is fitted on the best ones by the scalarised value (as the paper bounds its model size).
 * With constraints, an infeasible result's scalarised value is replaced by one above every feasible
 * result's, ordered by total violation (`penaliseInfeasible`): Deb's rules in the one number the GP models.
 */
export class ParEgo extends GpMoOptimizerBase {
  private readonly lattice: number[][];

  constructor(
    private readonly options: ParEgoOptions,
    context: OptimizerContext,
  ) {
    super('parego', context, options.refitEvery);
    const divisions = options.latticeSize ?? (this.d === 2 ? 10 : this.d === 3 ? 4 : 3);
    // The lattice is listed whole: its size, C(s + m - 1, m - 1), is checked before it is built.
    if (options.weights === 'lattice' && latticeVectors(divisions, this.d) > OPTION_LIMITS.latticeVectors) {
      throw new OptimizerError(
        'invalid-option',
        `latticeSize: ${divisions} divisions make more than ${OPTION_LIMITS.latticeVectors} weight vectors for ${this.d} objectives; use fewer, or weights "dirichlet"`,
        {
          parameter: 'latticeSize',
          allowed: `divisions s with C(s + ${this.d - 1}, ${this.d - 1}) <= ${OPTION_LIMITS.latticeVectors}`,
        },
      );
    }
    this.lattice = options.weights === 'lattice' ? simplexLattice(this.d, divisions) : [];
  }

  private weights(rng: Rng): number[] {
    if (this.options.weights === 'lattice') return rng.pick(this.lattice);
    const e = Array.from({ length: this.d }, () => -Math.log(1 - rng.uniform()));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    const space = this.context.space;
    const n = this.archive.size;
    if (n < Math.max(2, this.options.startupTrials)) return { config: space.sample(rng) };
    const lambda = this.weights(rng);
    const { scaled } = normalizeObjectives(this.archive.points(), this.d);
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      let sum = 0;
      for (let j = 0; j < this.d; j++) {
        const v = (lambda[j] as number) * (scaled[i * this.d + j] as number);
        max = Math.max(max, v);
        sum += v;
      }
      f[i] = max + this.options.rho * sum;
    }
    const violations = this.archive.violations();
    if (violations !== undefined) penaliseInfeasible(f, violations);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (f[a] as number) - (f[b] as number) || a - b);
    const used = order.slice(0, this.options.maxModelPoints);
    const configs: Configuration[] = used.map((i) => this.archive.entries[i]!.config);
    const gp = this.gps.fit(
      'scalarised',
      n,
      this.encoder.encodeAll(configs),
      configs.length,
      this.encoder.width,
      used.map((i) => f[i] as number),
      this.encoder.groups,
    );
    const best = f[order[0] as number] as number;
    const candidates = candidatePool(space, rng, this.options.randomCandidates, this.options.mutationCandidates, configs.slice(0, 10), (key) =>
      this.asked.has(key),
    );
    if (candidates.length === 0) return { config: space.sample(rng) };
    const { mean, variance } = gp.predict(this.encoder.encodeAll(candidates), candidates.length);
    let chosen = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < candidates.length; c++) {
      const ei = expectedImprovement(mean[c] as number, Math.max(1e-18, variance[c] as number), best);
      if (ei > top) {
        top = ei;
        chosen = c;
      }
    }
    return { config: candidates[chosen] as Configuration, tags: { weights: lambda } };
  }
}

/** C(s + m - 1, m - 1), the number of weight vectors of a simplex lattice (as a float: it may be huge). */
function latticeVectors(s: number, m: number): number {
  let count = 1;
  for (let k = 1; k < m; k++) count = (count * (s + k)) / k;
  return count;
}
