import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { ShEmoa, type ShEmoaOptions } from './ShEmoa';

export const shemoaDescriptor: OptimizerDescriptor<ShEmoaOptions> = optimizerDescriptor(
  'shemoa',
  'SH-EMOA (Guerrero-Viu et al. 2021): evolutionary multi-objective search inside successive halving',
  ShEmoa,
  {
    ...ladderOptions,
    eta: z.number().gt(1).default(2).describe('halving rate: each rung keeps 1/eta of its candidates and multiplies the budget by eta'),
    population: z.number().int().min(2).default(60).describe('members kept per budget (poor ones dropped by non-dominated sorting + hypervolume)'),
    tournamentSize: z.number().int().min(1).default(3).describe('members drawn per tournament; the best by Pareto rank, then crowding, wins'),
    mutationProbability: z.number().min(0).max(1).default(0.5).describe('probability of mutation (else uniform recombination of two winners)'),
  },
);

/** Registers SH-EMOA. */
export const shemoaModule = definePlugin({ optimizers: [shemoaDescriptor] });
