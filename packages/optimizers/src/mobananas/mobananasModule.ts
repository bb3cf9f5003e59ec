import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { MoBananas, type MoBananasOptions } from './MoBananas';
import { OPTION_LIMITS } from '../internal/optionLimits';

export const mobananasDescriptor: OptimizerDescriptor<MoBananasOptions> = optimizerDescriptor(
  'mobananas',
  'MO-BANANAS (Guerrero-Viu et al. 2021): neural-ensemble predictor, Pareto parents, independent Thompson sampling',
  MoBananas,
  {
    startupTrials: z.number().int().min(2).default(10).describe('random prior draws before the predictor is used'),
    parents: z.number().int().min(1).default(10).describe('best results (non-dominated sorting, crowding) whose mutations are the candidates'),
    mutationsPerParent: z.number().int().min(1).max(OPTION_LIMITS.candidates).default(10).describe('Gaussian mutations drawn per parent'),
    randomCandidates: z.number().int().min(0).max(OPTION_LIMITS.candidates).default(20).describe('prior draws added to the candidates (exploration)'),
    mutationScale: z.number().gt(0).default(0.25).describe('standard deviation of the mutation step in the [0, 1] encoding'),
    members: z.number().int().min(1).max(OPTION_LIMITS.members).default(3).describe('networks in the ensemble'),
    hidden: z.number().int().min(1).max(OPTION_LIMITS.hiddenUnits).default(20).describe('units of each of the two hidden layers of each network'),
    steps: z.number().int().min(1).max(OPTION_LIMITS.trainingSteps).default(150).describe('Adam updates (minibatches of 32) per network and training'),
    learningRate: z.number().gt(0).default(0.01).describe('Adam learning rate'),
    retrainEvery: z.number().int().min(1).default(5).describe('results between two trainings of the ensemble'),
    maxModelPoints: z.number().int().min(2).default(150).describe('training set size cap (kept by non-dominated sorting + hypervolume)'),
    logWarp: z.boolean().default(true).describe('train on log(value) for objectives whose observed values are all positive (draws are mapped back)'),
  },
);

/** Registers MO-BANANAS. */
export const mobananasModule = definePlugin({ optimizers: [mobananasDescriptor] });
