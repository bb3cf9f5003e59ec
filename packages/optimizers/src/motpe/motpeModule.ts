import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { parzenOptions, startupTrialsOption } from '../internal/kde/parzenOptions';
import { Motpe, type MotpeOptions } from './Motpe';

export const motpeDescriptor: OptimizerDescriptor<MotpeOptions> = optimizerDescriptor(
  'motpe',
  'MOTPE (Ozaki et al. 2020): TPE with a Pareto/hypervolume good-bad split',
  Motpe,
  {
    startupTrials: startupTrialsOption,
    ...parzenOptions,
  },
);

/** Registers MOTPE. */
export const motpeModule = definePlugin({ optimizers: [motpeDescriptor] });
