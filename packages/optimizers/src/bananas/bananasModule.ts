import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { Bananas, type BananasOptions } from './Bananas';
import { OPTION_LIMITS } from '../internal/optionLimits';

export const bananasDescriptor: OptimizerDescriptor<BananasOptions> = optimizerDescriptor(
  'bananas',
  'BANANAS (White et al. 2021): neural ensemble (one-hot or path encoding), Thompson sampling over mutations of the best',
  Bananas,
  {
    initialTrials: z.number().int().min(1).default(10).describe('prior samples before the ensemble is used'),
    encoding: z
      .enum(['onehot', 'path'])
      .default('onehot')
      .describe("'onehot'; or 'path': the BANANAS path encoding on NAS-Bench-201 cell spaces (one-hot on other spaces)"),
    members: z.number().int().min(1).max(OPTION_LIMITS.members).default(5).describe('networks in the ensemble'),
    hiddenLayers: z.number().int().min(1).max(10).default(3).describe('hidden layers per network'),
    hiddenUnits: z.number().int().min(1).max(OPTION_LIMITS.hiddenUnits).default(20).describe('units per hidden layer'),
    trainingSteps: z.number().int().min(1).max(OPTION_LIMITS.trainingSteps).default(150).describe('Adam updates (mini-batches of 32) per network and fit'),
    learningRate: z.number().positive().default(0.01).describe('Adam step size'),
    retrainEvery: z.number().int().min(1).default(10).describe('the ensemble is re-trained after this many new results (or 10% of all results, if more)'),
    maxTrainingPoints: z.number().int().min(2).default(500).describe('results the ensemble is trained on at most: the best half plus the most recent'),
    candidates: z
      .number()
      .int()
      .min(0)
      .max(OPTION_LIMITS.candidates)
      .default(100)
      .describe('one-parameter mutations of the incumbents scored by Thompson sampling per proposal'),
    randomCandidates: z.number().int().min(0).max(OPTION_LIMITS.candidates).default(10).describe('prior samples added to each acquisition pool'),
    incumbents: z.number().int().min(1).default(10).describe('how many of the best results are mutated'),
  },
);

/** Registers BANANAS. */
export const bananasModule = definePlugin({ optimizers: [bananasDescriptor] });
