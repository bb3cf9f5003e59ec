import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { parzenOptions, startupTrialsOption } from '../internal/kde/parzenOptions';
import { Motpe, type MotpeOptions } from './Motpe';

const options = z
  .object({
    startupTrials: startupTrialsOption,
    ...parzenOptions,
  })
  .strict();

export const motpeDescriptor: OptimizerDescriptor<MotpeOptions> = {
  id: 'motpe',
  summary: 'MOTPE (Ozaki et al. 2020): TPE with a Pareto/hypervolume good-bad split',
  capabilities: Motpe.capabilities,
  options: options as never,
  create: (opts, context) => new Motpe(opts, context),
};

/** Registers MOTPE. */
export const motpeModule = definePlugin({ optimizers: [motpeDescriptor] });
