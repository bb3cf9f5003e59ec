import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { Hyperband, type HyperbandOptions } from './Hyperband';

export const hyperbandDescriptor: OptimizerDescriptor<HyperbandOptions> = {
  id: 'hyperband',
  summary: 'Hyperband: successive halving brackets of every aggressiveness with random configurations (Li et al. 2018)',
  capabilities: Hyperband.capabilities,
  options: z.object(ladderOptions).strict() as never,
  create: (options, context) => new Hyperband(options, context),
};

/** Registers Hyperband. */
export const hyperbandModule = definePlugin({ optimizers: [hyperbandDescriptor] });
