import type { OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import { breedChild } from '../internal/mo/breedChild';
import type { ArchiveEntry } from '../internal/mo/ParetoArchive';
import { MoOptimizerBase, type Proposal } from '../internal/mo/MoOptimizerBase';
import type { SavedEnvelope } from '../internal/ProposalOptimizer';
import { stateError } from '../internal/stateError';
import { paretoKeep } from '../internal/mo/paretoOrder';

export interface SmsEmoaOptions {
  /** Size of the steady-state population (mu); also the number of initial prior samples. */
  readonly population: number;
  /** Probability that a child is the uniform crossover of two random parents (else a copy of one). */
  readonly crossoverProbability: number;
  /** Probability that the child then changes in one parameter. */
  readonly mutationProbability: number;
  /** Reference point = observed worst + margin x observed range, per objective. */
  readonly referenceMargin: number;
}

/**
 * SMS-EMOA, Beume, Naujoks & Emmerich (EJOR 2007): a steady-state (mu + 1) evolutionary algorithm.
 * Each result joins the population; when it holds mu + 1 members, the member of the worst
 * non-dominated front with the least exclusive hypervolume contribution is dropped
 * (`hsspGreedyDecremental` of `@jahskit/multiobjective`, which is exactly that rule). Parents are
 * drawn uniformly from the population, as in the paper; variation is uniform crossover plus a
 * one-parameter mutation.
 *
 * The benchmark's reference point is not known to an optimizer: here it is the worst value of
 * each objective in the current population plus `referenceMargin` times its range, recomputed at
 * each reduction. Trials 0 .. mu-1 are prior samples.
 *
 * With constraints, the reduction follows constrained domination (`paretoKeep`): while the
 * population holds an infeasible member, the most violating one is dropped; among feasible members
 * the least hypervolume contributor (reference point from the feasible members) goes.
 */
/** The population as indices into the archive. */
const smsemoaState = z.object({ population: z.array(z.number().int().min(0)) });

export class SmsEmoa extends MoOptimizerBase<typeof smsemoaState> {
  private population: number[] = [];

  constructor(
    private readonly options: SmsEmoaOptions,
    context: OptimizerContext,
  ) {
    super('smsemoa', context, smsemoaState);
  }

  protected propose(id: number, rng: Rng): Proposal {
    const space = this.context.space;
    if (id < this.options.population || this.population.length === 0) return { config: space.sample(rng) };
    return breedChild(space, this.member(rng), () => this.member(rng), rng, this.options);
  }

  private member(rng: Rng): ArchiveEntry {
    return this.archive.entries[this.population[rng.index(this.population.length)] as number] as ArchiveEntry;
  }

  protected override onResults(added: readonly ArchiveEntry[]): void {
    for (let k = this.archive.size - added.length; k < this.archive.size; k++) {
      this.population.push(k);
      if (this.population.length <= this.options.population) continue;
      const kept = paretoKeep(this.archive.pointsOf(this.population), this.d, this.options.population, {
        margin: this.options.referenceMargin,
        violations: this.archive.violations(this.population),
      });
      this.population = kept.map((i) => this.population[i] as number);
    }
  }

  protected override saveExtra(): z.input<typeof smsemoaState> {
    return { population: this.population };
  }

  protected override restoreExtra(saved: z.output<typeof smsemoaState> & SavedEnvelope): void {
    if (saved.population.some((k) => k >= this.archive.size))
      throw stateError('smsemoa', 'state.population', `an index beyond the archive's ${this.archive.size} entries`);
    this.population = saved.population;
  }
}
