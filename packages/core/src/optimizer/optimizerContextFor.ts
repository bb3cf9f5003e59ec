import type { Benchmark } from '../benchmark/Benchmark';
import type { Objective } from '../benchmark/Objective';
import type { Constraint } from '../expression/Constraint';
import type { SearchSpace } from '../space/SearchSpace';
import { EMPTY_SPACE } from '../space/emptySpace';
import type { OptimizerContext } from './OptimizerContext';

/** The problem an optimizer is made for: a benchmark, or an app's own space and objectives. */
export type OptimizerProblem =
  | Pick<Benchmark, 'space' | 'fidelitySpace' | 'objectives' | 'cheapMetrics'>
  | { readonly space: SearchSpace; readonly fidelitySpace?: SearchSpace; readonly objectives: readonly Objective[] };

/**
 * The one way to build an `OptimizerContext`: the problem's spaces and objectives, the seed, and the
 * benchmark's cheap metrics when it has them (bound, so the optimizer cannot reach the benchmark), and
 * the study's constraints.
 */
export function optimizerContextFor(problem: OptimizerProblem, seed: number, constraints: readonly Constraint[] = []): OptimizerContext {
  const cheap = 'cheapMetrics' in problem ? problem.cheapMetrics : undefined;
  return {
    space: problem.space,
    fidelitySpace: problem.fidelitySpace ?? EMPTY_SPACE,
    objectives: problem.objectives,
    seed,
    ...(cheap !== undefined ? { cheapObjectives: cheap.bind(problem) } : {}),
    ...(constraints.length > 0 ? { constraints } : {}),
  };
}
