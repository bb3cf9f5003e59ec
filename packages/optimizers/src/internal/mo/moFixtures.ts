import { Rng, simulate, type Benchmark, type Configuration, type Optimizer, type OptimizerContext } from '@jahskit/core';
import { categorical, ConfigurationSpace } from '@jahskit/spaces';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { hypervolume } from '@jahskit/multiobjective';
import { RandomSearch } from '../../rs/RandomSearch';

/** Test fixtures shared by the multi-objective optimizers' tests. */
export const syntheticMo = (instance: 'zdt1' | 'zdt2' | 'dtlz2-3', maxEpoch = 27): (() => Promise<Benchmark>) => {
  return async () => createSyntheticBenchmark({ instance, maxEpoch, noise: 0, secondsPerEpoch: 1 });
};

export { makeOptimizer } from '../testing/makeOptimizer';

export function randomSearch(benchmark: Benchmark, seed: number): Optimizer {
  return new RandomSearch({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed });
}

/**
 * Hypervolume (benchmark's reference point) of the full-fidelity results of one simulated run.
 * `reference` overrides the benchmark's (ZDT's (1.1, 1.1) is out of reach in a few dozen trials).
 * Results at lower fidelities are ignored, as an anytime multi-fidelity report would.
 */
export async function runHypervolume(
  benchmark: Benchmark,
  optimizer: Optimizer,
  seed: number,
  budget: number | { simulatedSeconds: number },
  reference?: readonly number[],
): Promise<number> {
  const run = await simulate({ benchmark, optimizer, seed, budget: typeof budget === 'number' ? { evaluations: budget } : budget });
  const front = benchmark.optimum!.paretoFronts![0]!;
  const top = benchmark.fidelitySpace.defaultConfiguration();
  const rows: number[] = [];
  for (const r of run.records) {
    if (r.status !== 'ok') continue;
    if (Object.keys(top).some((k) => r.trial.fidelity[k] !== top[k])) continue;
    for (const name of front.objectives) rows.push(r.objectives[name]!);
  }
  return hypervolume(Float64Array.from(rows), front.objectives.length, reference ?? front.referencePoint!);
}

/**
 * A NAS-like two-objective task for behaviour tests: six edges with NAS-Bench-201's operations; the
 * error falls with costlier operations (a seeded gain per edge and op), the size is the sum of the
 * ops' costs. Returns the hypervolume (reference (20, 18)) of `evaluations` trials asked one by one.
 */
export function runCellTask(make: (context: OptimizerContext) => Optimizer, seed: number, evaluations: number): number {
  const ops = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'];
  const cost: Record<string, number> = { none: 0, skip_connect: 0.1, avg_pool_3x3: 0.2, nor_conv_1x1: 1, nor_conv_3x3: 3 };
  const edges = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
  const space = new ConfigurationSpace({ name: 'cell', parameters: edges.map((n) => categorical(n, ops)) });
  const table = Rng.seeded(99);
  const gain = edges.map(() => Object.fromEntries(ops.map((op) => [op, Math.sqrt(cost[op]!) * table.uniformIn(0.5, 1.5)])));
  const evaluate = (c: Configuration): number[] => [
    20 - edges.reduce((s, e, i) => s + gain[i]![c[e] as string]!, 0),
    edges.reduce((s, e) => s + cost[c[e] as string]!, 0),
  ];
  const objectives = [
    { name: 'err', direction: 'minimize' as const, cheap: false },
    { name: 'size', direction: 'minimize' as const, cheap: true },
  ];
  const optimizer = make({ space, fidelitySpace: new ConfigurationSpace({ name: 'f', parameters: [] }), objectives, seed });
  const rows: number[] = [];
  for (let t = 0; t < evaluations; t++) {
    const [trial] = optimizer.ask(1);
    const values = evaluate(trial!.config);
    rows.push(...values);
    optimizer.tell([{ trial: trial!, status: 'ok', values, metrics: {}, cost: 1, constraints: [] }]);
  }
  return hypervolume(Float64Array.from(rows), 2, [20, 18]);
}
