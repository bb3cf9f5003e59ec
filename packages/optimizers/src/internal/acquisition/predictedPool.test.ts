import { Rng, type Observation } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { GaussianProcess } from '../gp/GaussianProcess';
import { OneHotEncoder } from '../gp/OneHotEncoder';
import { DISK_SPACE } from '../testing/constrainedDisk';
import type { GpEiSettings } from './gpEiOptions';
import { ObservationHistory } from './ObservationHistory';
import { predictedPool } from './predictedPool';

const points = [
  [0.1, 0.2],
  [0.5, 0.5],
  [0.9, 0.3],
] as const;
const settings: GpEiSettings = { initialTrials: 0, randomCandidates: 3, mutationCandidates: 4, incumbents: 1, xi: 0, maxTrainingPoints: 10, refitEvery: 1 };

function fixture(): { history: ObservationHistory; encoder: OneHotEncoder; model: GaussianProcess } {
  const history = new ObservationHistory(DISK_SPACE);
  history.tell(
    points.map(([x, y], id): Observation => ({
      trial: { id, config: { x, y }, fidelity: {} },
      status: 'ok',
      values: [x + y],
      metrics: {},
      cost: 1,
      constraints: [],
    })),
  );
  const encoder = new OneHotEncoder(DISK_SPACE);
  const model = GaussianProcess.fit(
    encoder.encodeAll(points.map(([x, y]) => ({ x, y }))),
    points.length,
    encoder.width,
    points.map(([x, y]) => x + y),
  );
  return { history, encoder, model };
}

describe('predictedPool', () => {
  test("holds the incumbent pool with the model's prediction for each candidate; a pick is a copy of its row", () => {
    const { history, encoder, model } = fixture();
    const pool = predictedPool(DISK_SPACE, history, Rng.seeded(1), settings, encoder, model)!;
    expect(pool.count).toBe(pool.candidates.length);
    expect(pool.count).toBeGreaterThan(0);
    expect(pool.rows).toEqual(encoder.encodeAll(pool.candidates));
    expect(model.predict(pool.rows, pool.count)).toEqual({ mean: pool.mean, variance: pool.variance });
    const last = pool.count - 1;
    const pick = pool.pick(last);
    expect(pick).toEqual({ config: pool.candidates[last], row: encoder.encodeAll([pool.candidates[last]!]), mean: pool.mean[last] });
    pick.row[0] = -1;
    expect(pool.rows[last * encoder.width]).not.toBe(-1);
  });

  test('is undefined when there is nothing to score', () => {
    const { history, encoder, model } = fixture();
    expect(predictedPool(DISK_SPACE, history, Rng.seeded(1), { ...settings, randomCandidates: 0, mutationCandidates: 0 }, encoder, model)).toBeUndefined();
  });
});
