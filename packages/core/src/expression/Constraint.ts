/**
 * A constraint on a trial's results ("latency_s <= 0.02"), in Optuna's convention: `value` is at most 0
 * when the trial satisfies it and otherwise the amount by which it breaks it, in the expression's units.
 * A signed value (not just a flag) lets model-based optimizers model how far from feasible a region is,
 * as Optuna's constrained TPE and constrained EHVI do.
 */
export interface Constraint {
  /** As the user wrote it. */
  readonly expression: string;
  /** The objective and metric names it reads. */
  readonly uses: readonly string[];
  /** At most 0 when satisfied; `values` holds at least every name in `uses`. */
  value(values: Readonly<Record<string, number>>): number;
}
