import { Study, validateOptions, type OptimizerDescriptor } from '@jahskit/core';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';

/**
 * The overhead bench of the multi-objective evolutionary optimizers: one ask+tell through a Study
 * (validation included) on ZDT1's 30 floats with default options, after 1,000 results.
 */
export function describeZdt1StudyOverhead(descriptor: OptimizerDescriptor, target: string): void {
  const benchmark = createSyntheticBenchmark({ instance: 'zdt1', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
  const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 };
  const make = (): Study => new Study({ ...context, optimizer: descriptor.create(validateOptions(descriptor.options, {}, descriptor.id), context) });

  describe(`${descriptor.id} ask+tell overhead (target: ${target})`, () => {
    let study = make();
    let t = 0;
    const step = (): void => {
      const [trial] = study.ask(1);
      const x = trial!.config['x1'] as number;
      t++;
      study.tell({ trialId: trial!.id, objectives: [x, 1 - Math.sqrt(x) + ((t * 7919) % 1000) / 1000] });
    };
    for (let i = 0; i < 1000; i++) step();
    bench('1 trial: ask, tell (ZDT1 space, through Study)', () => {
      step();
      if (study.records.length > 50_000) {
        study = make();
        for (let i = 0; i < 1000; i++) step();
      }
    });
  });
}
