import type { Objective } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { paretoTrials } from './paretoTrials';
import type { TrialTable } from './trialTable';

const table = (rows: TrialTable['rows']): TrialTable => ({
  columns: [
    { name: 'optimizer', group: 'trial', numeric: false },
    { name: 'error', group: 'objective', numeric: true },
    { name: 'accuracy', group: 'objective', numeric: true },
  ],
  rows,
});

describe('paretoTrials', () => {
  test("each optimizer's non-dominated ok full-fidelity trials, whole, in the objectives' directions", () => {
    const objectives = [
      { name: 'error', direction: 'minimize' },
      { name: 'accuracy', direction: 'maximize' },
    ] as [Objective, Objective];
    const row = (optimizer: string, error: number, accuracy: number, extra: Record<string, unknown> = {}): TrialTable['rows'][number] =>
      ({ optimizer, status: 'ok', 'full fidelity': true, error, accuracy, seed: 1, ...extra }) as TrialTable['rows'][number];
    const kept = paretoTrials(
      table([
        row('a', 2, 5),
        row('a', 1, 4, { trial: 7 }),
        row('a', 3, 3),
        row('a', 0, 9, { status: 'failed' }),
        row('a', 0, 9, { 'full fidelity': false }),
        row('b', 3, 3),
      ]),
      objectives,
    );
    expect(kept.map((r) => [r['optimizer'], r['error'], r['accuracy']])).toEqual([
      ['a', 1, 4],
      ['a', 2, 5],
      ['b', 3, 3],
    ]);
    expect(kept[0]).toMatchObject({ trial: 7, seed: 1 });
  });
});
