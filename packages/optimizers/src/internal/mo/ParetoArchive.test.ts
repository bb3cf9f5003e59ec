import type { Observation } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { halfFrontContext } from './constrainedMoFixtures';
import { ParetoArchive, paretoArchiveSchema } from './ParetoArchive';

const context = halfFrontContext(1);
const observation = (id: number, x1: number, status: 'ok' | 'failed' = 'ok', constraints = [0.5 - x1]): Observation => ({
  trial: { id, config: { x1, x2: 0, x3: 0 }, fidelity: {} },
  status,
  values: status === 'ok' ? [x1, 1 - Math.sqrt(x1)] : [],
  metrics: {},
  cost: 1,
  constraints,
});

describe('ParetoArchive with constraints', () => {
  test('keeps each entry’s constraint values and total violation; a rejected trial is kept apart for the constraint models', () => {
    const archive = new ParetoArchive(2);
    archive.add([observation(0, 0.9), observation(1, 0.2), observation(2, 0.1, 'failed'), observation(3, 0.3, 'failed', [])]);
    expect(archive.size).toBe(2);
    expect(archive.failed).toBe(2);
    expect(archive.hasInfeasible).toBe(true);
    expect([...archive.violations()!]).toEqual([0, 0.3]);
    expect(archive.feasible()).toEqual([0]);
    expect(archive.rejected.map((r) => r.id)).toEqual([2]);
    const saved = paretoArchiveSchema(context).parse(JSON.parse(JSON.stringify(archive.toJson())));
    const restored = ParetoArchive.fromJson(2, saved);
    expect(restored.toJson()).toEqual(archive.toJson());
    expect([...restored.violations()!]).toEqual([0, 0.3]);
  });

  test('without a broken constraint there are no violations to rank by, and nothing new in the state', () => {
    const archive = new ParetoArchive(2);
    archive.add([observation(0, 0.9, 'ok', []), observation(1, 0.6)]);
    expect(archive.violations()).toBeUndefined();
    expect(archive.toJson()).toEqual({
      failed: 0,
      entries: [expect.not.objectContaining({ constraints: expect.anything() }), expect.objectContaining({ constraints: [-0.09999999999999998] })],
    });
    expect('rejected' in archive.toJson()).toBe(false);
  });

  test('a state saved before constraints restores (no constraint values: feasible); a wrong count is refused', () => {
    const old = { failed: 1, entries: [{ id: 0, config: { x1: 0.2, x2: 0, x3: 0 }, fidelity: {}, values: [0.2, 0.5] }] };
    const restored = ParetoArchive.fromJson(2, paretoArchiveSchema(context).parse(old));
    expect(restored.violations()).toBeUndefined();
    const wrong = { ...old, entries: [{ ...old.entries[0]!, constraints: [1, 2] }] };
    expect(paretoArchiveSchema(context).safeParse(wrong).success).toBe(false);
  });
});
