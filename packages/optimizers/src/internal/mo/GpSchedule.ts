import { z } from 'zod';
import { GaussianProcess } from '../gp/GaussianProcess';
import { gpHyperparametersSchema, type GpHyperparameters } from '../gp/GpHyperparameters';

/** A saved {@link GpSchedule}: [slot, results at the last fit, hyperparameters] per model slot. */
export const gpScheduleSchema = z.array(z.tuple([z.string(), z.number().int().min(0), gpHyperparametersSchema]));

/**
 * When to pay for the shared GP's marginal-likelihood fit. A full fit costs dozens of O(n^3)
 * likelihood evaluations; between refits, a GP with the last hyperparameters costs one Cholesky
 * factorisation. Each model slot (`key`: an objective, a scalarisation) is refitted, warm-started
 * from its last hyperparameters, when `every` results have arrived since its last fit. The saved
 * hyperparameters are part of the optimizer's JSON state, so a restored optimizer continues exactly.
 */
export class GpSchedule {
  private slots = new Map<string, { at: number; hyperparameters: GpHyperparameters }>();

  constructor(private readonly every: number) {}

  fit(key: string, results: number, x: Float64Array, n: number, d: number, y: ArrayLike<number>, groups: ArrayLike<number>): GaussianProcess {
    const slot = this.slots.get(key);
    if (slot !== undefined && results - slot.at < this.every) return GaussianProcess.fit(x, n, d, y, { groups, hyperparameters: slot.hyperparameters });
    const gp = GaussianProcess.fit(x, n, d, y, { groups, fit: { maxPoints: 80, ...(slot !== undefined ? { start: slot.hyperparameters } : {}) } });
    this.slots.set(key, { at: results, hyperparameters: gp.hyperparameters });
    return gp;
  }

  toJson(): z.input<typeof gpScheduleSchema> {
    return [...this.slots].map(([key, s]) => [key, s.at, { ...s.hyperparameters, logLengthScales: [...s.hyperparameters.logLengthScales] }]);
  }

  restore(saved: z.output<typeof gpScheduleSchema>): void {
    this.slots = new Map();
    for (const [key, at, hyperparameters] of saved) this.slots.set(key, { at, hyperparameters });
  }
}
