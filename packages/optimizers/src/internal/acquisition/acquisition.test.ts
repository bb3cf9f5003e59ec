import { Rng, type Observation } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { OneHotEncoder } from '../gp/OneHotEncoder';
import { DISK_SPACE, diskViolation } from '../testing/constrainedDisk';
import { ConstraintModels } from './ConstraintModels';
import { constrainedScore } from './constrainedScore';
import { expectedImprovement } from './expectedImprovement';
import { ObservationHistory } from './ObservationHistory';

describe('expected improvement', () => {
  test('matches Monte Carlo', () => {
    const rng = Rng.seeded(1);
    for (const [mean, variance, best] of [
      [0, 1, 0],
      [1, 0.25, 0.5],
      [-1, 4, 0],
    ] as const) {
      let sum = 0;
      const draws = 200_000;
      for (let i = 0; i < draws; i++) sum += Math.max(best - rng.normal(mean, Math.sqrt(variance)), 0);
      expect(expectedImprovement(mean, variance, best)).toBeCloseTo(sum / draws, 2);
    }
  });

  test('zero variance gives the plain improvement; EI is never negative', () => {
    expect(expectedImprovement(1, 0, 3)).toBe(2);
    expect(expectedImprovement(3, 0, 1)).toBe(0);
    expect(expectedImprovement(100, 1e-6, 0)).toBeGreaterThanOrEqual(0);
  });
});

describe('constraints', () => {
  const told = (id: number, x: number, y: number, status: Observation['status'] = 'ok'): Observation => ({
    trial: { id, config: { x, y }, fidelity: {} },
    status,
    values: status === 'ok' ? [x + y] : [],
    metrics: {},
    cost: 1,
    constraints: [diskViolation(x, y)],
  });

  test('the probability of feasibility is high inside the disk and low far from it, learning from rejected trials too', () => {
    const rng = Rng.seeded(3);
    const history = new ObservationHistory(DISK_SPACE);
    for (let id = 0; id < 40; id++) {
      const [x, y] = [rng.uniform(), rng.uniform()];
      // Infeasible ones alternate between results and cheap-constraint rejections.
      history.tell([told(id, x, y, diskViolation(x, y) > 0 && id % 2 === 0 ? 'failed' : 'ok')]);
    }
    expect(history.rejected.length).toBeGreaterThan(5);
    const encoder = new OneHotEncoder(DISK_SPACE);
    const feasibility = new ConstraintModels(encoder, 1, 10).fit(history, 100)!;
    const p = feasibility(
      encoder.encodeAll([
        { x: 0.7, y: 0.7 },
        { x: 0.05, y: 0.05 },
        { x: 0.95, y: 0.1 },
      ]),
      3,
    );
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[1]).toBeLessThan(0.05);
    expect(p[2]).toBeLessThan(0.05);
    expect(new ConstraintModels(encoder, 0, 10).fit(history, 100)).toBeUndefined();
  });

  test('best ranks feasible results first, then by violation; bestFeasibleValue ignores infeasible ones', () => {
    const history = new ObservationHistory(DISK_SPACE);
    history.tell([told(0, 0, 0), told(1, 0.7, 0.7), told(2, 0.5, 0.5), told(3, 0.8, 0.75), told(4, 0.1, 0.1, 'failed')]);
    expect(history.best(4).map((e) => e.id)).toEqual([1, 3, 2, 0]);
    expect(history.bestFeasibleValue()).toBeCloseTo(1.4);
    expect(history.rejected.map((r) => r.id)).toEqual([4]);
    const restored = new ObservationHistory(DISK_SPACE);
    restored.restore(JSON.parse(JSON.stringify(history.state())));
    expect(restored.state()).toEqual(history.state());
  });

  test('constrained EI: EI times the probability of feasibility, the probability alone while nothing is feasible', () => {
    expect(constrainedScore(2, 0.25, true)).toBe(0.5);
    expect(constrainedScore(2, 0.25, false)).toBe(0.25);
  });
});
