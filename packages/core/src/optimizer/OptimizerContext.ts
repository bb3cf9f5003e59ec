import type { Objective } from '../benchmark/Objective';
import type { Constraint } from '../expression/Constraint';
import type { Configuration } from '../space/Configuration';
import type { SearchSpace } from '../space/SearchSpace';

/** What an optimizer is created for: the problem, never the benchmark itself. */
export interface OptimizerContext {
  readonly space: SearchSpace;
  readonly fidelitySpace: SearchSpace;
  readonly objectives: readonly Objective[];
  readonly seed: number;
  /**
   * Values of cheap objectives (see `Objective.cheap`), computed without training, when the
   * benchmark can provide them: MS-EHVI uses this instead of a model.
   */
  readonly cheapObjectives?: (config: Configuration) => Readonly<Record<string, number>>;
  /**
   * The study's constraints, in the order of `Observation.constraints`; absent or empty when there are
   * none. Optimizers read only their number and names: the study computes the values.
   */
  readonly constraints?: readonly Constraint[];
}
