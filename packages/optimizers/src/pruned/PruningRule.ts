/** What a pruning rule knows of one base trial: its value at each rung reached so far, and how it ended. */
export interface Curve {
  readonly values: readonly number[];
  /** The total violation of the study's constraints at each rung (absent, or 0 at a rung: satisfied there). */
  readonly violations?: readonly number[];
  readonly status: 'running' | 'pruned' | 'complete' | 'failed';
}

/**
 * Decides whether a trial stops at a checkpoint (Optuna's pruner contract, over the rungs of a
 * fidelity ladder instead of reported steps). Values are minimised; with constraints, a rule ranks
 * trials at a rung by their standing there (`curveStanding`: feasible by value, then infeasible by
 * total violation).
 */
export interface PruningRule {
  /**
   * Whether the trial whose curve is `own` (it has just reported rung `rung`, below the top) stops
   * there. `curves` are every trial's curves, `own` among them; `budget` is the rung's budget in
   * units of the (first) fidelity.
   */
  stops(rung: number, budget: number, own: Curve, curves: Iterable<Curve>): boolean;
}
