import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { SmsEmoa, type SmsEmoaOptions } from './SmsEmoa';

export const smsemoaDescriptor: OptimizerDescriptor<SmsEmoaOptions> = optimizerDescriptor(
  'smsemoa',
  'SMS-EMOA (Beume et al. 2007): steady state, drops the least hypervolume contributor of the worst front',
  SmsEmoa,
  {
    population: z.number().int().min(2).default(20).describe('steady-state population size mu (and initial prior samples)'),
    crossoverProbability: z.number().min(0).max(1).default(0.9).describe('probability that a child is the uniform crossover of two random parents'),
    mutationProbability: z.number().min(0).max(1).default(1).describe('probability that the child is then changed in one parameter'),
    referenceMargin: z.number().min(0).default(0.1).describe('reference point = observed worst + margin x observed range, per objective'),
  },
);

/** Registers SMS-EMOA. */
export const smsemoaModule = definePlugin({ optimizers: [smsemoaDescriptor] });
