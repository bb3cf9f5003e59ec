import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { ladderDescriptor } from '../internal/multifidelity/ladderDescriptor';
import { Hyperband, type HyperbandOptions } from './Hyperband';

export const hyperbandDescriptor: OptimizerDescriptor<HyperbandOptions> = ladderDescriptor(
  'hyperband',
  'Hyperband: successive halving brackets of every aggressiveness with random configurations (Li et al. 2018)',
  Hyperband,
);

/** Registers Hyperband. */
export const hyperbandModule = definePlugin({ optimizers: [hyperbandDescriptor] });
