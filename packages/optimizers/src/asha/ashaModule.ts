import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { Asha, type AshaOptions } from './Asha';

export const ashaDescriptor: OptimizerDescriptor<AshaOptions> = {
  id: 'asha',
  summary: 'ASHA: asynchronous successive halving, promotes the top 1/eta of a rung without waiting (Li et al. 2020)',
  capabilities: Asha.capabilities,
  options: z.object(ladderOptions).strict() as never,
  create: (options, context) => new Asha(options, context),
};

/** Registers ASHA. */
export const ashaModule = definePlugin({ optimizers: [ashaDescriptor] });
