import { type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { Sequential, type SequentialOptions } from './Sequential';

/**
 * A descriptor for the sequential composition "`first` on the hyperparameters, then `second` on the
 * architecture". The sub-optimizers are given as descriptors because an optimizer's context has no
 * access to the registry; each composition is registered under its own id (e.g. `seq-rs-re`).
 */
export function createSequential(first: OptimizerDescriptor, second: OptimizerDescriptor): OptimizerDescriptor<SequentialOptions> {
  const options = z
    .object({
      firstOptions: z
        .record(z.string(), z.unknown())
        .default({})
        .describe(`options of "${first.id}", which optimises the hyperparameters with the architecture fixed`),
      secondOptions: z
        .record(z.string(), z.unknown())
        .default({})
        .describe(`options of "${second.id}", which optimises the architecture with the hyperparameters fixed at the best found`),
      switchAfter: z.number().int().min(1).default(100).describe('trials of the first phase; the second phase starts when their results are in'),
      hpoParameters: z
        .array(z.string())
        .default([])
        .describe("names of the hyperparameters; empty: every parameter whose role is not 'architecture' (the cell spaces mark their operations)"),
      initialArchitecture: z
        .enum(['default', 'random'])
        .default('default')
        .describe("architecture held fixed in the first phase: the space's default or a random sample"),
    })
    .strict();
  return {
    id: `seq-${first.id}-${second.id}`,
    summary: `NAS-HPO-Bench-II sequential baseline: ${first.id} on the hyperparameters, then ${second.id} on the architecture`,
    capabilities: Sequential.capabilitiesOf(first, second),
    options,
    create: (opts, context) => new Sequential(first, second, opts, context),
  };
}
