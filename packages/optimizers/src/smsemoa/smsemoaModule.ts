import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { breedingOptions } from '../internal/mo/breedingOptions';
import { SmsEmoa, type SmsEmoaOptions } from './SmsEmoa';

export const smsemoaDescriptor: OptimizerDescriptor<SmsEmoaOptions> = optimizerDescriptor(
  'smsemoa',
  'SMS-EMOA (Beume et al. 2007): steady state, drops the least hypervolume contributor of the worst front',
  SmsEmoa,
  {
    ...breedingOptions(20, {
      population: 'steady-state population size mu (and initial prior samples)',
      crossoverProbability: 'probability that a child is the uniform crossover of two random parents',
    }),
    referenceMargin: z.number().min(0).default(0.1).describe('reference point = observed worst + margin x observed range, per objective'),
  },
);

/** Registers SMS-EMOA. */
export const smsemoaModule = definePlugin({ optimizers: [smsemoaDescriptor] });
