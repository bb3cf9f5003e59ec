import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { ladderDescriptor } from '../internal/multifidelity/ladderDescriptor';
import { Asha, type AshaOptions } from './Asha';

export const ashaDescriptor: OptimizerDescriptor<AshaOptions> = ladderDescriptor(
  'asha',
  'ASHA: asynchronous successive halving, promotes the top 1/eta of a rung without waiting (Li et al. 2020)',
  Asha,
);

/** Registers ASHA. */
export const ashaModule = definePlugin({ optimizers: [ashaDescriptor] });
