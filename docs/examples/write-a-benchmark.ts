import {
  createRegistry,
  definePlugin,
  objectivesOption,
  optimizerContextFor,
  Rng,
  simulate,
  Study,
  type Benchmark,
  type BenchmarkDescriptor,
  type Configuration,
  type Evaluation,
  type EvaluationRequest,
  type Objective,
  type Optimizer,
  type SimulationResult,
} from '@jahskit/core';
import { BenchmarkError } from '@jahskit/benchmarks';
import { defaultModules, runCli, type CliIo } from '@jahskit/cli';
import { randomSearchModule, tpeModule } from '@jahskit/optimizers';
import { categorical, ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { z } from 'zod';

/** What the benchmark can optimise; a task picks some of them, in order. */
export const TOY_MLP_OBJECTIVES: readonly Objective[] = [
  { name: 'valid_acc', direction: 'maximize', cheap: false, unit: '%', description: 'validation accuracy' },
  { name: 'params_k', direction: 'minimize', cheap: true, unit: 'thousands', description: 'trainable parameters' },
];
export type ToyMlpObjective = 'valid_acc' | 'params_k';

export interface ToyMlpOptions {
  /** The task's objectives, in order, from {@link TOY_MLP_OBJECTIVES}. */
  readonly objectives: readonly ToyMlpObjective[];
  /** Highest value of the `epoch` fidelity: full training. */
  readonly maxEpoch: number;
  /** Standard deviation (accuracy points) of the run-to-run noise drawn from the request's seed. */
  readonly noise: number;
}

const CEILING = { adam: 94, sgd: 93 } as const;
const BEST_LR = { adam: 1e-3, sgd: 1e-1 } as const;
/** Epochs to reach 63% of the final accuracy. */
const TAU = { adam: 4, sgd: 8 } as const;
type OptimizerName = keyof typeof CEILING;

const paramsK = (width: number): number => (3072 * width + width + 10 * width + 10) / 1000;

/** Accuracy without noise; 10% is chance level on ten classes. */
function accuracy(lr: number, width: number, optimizer: OptimizerName, epoch: number): number {
  const final = Math.max(10, CEILING[optimizer] - 40 * Math.log10(lr / BEST_LR[optimizer]) ** 2 - 4 * Math.log2(128 / width));
  return 10 + (final - 10) * (1 - Math.exp(-epoch / TAU[optimizer]));
}

/**
 * A complete benchmark plugin in one file: a one-hidden-layer network on 32x32x3 images whose
 * validation accuracy is a made-up but plausible function of learning rate, width and optimizer,
 * trained for `epoch` epochs. Everything a real benchmark declares is here: a space, a fidelity, two
 * objectives with directions (one of them cheap), a cost, seeded noise and a known optimum.
 */
export function createToyMlpBenchmark(options: ToyMlpOptions): Benchmark {
  const known = TOY_MLP_OBJECTIVES.map((o) => o.name);
  for (const name of options.objectives) {
    // The registry has checked the options against the schema; an app calling this function directly has not.
    if (!known.includes(name)) {
      throw new BenchmarkError('invalid-definition', `unknown objective "${name}"; objectives: ${known.join(', ')}`, { parameter: 'objectives', allowed: known.join(', ') });
    }
  }
  const space = new ConfigurationSpace({
    name: 'toy-mlp',
    parameters: [float('lr', 1e-4, 1, { log: true, default: 1e-2 }), integer('width', 8, 128, { log: true, default: 32 }), categorical('optimizer', ['adam', 'sgd'])],
  });
  // The default of a fidelity is its highest value: single-fidelity optimizers evaluate there.
  const fidelitySpace = new ConfigurationSpace({ name: 'toy-mlp-fidelity', parameters: [integer('epoch', 1, options.maxEpoch, { default: options.maxEpoch })] });
  const objectives = options.objectives.map((name) => TOY_MLP_OBJECTIVES.find((o) => o.name === name)!);

  const evaluateOne = ({ config, fidelity, seed }: EvaluationRequest): Evaluation => {
    // validate() throws the space's typed error naming the parameter, for any illegal value or key.
    const { lr, width, optimizer } = space.validate(config) as { lr: number; width: number; optimizer: OptimizerName };
    const epoch = fidelitySpace.validate(fidelity)['epoch'] as number;
    // One draw per seed, not per epoch: simulate gives every step of a continued trial the same
    // seed, so the noise is one run's offset and its learning curve stays smooth.
    const offset = options.noise > 0 ? Rng.seeded(seed >>> 0).normal(0, options.noise) : 0;
    return {
      metrics: { valid_acc: accuracy(lr, width, optimizer, epoch) + offset, params_k: paramsK(width) },
      // Seconds to train from scratch to this epoch: linear in epochs, so continuing pays the difference.
      cost: epoch * (2 + width / 16) * (optimizer === 'adam' ? 1.2 : 1),
    };
  };

  const best: Configuration = { lr: BEST_LR.adam, width: 128, optimizer: 'adam' };
  return {
    id: 'toy-mlp',
    space,
    fidelitySpace,
    objectives,
    metrics: known.filter((name) => !options.objectives.includes(name as ToyMlpObjective)),
    supportsContinuation: true,
    optimum: { values: { valid_acc: accuracy(BEST_LR.adam, 128, 'adam', options.maxEpoch), params_k: paramsK(8) }, config: best },
    evaluate: async (requests) => requests.map(evaluateOne),
    // Known without training: multi-objective optimizers compute it instead of modelling it.
    cheapMetrics: (config) => ({ params_k: paramsK(space.validate(config)['width'] as number) }),
  };
}

const objectiveNames = TOY_MLP_OBJECTIVES.map((o) => o.name) as [ToyMlpObjective, ...ToyMlpObjective[]];

export const toyMlpDescriptor: BenchmarkDescriptor<ToyMlpOptions> = {
  id: 'toy-mlp',
  summary: 'a one-hidden-layer network on 32x32 images, simulated (guide example)',
  options: z
    .object({
      objectives: objectivesOption(objectiveNames, ['valid_acc']),
      maxEpoch: z.number().int().min(2).max(1000).default(50).describe('highest epoch fidelity'),
      noise: z.number().min(0).default(0).describe('sd of the per-run accuracy noise (points)'),
    })
    .strict(),
  create: async (options) => createToyMlpBenchmark(options),
};

/** Loading this module into a registry is what makes the benchmark exist. */
export const toyMlpModule = definePlugin({ benchmarks: [toyMlpDescriptor] });

/** The benchmark in a plain ask/tell loop: what `simulate` does, without the simulated clock. */
export async function askTellLoop(benchmark: Benchmark, optimizer: Optimizer, trials: number): Promise<Study> {
  const study = new Study({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, optimizer });
  for (let i = 0; i < trials; i++) {
    for (const trial of study.ask(1)) {
      const [{ metrics, cost }] = (await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: trial.id }])) as [Evaluation];
      study.tell({ trialId: trial.id, objectives: benchmark.objectives.map((o) => metrics[o.name]!), cost });
    }
  }
  return study;
}

/** Random search or TPE on the benchmark on simulated time, all three plugins from one registry. */
export async function simulateToyMlp(optimizerId: 'rs' | 'tpe', seed: number, evaluations: number): Promise<SimulationResult> {
  const registry = createRegistry([toyMlpModule, randomSearchModule, tpeModule]);
  const benchmark = await registry.createBenchmark('toy-mlp', {}, { env: {} });
  const optimizer = registry.createOptimizer(optimizerId, {}, optimizerContextFor(benchmark, seed));
  return simulate({ benchmark, optimizer, seed, budget: { evaluations } });
}

/** `jahskit` with every shipped plugin and this one: `jahskit run --benchmark toy-mlp`, `list`, `data check`. */
export function toyMlpCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(argv, io, { modules: [...defaultModules(), toyMlpModule] });
}
