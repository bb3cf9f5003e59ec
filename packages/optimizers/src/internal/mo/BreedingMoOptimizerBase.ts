import type { OptimizerContext, Rng } from '@jahskit/core';
import type { z } from 'zod';
import { stateError } from '../stateError';
import { breedChild, type VariationRates } from './breedChild';
import { MoOptimizerBase, type Proposal } from './MoOptimizerBase';
import type { ArchiveEntry } from './ParetoArchive';

/** The options every breeding optimizer has. */
export interface BreedingOptions extends VariationRates {
  /** Parents kept (and initial prior samples). */
  readonly population: number;
}

/**
 * The evolutionary multi-objective optimizers over the archive (NSGA-II, SMS-EMOA): the first
 * `population` trials are prior samples, each later one a child (`breedChild`) of parents the subclass
 * picks; the subclass keeps its parents as archive indices and decides who survives.
 */
export abstract class BreedingMoOptimizerBase<O extends BreedingOptions, E extends z.ZodObject> extends MoOptimizerBase<E> {
  protected constructor(
    kind: string,
    context: OptimizerContext,
    extra: E,
    protected readonly options: O,
  ) {
    super(kind, context, extra);
  }

  /** How a parent is drawn for the next child, or undefined while there is none (the trial is then a prior sample). */
  protected abstract parentPicker(): ((rng: Rng) => ArchiveEntry) | undefined;

  protected propose(id: number, rng: Rng): Proposal {
    const pick = id < this.options.population ? undefined : this.parentPicker();
    if (pick === undefined) return { config: this.context.space.sample(rng) };
    return breedChild(this.context.space, pick(rng), () => pick(rng), rng, this.options);
  }

  /** Saved archive indices, refused when one points beyond the restored archive. */
  protected archiveIndices(field: string, indices: number[]): number[] {
    if (indices.some((k) => k >= this.archive.size))
      throw stateError(this.kind, `state.${field}`, `an index beyond the archive's ${this.archive.size} entries`);
    return indices;
  }
}
