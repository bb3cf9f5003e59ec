import { Rng, type Benchmark, type Evaluation, type EvaluationRequest, type Objective } from '@jahskit/core';
import { ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import { SYNTHETIC_PROBLEMS } from './syntheticProblems';

export interface SyntheticOptions {
  readonly instance: string;
  /** Highest value of the `epoch` fidelity; 1 makes the problem single-fidelity. */
  readonly maxEpoch: number;
  /** Standard deviation of Gaussian noise added to each objective (from the request's seed). */
  readonly noise: number;
  /** Simulated seconds per epoch at the cheapest point of the space. */
  readonly secondsPerEpoch: number;
}

/**
 * A synthetic benchmark: configuration parameters x1..xn over the problem's box, an `epoch`
 * fidelity in 1..maxEpoch, and a cost of `epoch * secondsPerEpoch * (1 + x1')` seconds, where x1' is
 * the first coordinate scaled to [0, 1], so that trials finish at different simulated times.
 */
export function createSyntheticBenchmark(options: SyntheticOptions): Benchmark {
  const make = SYNTHETIC_PROBLEMS[options.instance];
  if (make === undefined) {
    const names = Object.keys(SYNTHETIC_PROBLEMS);
    throw new BenchmarkError('invalid-query', `unknown synthetic instance "${options.instance}"; instances: ${names.join(', ')}`, {
      parameter: 'instance',
      allowed: names.join(', '),
    });
  }
  const problem = make();
  const names = problem.bounds.map((_, i) => `x${i + 1}`);
  const space = new ConfigurationSpace({
    name: problem.name,
    parameters: problem.bounds.map(([lo, hi], i) => float(names[i]!, lo, hi)),
  });
  const fidelitySpace = new ConfigurationSpace({
    name: `${problem.name}-fidelity`,
    parameters: options.maxEpoch > 1 ? [integer('epoch', 1, options.maxEpoch, { default: options.maxEpoch })] : [],
  });
  const objectives: Objective[] = problem.objectives.map((name) => ({ name, direction: 'minimize', cheap: false }));
  const [lo0, hi0] = problem.bounds[0]!;
  const x = new Float64Array(names.length);

  const evaluateOne = ({ config, fidelity, seed }: EvaluationRequest): Evaluation => {
    const c = space.validate(config);
    const f = fidelitySpace.validate(fidelity);
    for (let i = 0; i < names.length; i++) x[i] = c[names[i]!] as number;
    const epoch = options.maxEpoch > 1 ? (f['epoch'] as number) : 1;
    const values = problem.evaluate(x, epoch / options.maxEpoch);
    const metrics: Record<string, number> = {};
    const rng = options.noise > 0 ? Rng.seeded(seed >>> 0) : undefined;
    problem.objectives.forEach((name, i) => {
      metrics[name] = values[i]! + (rng === undefined ? 0 : rng.normal(0, options.noise));
    });
    metrics['epoch'] = epoch;
    const scaled = ((x[0] as number) - lo0) / (hi0 - lo0);
    return { metrics, cost: epoch * options.secondsPerEpoch * (1 + scaled) };
  };

  return {
    id: `synthetic/${problem.name}`,
    space,
    fidelitySpace,
    objectives,
    metrics: ['epoch'],
    supportsContinuation: options.maxEpoch > 1,
    ...(problem.optimum !== undefined
      ? {
          optimum: {
            values: { [problem.objectives[0]!]: problem.optimum.value },
            config: Object.fromEntries(names.map((n, i) => [n, problem.optimum!.x[i]!])),
          },
        }
      : {}),
    ...(problem.paretoFront !== undefined
      ? {
          optimum: {
            values: Object.fromEntries(problem.objectives.map((n) => [n, 0])),
            paretoFronts: [{ objectives: problem.objectives, points: problem.paretoFront(200), referencePoint: problem.referencePoint! }],
          },
        }
      : {}),
    evaluate: async (requests) => requests.map(evaluateOne),
  };
}
