import type { GaussianProcess } from '../gp/GaussianProcess';
import type { OneHotEncoder } from '../gp/OneHotEncoder';
import { conditionOnPending, type RefittedGp } from '../gp/RefittedGp';
import type { ObservationHistory } from './ObservationHistory';

/**
 * The objective's GP: `gp` (re)fitted on `history`'s training set of at most `maxTrainingPoints`
 * results (re-fitting counts ok results), then conditioned on the pending trials at their predicted means.
 */
export function historyModel(gp: RefittedGp, encoder: OneHotEncoder, history: ObservationHistory, maxTrainingPoints: number): GaussianProcess {
  const training = history.trainingSet(maxTrainingPoints);
  const model = gp.fit(
    training.map((e) => e.config),
    training.map((e) => e.value),
    history.ok.length,
  );
  return conditionOnPending(model, encoder, history.pending);
}
