import type { Objective } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import type { RecordLine } from '../analysis/RunResult';
import type { RunHeader } from '../compare/RunHeader';
import { attainmentSurfaces } from './attainmentSurfaces';
import type { LiveRun } from './LiveRun';

const objectives: [Objective, Objective] = [
  { name: 'error', direction: 'minimize' },
  { name: 'accuracy', direction: 'maximize' },
] as [Objective, Objective];

function run(optimizer: string, seed: number, points: readonly (readonly [number, number])[], epoch = 10): LiveRun {
  const header = { optimizer, seed, objectives, fullFidelity: { epoch: 10 } } as unknown as RunHeader;
  const records = points.map(
    ([error, accuracy], trial) =>
      ({ trial, config: {}, fidelity: { epoch }, status: 'ok', objectives: { error, accuracy }, metrics: {}, cost: 1 }) as RecordLine,
  );
  return { header, records };
}

describe('attainmentSurfaces', () => {
  test("median and quartile surfaces per optimizer, in the objectives' own directions", () => {
    const runs = [
      run('a', 0, [
        [1, 5],
        [3, 9],
      ]),
      run('a', 1, [[2, 6]]),
      run('a', 2, [[4, 10]]),
    ];
    const surfaces = attainmentSurfaces(runs, objectives);
    expect(surfaces.map((s) => s.level)).toEqual(['median', '25%', '75%']);
    // Attained by 2 of 3 runs: error <= 2 with accuracy >= 5 (runs 0 and 1), error <= 3 with accuracy >= 6, error <= 4 with accuracy >= 9.
    expect(surfaces[0]!.points).toEqual([
      [2, 5],
      [3, 6],
      [4, 9],
    ]);
    // By one run (the best): every point of the union that no other dominates.
    expect(surfaces[1]!.points).toEqual([
      [1, 5],
      [2, 6],
      [3, 9],
      [4, 10],
    ]);
    // By all three runs: from error 4 on, where the worst of them reaches (accuracy 6).
    expect(surfaces[2]!.points).toEqual([[4, 6]]);
  });

  test('two runs draw the median (attained by one) and the 75% surface (by both); one run draws nothing', () => {
    const surfaces = attainmentSurfaces([run('a', 0, [[1, 5]]), run('a', 1, [[2, 6]]), run('b', 0, [[1, 1]])], objectives);
    expect(surfaces.map((s) => [s.optimizer, s.level])).toEqual([
      ['a', 'median'],
      ['a', '75%'],
    ]);
  });

  test('only ok results at full fidelity count', () => {
    const low = run('a', 0, [[0, 100]], 5);
    const surfaces = attainmentSurfaces([low, run('a', 0, [[1, 5]]), run('a', 1, [[2, 6]])], objectives);
    expect(surfaces.flatMap((s) => s.points).some(([error]) => error === 0)).toBe(false);
  });
});
