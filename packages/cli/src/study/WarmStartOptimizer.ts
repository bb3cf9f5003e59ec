import { CoreError, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerCapabilities, type Trial } from '@jahskit/core';

/**
 * An optimizer whose first trials are given: results recorded elsewhere (an imported Optuna study)
 * enter a jahskit study's journal as ordinary asked and told trials, and the study's own optimizer
 * learns from them before it proposes anything.
 *
 * Trials 0 .. n-1 are the given configurations, handed out in order (an ask that reaches the end of
 * them returns only those left). Then the inner optimizer's trial k is trial n + k. Every result is
 * told to the inner optimizer: a given trial under its own id (told before the inner optimizer's own
 * trials exist), the inner optimizer's own ones under the ids it gave them. Model-based optimizers
 * (TPE, GP-BO, RE, ...) add the given results to their data; optimizers that only follow their own
 * trials (DE, successive halving) ignore them, and start as if on an empty study.
 *
 * The journal is replayed through this wrapper, so the given configurations are part of the
 * study's definition (its `source`), and every process rebuilds the same wrapper.
 */
export class WarmStartOptimizer implements Optimizer {
  readonly capabilities: OptimizerCapabilities;
  private handedOut = 0;

  constructor(
    private readonly inner: Optimizer,
    private readonly given: readonly Configuration[],
    private readonly fidelity: Configuration = {},
  ) {
    this.capabilities = inner.capabilities;
  }

  ask(n: number): readonly Trial[] {
    const offset = this.given.length;
    if (this.handedOut < offset) {
      const first = this.handedOut;
      this.handedOut = Math.min(offset, first + n);
      return this.given.slice(first, this.handedOut).map((config, i) => ({ id: first + i, config, fidelity: this.fidelity }));
    }
    return this.inner.ask(n).map((t) => ({ ...t, id: t.id + offset, ...(t.continues !== undefined ? { continues: t.continues + offset } : {}) }));
  }

  tell(observations: readonly Observation[]): void {
    const offset = this.given.length;
    this.inner.tell(
      observations.map((o) =>
        o.trial.id < offset
          ? o
          : { ...o, trial: { ...o.trial, id: o.trial.id - offset, ...(o.trial.continues !== undefined ? { continues: o.trial.continues - offset } : {}) } },
      ),
    );
  }

  state(): JsonValue {
    return { warmStart: { handedOut: this.handedOut, given: this.given.length }, inner: this.inner.state() };
  }

  restore(state: JsonValue): void {
    const saved = state as { warmStart?: { handedOut?: unknown; given?: unknown }; inner?: JsonValue } | null;
    const handedOut = saved?.warmStart?.handedOut;
    if (
      saved?.warmStart?.given !== this.given.length ||
      typeof handedOut !== 'number' ||
      !Number.isInteger(handedOut) ||
      handedOut < 0 ||
      handedOut > this.given.length ||
      saved.inner === undefined
    ) {
      throw new CoreError(
        'invalid-state',
        `a warm-started optimizer's state must be {warmStart: {handedOut: 0 to ${this.given.length}, given: ${this.given.length}}, inner}`,
        { parameter: 'state' },
      );
    }
    this.inner.restore(saved.inner);
    this.handedOut = handedOut;
  }
}
