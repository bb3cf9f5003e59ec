import type { Observation, OptimizerContext } from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../../errors/OptimizerError';
import { ProposalOptimizer, type SavedEnvelope } from '../ProposalOptimizer';
import { ParetoArchive, paretoArchiveSchema, type ArchiveEntry } from './ParetoArchive';

export type { Proposal } from '../ProposalOptimizer';

const NO_EXTRA = z.object({});

/** Proposals per trial before a configuration asked before is accepted. */
const ATTEMPTS = 10;

/**
 * The shared frame of the full-fidelity multi-objective optimizers, on {@link ProposalOptimizer}: the
 * archive of successful results (part of the state) and the rule that a trial is proposed again, up
 * to ten times from its own stream, when its configuration was asked before. Subclasses write
 * `propose` (what to try) and optionally `onResults` and the extra state `E`.
 */
export abstract class MoOptimizerBase<E extends z.ZodObject = typeof NO_EXTRA> extends ProposalOptimizer<z.ZodObject> {
  static readonly capabilities = { objectives: 'multi', multiFidelity: false, asynchronous: true } as const;
  protected readonly d: number;
  protected archive: ParetoArchive;

  protected constructor(kind: string, context: OptimizerContext, extra?: E) {
    if (context.objectives.length < 2) {
      throw new OptimizerError('unsupported-task', `optimizer "${kind}" needs at least two objectives, got ${context.objectives.length}`, {
        parameter: 'objectives',
      });
    }
    super(context, { kind, state: z.object({ archive: paretoArchiveSchema(context) }).extend((extra ?? NO_EXTRA).shape), attempts: ATTEMPTS });
    this.d = context.objectives.length;
    this.archive = new ParetoArchive(this.d);
  }

  /** Called with the successful entries of each `tell` (already in the archive). */
  protected onResults(_added: readonly ArchiveEntry[]): void {}

  /** The subclass's fields of the state (none by default). */
  protected saveExtra(): z.input<E> {
    return {} as z.input<E>;
  }

  /** Restores the subclass's fields; the archive is already restored. */
  protected restoreExtra(_saved: z.output<E> & SavedEnvelope): void {}

  tell(observations: readonly Observation[]): void {
    const added = this.archive.add(observations);
    if (added.length > 0) this.onResults(added);
  }

  protected saveState(): Record<string, unknown> {
    return { archive: this.archive.toJson(), ...(this.saveExtra() as object) };
  }

  protected restoreState(saved: Record<string, unknown> & SavedEnvelope): void {
    this.archive = ParetoArchive.fromJson(this.d, saved['archive'] as ReturnType<ParetoArchive['toJson']>);
    this.restoreExtra(saved as z.output<E> & SavedEnvelope);
  }
}
