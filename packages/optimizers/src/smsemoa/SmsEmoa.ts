import type { OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import type { ArchiveEntry } from '../internal/mo/ParetoArchive';
import { BreedingMoOptimizerBase, type BreedingOptions } from '../internal/mo/BreedingMoOptimizerBase';
import type { SavedEnvelope } from '../internal/ProposalOptimizer';
import { paretoKeep } from '../internal/mo/paretoOrder';

/** `population`: the size of the steady-state population (mu); the crossed parents are two random ones. */
export interface SmsEmoaOptions extends BreedingOptions {
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

export class SmsEmoa extends BreedingMoOptimizerBase<SmsEmoaOptions, typeof smsemoaState> {
  private population: number[] = [];

  constructor(options: SmsEmoaOptions, context: OptimizerContext) {
    super('smsemoa', context, smsemoaState, options);
  }

  /** Parents are drawn uniformly from the population, as in the paper. */
  protected parentPicker(): ((rng: Rng) => ArchiveEntry) | undefined {
    if (this.population.length === 0) return undefined;
    return (rng) => this.archive.entries[this.population[rng.index(this.population.length)] as number] as ArchiveEntry;
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
    this.population = this.archiveIndices('population', saved.population);
  }
}
