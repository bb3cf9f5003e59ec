import type { Objective } from '../benchmark/Objective';
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
}
