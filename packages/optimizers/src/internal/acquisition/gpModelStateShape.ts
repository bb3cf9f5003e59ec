import type { SearchSpace } from '@jahskit/core';
import { z } from 'zod';
import { gpHyperparametersSchema } from '../gp/GpHyperparameters';
import { constraintModelsSchema } from './ConstraintModels';
import { observationHistorySchema } from './ObservationHistory';

/**
 * The saved fields of a GP on an observation history (`gpbo`, `cabo`): the history, the GP's fitted
 * hyperparameters (see RefittedGp) and, with constraints only, the constraint models (older states:
 * none fitted yet).
 */
export function gpModelStateShape(space: SearchSpace) {
  return {
    history: observationHistorySchema(space),
    hyperparameters: gpHyperparametersSchema.nullable(),
    fittedAt: z.number().int().min(0),
    constraintModels: constraintModelsSchema.optional(),
  };
}
