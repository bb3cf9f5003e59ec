import type { Objective } from '../benchmark/Objective';

/**
 * An objective computed from a trial's reported values ("err = valid_error", "acc = 100 - valid_error"),
 * so a study can optimise a quantity no benchmark reports as such.
 */
export interface DerivedObjective extends Objective {
  /** As the user wrote it. */
  readonly expression: string;
  /** The objective and metric names it reads. */
  readonly uses: readonly string[];
  /** `values` holds at least every name in `uses`. */
  value(values: Readonly<Record<string, number>>): number;
}
