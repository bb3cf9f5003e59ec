import type { Benchmark, EvaluationRequest } from '../benchmark/Benchmark';
import type { Objective } from '../benchmark/Objective';
import type { SearchSpace } from '../space/SearchSpace';
import { epochSpace } from './coreFixtures';

export interface ConformanceBenchmarkOptions {
  /** Number of objectives, 1 to 3. */
  readonly objectives: number;
  /** Highest epoch of the fidelity; default 9. */
  readonly maxEpoch?: number;
  /**
   * Multiplies each evaluation's cost (epochs) by a factor of the configuration's encoding; default
   * none. The kit varies it to tell whether proposals depend on cost.
   */
  readonly costFactor?: (encoded: Float64Array) => number;
  /**
   * Report the objectives negated (the optimum moves); default false. The kit uses it to tell whether
   * an optimizer's proposals depend on results at all.
   */
  readonly negate?: boolean;
}

/**
 * A deterministic benchmark over any space, so that the conformance kit can run an optimizer over
 * categorical, conditional and mixed spaces without core knowing a space implementation: objective j
 * is the squared distance of the configuration's encoding (inactive entries skipped, categorical
 * indices as they are) from a point of its own, plus 1/epoch; cost is the epochs trained. Objectives
 * pull towards different points so that a multi-objective front exists. A metric `g`, the mean of the
 * finite encoded values, is there for constraints (`g >= 0.6` makes the first objective's optimum
 * infeasible).
 */
export function conformanceBenchmark(space: SearchSpace, options: ConformanceBenchmarkOptions): Benchmark {
  const m = options.objectives;
  const fidelitySpace = epochSpace(options.maxEpoch ?? 9);
  const objectives: Objective[] = Array.from({ length: m }, (_, j) => ({ name: `f${j + 1}`, direction: 'minimize', cheap: false }));
  const targets = [0.3, 0.8, 0.55];
  const evaluateOne = ({ config, fidelity }: EvaluationRequest) => {
    const encoded = space.encode(space.validate(config));
    const epoch = fidelitySpace.validate(fidelity)['epoch'] as number;
    const metrics: Record<string, number> = {};
    objectives.forEach((objective, j) => {
      let sum = 1 / epoch;
      for (const v of encoded) if (Number.isFinite(v)) sum += (v - targets[j]!) ** 2;
      metrics[objective.name] = options.negate === true ? -sum : sum;
    });
    let total = 0;
    let count = 0;
    for (const v of encoded) {
      if (!Number.isFinite(v)) continue;
      total += v;
      count++;
    }
    metrics['g'] = count > 0 ? total / count : 0;
    return { metrics, cost: epoch * (options.costFactor?.(encoded) ?? 1) };
  };
  return {
    id: `conformance/${m}`,
    space,
    fidelitySpace,
    objectives,
    metrics: ['g'],
    supportsContinuation: true,
    evaluate: async (requests) => requests.map(evaluateOne),
  };
}
