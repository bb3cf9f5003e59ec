import { z } from 'zod';

/** How often the GPs of the multi-objective GP optimizers (ParEGO, MS-EHVI) re-fit their hyperparameters. */
export const gpRefitEveryOption = z
  .number()
  .int()
  .min(1)
  .default(10)
  .describe('results between two marginal-likelihood fits of the GP hyperparameters (in between they are reused)');
