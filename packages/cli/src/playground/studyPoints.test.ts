import { describe, expect, test } from 'vitest';
import { studyPoints } from './studyPoints';

const header = (axis: string, objectives: object[]) =>
  JSON.stringify({
    run: { benchmark: 'b', objectives, fullFidelity: { epoch: 2 }, metric: 'best', axis, budget: { evaluations: 3 } },
    digest: '0000000000000000',
  });
const trial = (id: number, epoch: number, objectives: object, end = id) =>
  JSON.stringify({ trial: id, config: {}, fidelity: { epoch }, status: 'ok', objectives, metrics: {}, cost: 1, end, digest: '0' });

describe('studyPoints', () => {
  test('a row per trial in the order they finish; the best so far counts full-fidelity trials only', () => {
    const points = studyPoints('rs seed 0');
    const rows = [
      ...points.add([header('evaluations', [{ name: 'err', direction: 'minimize' }]), trial(0, 2, { err: 5 })]),
      ...points.add([trial(2, 1, { err: 1 }), trial(1, 2, { err: 3 }), JSON.stringify({ end: { trials: 3 } })]),
    ];
    expect(rows).toEqual([
      { study: 'rs seed 0', trial: 0, x: 1, value: 5, best: 5, value2: null },
      { study: 'rs seed 0', trial: 2, x: 2, value: 1, best: 5, value2: null },
      { study: 'rs seed 0', trial: 1, x: 3, value: 3, best: 3, value2: null },
    ]);
    expect([points.best(), points.trials(), points.header()?.benchmark]).toEqual([3, 3, 'b']);
  });

  test('maximised objectives, the second objective, and simulated seconds on x', () => {
    const points = studyPoints('s');
    const rows = points.add([
      header('simulated-seconds', [
        { name: 'acc', direction: 'maximize' },
        { name: 'size', direction: 'minimize' },
      ]),
      trial(0, 2, { acc: 0.5, size: 3 }, 12.5),
      trial(1, 2, { acc: 0.7, size: 1 }, 20),
    ]);
    expect(rows.map((r) => [r.x, r.best, r.value2])).toEqual([
      [12.5, 0.5, 3],
      [20, 0.7, 1],
    ]);
  });
});
