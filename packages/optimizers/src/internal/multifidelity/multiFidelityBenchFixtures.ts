import { validateOptions, type Benchmark, type Observation, type Optimizer, type OptimizerDescriptor } from '@jahskit/core';

/** One ask(1) + evaluate + tell step with a single worker; false when the optimizer had nothing to ask. */
export async function step(optimizer: Optimizer, benchmark: Benchmark): Promise<boolean> {
  const [trial] = optimizer.ask(1);
  if (trial === undefined) return false;
  const [result] = await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: 0 }]);
  const value = result!.metrics[benchmark.objectives[0]!.name]!;
  const observation: Observation = { trial, status: 'ok', values: [value], metrics: {}, cost: result!.cost, constraints: [] };
  optimizer.tell([observation]);
  return true;
}

/** An optimizer that has already been told `count` results (the state the overhead is measured at). */
export async function prefilled(descriptor: OptimizerDescriptor, benchmark: Benchmark, options: unknown = {}, count = 1000): Promise<Optimizer> {
  const optimizer = descriptor.create(validateOptions(descriptor.options, options, descriptor.id), {
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    seed: 1,
  });
  for (let i = 0; i < count; i++) await step(optimizer, benchmark);
  return optimizer;
}
