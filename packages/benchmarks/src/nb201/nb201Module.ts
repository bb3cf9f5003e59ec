import { definePlugin, objectivesOption, type BenchmarkDescriptor, type DataStatus } from '@jahskit/core';
import { z } from 'zod';
import { sha256File } from '../internal/sha256File';
import { createNb201Benchmark, NB201_OBJECTIVES, type Nb201ObjectiveName, type Nb201Options } from './createNb201Benchmark';
import { NB201_DATA_SHA256, nb201DataPaths } from './nb201DataFile';
import { NB201_INSTANCES } from './Nb201Instance';
import { loadNb201Table } from './Nb201Table';

const objectiveNames = NB201_OBJECTIVES.map((o) => o.name) as [Nb201ObjectiveName, ...Nb201ObjectiveName[]];

export const nb201Descriptor: BenchmarkDescriptor<Nb201Options> = {
  id: 'nb201',
  summary: 'NAS-Bench-201 tabular cell benchmark (15,625 cells; CIFAR-10/100, ImageNet16-120; 12 or 200 epochs)',
  instances: NB201_INSTANCES,
  needsData: false,
  options: z
    .object({
      instance: z.enum(NB201_INSTANCES).default('cifar10').describe('dataset (cifar10 is the cifar10-valid split)'),
      objectives: objectivesOption(objectiveNames, ['valid_error']),
      noise: z.enum(['mean', 'seed']).default('mean').describe("'mean' over the recorded seeds, or 'seed': one recorded seed picked by the request's seed"),
      epochs: z
        .literal([12, 200])
        .optional()
        .describe('one training length for every evaluation: a single-fidelity task with id nb201/<instance>@<epochs> and a known optimum at that length'),
      nominalEpochs: z
        .boolean()
        .optional()
        .describe(
          "with epochs: a nominal budget epoch in 12..200 that multi-fidelity optimizers may schedule, every value answering with the epochs result and cost (the NAS-Bench-201 paper's BOHB worker)",
        ),
    })
    .strict()
    .refine((o) => o.nominalEpochs !== true || o.epochs !== undefined, { message: 'nominalEpochs needs epochs (12 or 200)', path: ['nominalEpochs'] }),
  create: async (options) => createNb201Benchmark(await loadNb201Table(), options),
  checkData: async (): Promise<DataStatus> => {
    const { table } = nb201DataPaths();
    const digest = await sha256File(table);
    const ok = digest?.sha256 === NB201_DATA_SHA256;
    const detail =
      digest === undefined
        ? 'missing: reinstall @jahskit/benchmarks'
        : ok
          ? `SHA-256 ${digest.sha256} (${digest.size} bytes)`
          : `SHA-256 ${digest.sha256}, expected ${NB201_DATA_SHA256}`;
    return {
      ready: ok,
      detail: ok ? `bundled table ${table}` : `bundled table ${table} is ${digest === undefined ? 'missing' : 'corrupt'}`,
      files: [{ path: table, ok, detail }],
    };
  },
};

/** Registers the NAS-Bench-201 benchmark. */
export const nb201Module = definePlugin({ benchmarks: [nb201Descriptor] });
