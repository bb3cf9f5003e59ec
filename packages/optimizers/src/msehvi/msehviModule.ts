import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { MsEhvi, type MsEhviOptions } from './MsEhvi';
import { gpMoOptions } from '../internal/mo/gpMoOptions';

export const msehviDescriptor: OptimizerDescriptor<MsEhviOptions> = optimizerDescriptor(
  'msehvi',
  'MS-EHVI (Guerrero-Viu et al. 2021): EHVI with GPs for expensive objectives, cheap ones computed exactly',
  MsEhvi,
  {
    ...gpMoOptions(
      { randomCandidates: 200, mutationCandidates: 300 },
      {
        startupTrials: 'random prior draws before the models are used',
        maxModelPoints: 'each GP is fitted on at most this many results (kept by non-dominated sorting + hypervolume)',
        randomCandidates: 'prior draws scored by EHVI per proposal',
        mutationCandidates: 'one-parameter mutations of the Pareto-front members (dealt evenly over them) scored per proposal',
      },
    ),
    logWarp: z.boolean().default(true).describe('model log(value) for modelled objectives whose observed values are all positive (EHVI in that space)'),
    clipTargets: z
      .boolean()
      .default(true)
      .describe("clip each modelled objective's training values at the upper Tukey fence of the values (outliers such as broken networks)"),
    referenceMargin: z
      .number()
      .min(0)
      .default(0.1)
      .describe(
        'EHVI reference point = the worst value + margin x the range, per objective, over the results (and, for exactly computed objectives, the candidates)',
      ),
  },
);

/** Registers MS-EHVI. */
export const msehviModule = definePlugin({ optimizers: [msehviDescriptor] });
