import {
  createRegistry,
  loadExpressionCompiler,
  optimizerContextFor,
  simulate,
  StoredStudy,
  Study,
  totalViolation,
  withDerivedObjectives,
  type Configuration,
  type Constraint,
  type Objective,
  type SimulationResult,
  type TrialRecord,
} from '@jahskit/core';
import { randomSearchModule, tpeModule } from '@jahskit/optimizers';
import { categorical, ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { openStorage } from '@jahskit/storage';
import { toyMlpModule } from './write-a-benchmark';

// 1. The space of your own training script: deeper and wider trains better, but is bigger and slower.
const space = new ConfigurationSpace({
  name: 'my-net',
  parameters: [
    float('lr', 1e-4, 1e-1, { log: true }),
    integer('layers', 1, 8),
    integer('width', 16, 512, { log: true }),
    categorical('activation', ['relu', 'gelu']),
  ],
});
const objectives: Objective[] = [{ name: 'val_loss', direction: 'minimize', cheap: false }];

/** Known from the configuration alone, before any training: float32 weights of the hidden layers. */
export function sizeMb(config: Configuration): number {
  return ((config['layers'] as number) * (config['width'] as number) ** 2 * 4) / 1e6;
}

/** Your training code: here a stand-in that reports the loss and the measured inference latency. */
export function train(config: Configuration): { val_loss: number; latency_ms: number } {
  const layers = config['layers'] as number;
  const width = config['width'] as number;
  const gelu = config['activation'] === 'gelu';
  return {
    val_loss: (Math.log10(config['lr'] as number) + 2.5) ** 2 + 1 / layers + 32 / width + (gelu ? 0 : 0.05),
    latency_ms: 3 * layers + width / 32 + (gelu ? 2 : 0),
  };
}

/** "Feasible": every constraint has a value and none is broken (a value <= 0 is satisfied). */
function isFeasible(values: readonly number[], constraints: readonly Constraint[]): boolean {
  return values.length === constraints.length && totalViolation(values) === 0;
}

// 2. Ask, check the cheap constraint, train, tell with the metrics the constraints read.
export async function tuneUnderBudget(seed: number, trials: number): Promise<{ best: TrialRecord | undefined; feasible: number; rejected: number }> {
  const compiler = await loadExpressionCompiler();
  const known = ['val_loss', 'size_MB', 'latency_ms'];
  const small = compiler.constraint('size_MB <= 2', known);
  const fast = compiler.constraint('latency_ms <= 20', known);
  const constraints = [small, fast];
  const registry = createRegistry([tpeModule]);
  const optimizer = registry.createOptimizer('tpe', {}, optimizerContextFor({ space, objectives }, seed, constraints));
  const study = new Study({ space, objectives, optimizer, constraints });
  let rejected = 0;
  for (let i = 0; i < trials; i++) {
    for (const trial of study.ask(1)) {
      const size = { size_MB: sizeMb(trial.config) };
      if (small.value(size) > 0) {
        // Too big to deploy: not trained. Told as failed with the metric, so the optimizer learns how far off it was.
        study.tell({ trialId: trial.id, status: 'failed', metrics: size });
        rejected++;
        continue;
      }
      const { val_loss, latency_ms } = train(trial.config);
      study.tell({ trialId: trial.id, objectives: { val_loss }, metrics: { ...size, latency_ms } });
    }
  }
  const feasible = study.records.filter((r) => r.status === 'ok' && isFeasible(study.constraintValues(r), constraints)).length;
  // best() is the best trial among those that satisfy every constraint.
  return { best: study.best(), feasible, rejected };
}

// 3. On a benchmark, on simulated time: a derived objective, and a constraint on a cheap metric.
export async function simulateUnderParams(optimizerId: 'rs' | 'tpe', seed: number, evaluations: number): Promise<SimulationResult> {
  const registry = createRegistry([toyMlpModule, randomSearchModule, tpeModule]);
  const benchmark = await registry.createBenchmark('toy-mlp', {}, { env: {} });
  const compiler = await loadExpressionCompiler();
  const reported = [...benchmark.objectives.map((o) => o.name), ...benchmark.metrics];
  const task = withDerivedObjectives(benchmark, [compiler.objective('err = 100 - valid_acc', reported)]);
  const names = [...task.objectives.map((o) => o.name), ...task.metrics];
  const constraints = [compiler.constraint('params_k <= 100', names)];
  const optimizer = registry.createOptimizer(optimizerId, {}, optimizerContextFor(task, seed, constraints));
  return simulate({ benchmark: task, optimizer, seed, budget: { evaluations }, constraints });
}

// 4. A study shared by processes: the constraints are expressions kept in the study's spec.
export async function sharedUnderBudget(storageUrl: string, trials: number): Promise<TrialRecord | undefined> {
  const storage = openStorage(storageUrl);
  try {
    const study = await StoredStudy.create({
      storage,
      name: 'my-net-deployable',
      registry: createRegistry([tpeModule]),
      space,
      objectives: ['val_loss'],
      optimizer: { id: 'tpe' },
      seed: 0,
      constraints: ['size_MB <= 2', 'latency_ms <= 20'],
      metrics: ['size_MB', 'latency_ms'],
    });
    for (let i = 0; i < trials; i++) {
      const [trial] = await study.ask();
      if (trial === undefined) break;
      const { val_loss, latency_ms } = train(trial.config);
      await study.tell({ trialId: trial.id, objectives: { val_loss }, metrics: { size_MB: sizeMb(trial.config), latency_ms } });
    }
    return study.best();
  } finally {
    await storage.close();
  }
}
