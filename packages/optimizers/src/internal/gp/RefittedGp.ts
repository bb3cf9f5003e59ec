import type { Configuration } from '@jahskit/core';
import { GaussianProcess } from './GaussianProcess';
import type { GpHyperparameters } from './GpHyperparameters';
import type { OneHotEncoder } from './OneHotEncoder';

/**
 * A GP whose hyperparameters are re-fitted on a schedule: when none are known, or once `refitEvery`
 * new points have come (10% of the points, once that is more); in between, the last fitted ones are
 * reused, since they move little and fitting is most of a proposal's cost. GP-BO's model, and CABO's
 * models of the objective and of the log cost, each keep one.
 */
export class RefittedGp {
  private hyperparameters: GpHyperparameters | undefined;
  /** Points counted when the hyperparameters were last fitted. */
  private fittedAt = 0;

  constructor(
    private readonly encoder: OneHotEncoder,
    private readonly refitEvery: number,
  ) {}

  /** The GP on `configs` and `y`; `count` is what the schedule counts (all the points seen so far). */
  fit(configs: readonly Configuration[], y: readonly number[], count: number): GaussianProcess {
    const x = this.encoder.encodeAll(configs);
    const interval = Math.max(this.refitEvery, Math.floor(this.fittedAt / 10));
    const refit = this.hyperparameters === undefined || count - this.fittedAt >= interval;
    const gp = GaussianProcess.fit(x, configs.length, this.encoder.width, y, {
      groups: this.encoder.groups,
      ...(refit ? { fit: this.hyperparameters === undefined ? {} : { start: this.hyperparameters } } : { hyperparameters: this.hyperparameters }),
    });
    if (refit) {
      this.hyperparameters = gp.hyperparameters;
      this.fittedAt = count;
    }
    return gp;
  }

  /** The schedule's state, for an optimizer's `state()`: a copy. */
  state(): { hyperparameters: (Omit<GpHyperparameters, 'logLengthScales'> & { logLengthScales: number[] }) | null; fittedAt: number } {
    const h = this.hyperparameters;
    return { hyperparameters: h === undefined ? null : { ...h, logLengthScales: [...h.logLengthScales] }, fittedAt: this.fittedAt };
  }

  restore(hyperparameters: GpHyperparameters | null, fittedAt: number): void {
    this.hyperparameters = hyperparameters ?? undefined;
    this.fittedAt = fittedAt;
  }
}

/** `model` conditioned on each pending configuration at its predicted mean (kriging believer). */
export function conditionOnPending(model: GaussianProcess, encoder: OneHotEncoder, pending: readonly { readonly config: Configuration }[]): GaussianProcess {
  const row = new Float64Array(encoder.width);
  for (const p of pending) {
    encoder.encodeInto(p.config, row, 0);
    model = model.condition(row, model.predict(row, 1).mean[0] as number);
  }
  return model;
}
