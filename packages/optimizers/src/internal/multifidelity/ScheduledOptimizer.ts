import type { JsonValue, Observation, Optimizer, Trial } from '@jahskit/core';
import { readState } from '../readState';

/** What a multi-fidelity scheduler exposes (SynchronousBrackets, AsynchronousHalving, DEHB's). */
export interface Scheduler {
  ask(n: number): Trial[];
  tell(observations: readonly Observation[]): void;
  state(): JsonValue;
  restore(state: JsonValue): void;
}

/** An optimizer that is its scheduler plus a state tag: the SH family differs only in its parts. */
export class ScheduledOptimizer implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: true, asynchronous: true } as const;

  constructor(
    private readonly kind: string,
    protected readonly scheduler: Scheduler,
  ) {}

  ask(n: number): Trial[] {
    return this.scheduler.ask(n);
  }

  tell(observations: readonly Observation[]): void {
    this.scheduler.tell(observations);
  }

  state(): JsonValue {
    return { kind: this.kind, scheduler: this.scheduler.state() };
  }

  restore(state: JsonValue): void {
    this.scheduler.restore(readState<{ scheduler: JsonValue }>(state, this.kind).scheduler);
  }
}
