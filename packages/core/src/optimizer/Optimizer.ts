import type { JsonValue } from '../json/JsonValue';
import type { Observation } from './Observation';
import type { Trial } from './Trial';

/** What an optimizer can handle; the registry and the CLI match these against a benchmark. */
export interface OptimizerCapabilities {
  /** 'single': exactly one objective; 'multi': two or more; 'any': both. */
  readonly objectives: 'single' | 'multi' | 'any';
  /** Chooses fidelities itself (successive halving, Hyperband, ...). */
  readonly multiFidelity: boolean;
  /** Can propose while earlier trials are still running (asynchronous workers). */
  readonly asynchronous: boolean;
  /**
   * Weighs the simulated cost of evaluations when choosing (cost-aware BO); optional, false when
   * absent. Reports group results by it.
   */
  readonly costAware?: boolean;
}

/**
 * The optimizer contract: `ask` and `tell`, plus a JSON state. Core validates everything at the
 * boundary (the Study checks that proposals are legal, that told results match pending trials and
 * are well formed), so an implementation only decides what to try next.
 */
export interface Optimizer {
  readonly capabilities: OptimizerCapabilities;

  /**
   * Up to `n` new trials. Returning fewer (even none) is allowed when the optimizer is waiting for
   * results, e.g. a synchronous successive-halving rung.
   */
  ask(n: number): readonly Trial[];

  /** Results of earlier trials, in any order and any grouping. */
  tell(observations: readonly Observation[]): void;

  /** Everything needed to continue exactly, random state included. */
  state(): JsonValue;

  /** Inverse of `state()` on a freshly created optimizer with the same options and context. */
  restore(state: JsonValue): void;
}
