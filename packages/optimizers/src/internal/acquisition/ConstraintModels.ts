import { normalCdf } from '@jahskit/multiobjective';
import { z } from 'zod';
import { gpHyperparametersSchema } from '../gp/GpHyperparameters';
import type { OneHotEncoder } from '../gp/OneHotEncoder';
import { RefittedGp } from '../gp/RefittedGp';
import { stateError } from '../stateError';
import type { ObservationHistory } from './ObservationHistory';

/** P(every constraint <= 0) at m encoded rows (row-major m x width). */
export type FeasibilityModel = (rows: Float64Array, m: number) => Float64Array;

/** {@link ConstraintModels} in a saved state: each constraint GP's refit schedule. */
export const constraintModelsSchema = z.array(z.object({ hyperparameters: gpHyperparametersSchema.nullable(), fittedAt: z.number().int().min(0) }));

/**
 * The constraint side of constrained expected improvement (Gardner et al., ICML 2014; what Optuna's
 * BoTorch sampler does with constraints): one GP per constraint on its observed values, independent,
 * so that the probability of feasibility is the product of P(c_i(x) <= 0) = Phi(-mu_i / sigma_i).
 *
 * A constraint GP learns from every trial whose value of it is known: successful trials, and failed
 * trials known to break a constraint (a study's cheap-constraint check rejects trials as failed, with
 * their constraint values). On a failed trial a constraint that could not be computed reads exactly 0
 * (the study's convention), so there a 0 is left out rather than taken as "on the boundary".
 * Pending trials are not fantasised here: the believer's value (the predicted mean) would only narrow
 * the constraint's uncertainty, not move it.
 */
export class ConstraintModels {
  private readonly gps: RefittedGp[];

  constructor(
    private readonly encoder: OneHotEncoder,
    /** How many constraints the study has (0: the model is never used). */
    readonly count: number,
    refitEvery: number,
  ) {
    this.gps = Array.from({ length: count }, () => new RefittedGp(encoder, refitEvery));
  }

  /** The probability of feasibility on the latest `cap` known values of each constraint; undefined without constraints. */
  fit(history: ObservationHistory, cap: number): FeasibilityModel | undefined {
    if (this.count === 0) return undefined;
    const known = [
      ...history.ok
        .filter((e) => e.constraints !== undefined)
        .map((e) => ({ id: e.id, config: e.config, constraints: e.constraints as readonly number[], failed: false })),
      ...history.rejected.map((r) => ({ ...r, failed: true })),
    ].sort((a, b) => a.id - b.id);
    const models = this.gps.map((gp, i) => {
      const points = known.filter((p) => p.constraints[i] !== undefined && (!p.failed || p.constraints[i] !== 0));
      const training = points.slice(-cap);
      return gp.fit(
        training.map((p) => p.config),
        training.map((p) => p.constraints[i] as number),
        points.length,
      );
    });
    return (rows, m) => {
      const probability = new Float64Array(m).fill(1);
      for (const model of models) {
        const { mean, variance } = model.predict(rows, m);
        for (let c = 0; c < m; c++) {
          const sd = Math.sqrt(variance[c] as number);
          const mu = mean[c] as number;
          probability[c] = (probability[c] as number) * (sd > 0 ? normalCdf(-mu / sd) : mu <= 0 ? 1 : 0);
        }
      }
      return probability;
    };
  }

  state(): z.input<typeof constraintModelsSchema> {
    return this.gps.map((gp) => gp.state());
  }

  /** Restores the schedules of a state already checked against {@link constraintModelsSchema}; absent (an older state): none fitted yet. */
  restore(kind: string, saved: z.output<typeof constraintModelsSchema> | undefined): void {
    if (saved === undefined) {
      for (const gp of this.gps) gp.restore(null, 0);
      return;
    }
    if (saved.length !== this.count) throw stateError(kind, 'state.constraintModels', `has ${saved.length} models, the study has ${this.count} constraints`);
    const width = this.encoder.groupCount;
    saved.forEach((s, i) => {
      if (s.hyperparameters !== null && s.hyperparameters.logLengthScales.length !== width) {
        throw stateError(
          kind,
          `state.constraintModels[${i}].hyperparameters.logLengthScales`,
          `has ${s.hyperparameters.logLengthScales.length} length scales, the space needs ${width}`,
        );
      }
    });
    saved.forEach((s, i) => this.gps[i]!.restore(s.hyperparameters, s.fittedAt));
  }
}
