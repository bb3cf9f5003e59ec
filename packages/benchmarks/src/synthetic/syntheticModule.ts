import { definePlugin, type BenchmarkDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { createSyntheticBenchmark, type SyntheticOptions } from './createSyntheticBenchmark';
import { SYNTHETIC_PROBLEMS } from './syntheticProblems';

const instances = Object.keys(SYNTHETIC_PROBLEMS);

export const syntheticDescriptor: BenchmarkDescriptor<SyntheticOptions> = {
  id: 'synthetic',
  summary: 'Branin, Hartmann-6, ZDT1-3 and DTLZ2 with an epoch fidelity (cheap, for tests and demos)',
  instances,
  options: z
    .object({
      instance: z
        .enum(instances as [string, ...string[]])
        .default('branin')
        .describe('test problem'),
      maxEpoch: z.number().int().min(1).max(10_000).default(27).describe('highest epoch fidelity (1: no fidelity)'),
      noise: z.number().min(0).default(0).describe('sd of Gaussian noise on each objective'),
      secondsPerEpoch: z.number().positive().default(1).describe('simulated seconds per epoch'),
    })
    .strict(),
  create: async (options) => createSyntheticBenchmark(options),
};

/** Registers the synthetic benchmark. */
export const syntheticModule = definePlugin({ benchmarks: [syntheticDescriptor] });
