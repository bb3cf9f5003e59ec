import { OPTIMIZER_PLUGIN, type OptimizerDescriptor } from '@jahskit/core';
import { ContainerModule } from 'inversify';
import { z } from 'zod';
import { MsEhvi, type MsEhviOptions } from './MsEhvi';

const options = z
  .object({
    startupTrials: z.number().int().min(2).default(10).describe('random prior draws before the models are used'),
    maxModelPoints: z.number().int().min(2).default(200).describe('each GP is fitted on at most this many results (kept by non-dominated sorting + hypervolume)'),
    refitEvery: z.number().int().min(1).default(10).describe('results between two marginal-likelihood fits of the GP hyperparameters (in between they are reused)'),
    randomCandidates: z.number().int().min(1).default(300).describe('prior draws scored by EHVI per proposal'),
    mutationCandidates: z.number().int().min(0).default(100).describe('one-parameter mutations of Pareto-front members scored per proposal'),
    referenceMargin: z.number().min(0).default(0.1).describe('EHVI reference point = the quantile below + margin x (quantile - best), per objective'),
    referenceQuantile: z.number().gt(0).max(1).default(1).describe('quantile of the observed values that defines the reference point (1: the observed worst)'),
  })
  .strict();

export const msehviDescriptor: OptimizerDescriptor<MsEhviOptions> = {
  id: 'msehvi',
  summary: 'MS-EHVI (Guerrero-Viu et al. 2021): EHVI with GPs for expensive objectives, cheap ones computed exactly',
  capabilities: { objectives: 'multi', multiFidelity: false, asynchronous: true },
  options: options as never,
  create: (opts, context) => new MsEhvi(opts, context),
};

/** Registers MS-EHVI. */
export const msehviModule = new ContainerModule(({ bind }) => {
  bind(OPTIMIZER_PLUGIN).toConstantValue(msehviDescriptor);
});
