import type { SearchSpace } from '@jahskit/core';
import { z } from 'zod';
import { gpHyperparametersSchema } from '../gp/GpHyperparameters';
import { observationHistorySchema } from './ObservationHistory';

/** The saved fields of a GP on an observation history (`gpbo`, `cabo`): the history and the GP's fitted hyperparameters (see RefittedGp). */
export function gpModelStateShape(space: SearchSpace) {
  return {
    history: observationHistorySchema(space),
    hyperparameters: gpHyperparametersSchema.nullable(),
    fittedAt: z.number().int().min(0),
  };
}
