import type { JsonValue, Observation, Optimizer, OptimizerCapabilities, Trial } from '@jahskit/core';
import { z } from 'zod';
import { readState } from '../readState';
import { writeState } from '../writeState';

/** What a multi-fidelity scheduler exposes (SynchronousBrackets, AsynchronousHalving). */
export interface Scheduler {
  ask(n: number): Trial[];
  tell(observations: readonly Observation[]): void;
  state(): JsonValue;
  /** What `state()` writes, checked on restore. */
  readonly stateSchema: z.ZodType;
  /** Restores a state already checked against `stateSchema`. */
  restore(saved: unknown): void;
}

const NO_EXTRA = z.object({});

/**
 * The base of the multi-fidelity optimizers: a scheduler (which numbers the trials, picks their
 * fidelities and continuations, and asks its sampler what to try) plus the optimizer's own fields
 * `E`, if any. As {@link ProposalOptimizer}, it reads its capabilities from the class's static
 * `capabilities` and writes a versioned, kind-tagged state that `restore` checks with zod, scheduler
 * and sampler included, before anything changes.
 */
export class ScheduledOptimizer<E extends z.ZodObject = typeof NO_EXTRA> implements Optimizer {
  static readonly capabilities: OptimizerCapabilities = { objectives: 'single', multiFidelity: true, asynchronous: true };
  readonly capabilities: OptimizerCapabilities;
  private readonly schema: z.ZodType;

  constructor(
    protected readonly kind: string,
    protected readonly scheduler: Scheduler,
    extra?: E,
  ) {
    this.capabilities = (new.target as { capabilities: OptimizerCapabilities }).capabilities;
    this.schema = z.object({ scheduler: scheduler.stateSchema }).extend((extra ?? NO_EXTRA).shape);
  }

  ask(n: number): Trial[] {
    return this.scheduler.ask(n);
  }

  tell(observations: readonly Observation[]): void {
    this.scheduler.tell(observations);
  }

  /** The subclass's fields of the state (none by default). */
  protected saveExtra(): z.input<E> {
    return {} as z.input<E>;
  }

  /** Restores the subclass's fields, before the scheduler (whose sampler may read them). */
  protected restoreExtra(_saved: z.output<E>): void {}

  state(): JsonValue {
    return writeState(this.kind, { scheduler: this.scheduler.state(), ...(this.saveExtra() as object) });
  }

  restore(state: JsonValue): void {
    const saved = readState(state, this.kind, this.schema) as z.output<E> & { scheduler: unknown };
    this.restoreExtra(saved);
    this.scheduler.restore(saved.scheduler);
  }
}
