import { describe, expect, test } from 'vitest';
import type { RecordLine } from '../analysis/RunResult';
import type { RunHeader } from '../compare/RunHeader';
import type { LiveRun } from './LiveRun';
import { trialTable } from './trialTable';

const header = {
  task: 't',
  title: 'T',
  benchmark: 'b',
  benchmarkOptions: {},
  optimizer: 'rs',
  optimizerOptions: {},
  seed: 3,
  budget: {},
  workers: 1,
  objectives: [{ name: 'loss', direction: 'minimize' }],
  fullFidelity: { epoch: 10 },
  metric: 'best',
  axis: 'evaluations',
} as unknown as RunHeader;

function record(trial: number, config: Record<string, unknown>, epoch: number, extra: Partial<RecordLine> = {}): RecordLine {
  return {
    trial,
    config,
    fidelity: { epoch },
    status: 'ok',
    objectives: { loss: trial / 10 },
    metrics: { acc: 1 - trial / 10 },
    cost: 2,
    end: trial + 1,
    ...extra,
  } as RecordLine;
}

describe('trialTable', () => {
  test('one row per trial: run columns, objectives, metrics, configuration and fidelity', () => {
    const run: LiveRun = { header, records: [record(0, { lr: 0.1, op: 'conv' }, 10), record(1, { lr: 0.2, op: 'pool' }, 5, { status: 'failed' })] };
    const table = trialTable([run]);
    const trialColumns = ['optimizer', 'seed', 'trial', 'status', 'full fidelity', 'x', 'cost'];
    expect(table.columns.map((c) => c.name)).toEqual([...trialColumns, 'loss', 'acc', 'lr', 'op', 'fidelity epoch']);
    expect(table.columns.map((c) => c.group)).toEqual([...trialColumns.map(() => 'trial'), 'objective', 'metric', 'config', 'config', 'fidelity']);
    expect(table.columns.filter((c) => !c.numeric).map((c) => c.name)).toEqual(['optimizer', 'status', 'full fidelity', 'op']);
    expect(table.rows).toEqual([
      { optimizer: 'rs', seed: 3, trial: 0, status: 'ok', 'full fidelity': true, x: 1, cost: 2, loss: 0, acc: 1, lr: 0.1, op: 'conv', 'fidelity epoch': 10 },
      {
        optimizer: 'rs',
        seed: 3,
        trial: 1,
        status: 'failed',
        'full fidelity': false,
        x: 2,
        cost: 2,
        loss: 0.1,
        acc: 0.9,
        lr: 0.2,
        op: 'pool',
        'fidelity epoch': 5,
      },
    ]);
  });

  test('a name another column has gets its group as a prefix; structured values become JSON', () => {
    const run: LiveRun = { header, records: [record(0, { cost: 1, seed: 'x', loss: 2, cells: [1, 2] }, 10)] };
    const table = trialTable([run]);
    const names = table.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['cost', 'config cost', 'config seed', 'config loss', 'cells']));
    expect(table.rows[0]).toMatchObject({ cost: 2, 'config cost': 1, 'config seed': 'x', 'config loss': 2, loss: 0, cells: '[1,2]' });
  });

  test('runs of several optimizers and seeds share the columns; a value a run lacks stays out of its rows', () => {
    const other: LiveRun = { header: { ...header, optimizer: 'tpe', seed: 4 }, records: [record(0, { lr: 0.3, extra: 1 }, 10)] };
    const table = trialTable([{ header, records: [record(0, { lr: 0.1 }, 10)] }, other]);
    expect(table.rows.map((r) => [r['optimizer'], r['seed'], r['extra']])).toEqual([
      ['rs', 3, undefined],
      ['tpe', 4, 1],
    ]);
    expect(table.columns.find((c) => c.name === 'extra')?.numeric).toBe(true);
  });
});
