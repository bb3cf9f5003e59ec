import { describe, expect, test } from 'vitest';
import { optimizerColorScale } from '../report/html/optimizerColorScale';
import { MAX_PARALLEL_LINES, parallelCoordinatesSpec } from './parallelCoordinatesSpec';
import type { TrialTable } from './trialTable';

const columns: TrialTable['columns'] = [
  { name: 'optimizer', group: 'trial', numeric: false },
  { name: 'status', group: 'trial', numeric: false },
  { name: 'lr', group: 'config', numeric: true },
  { name: 'op', group: 'config', numeric: false },
  { name: 'loss', group: 'objective', numeric: true },
];

type Layer = { data: { values: Record<string, unknown>[] } };

describe('parallelCoordinatesSpec', () => {
  test('one axis per parameter and objective, each scaled to its own range; categorical values sorted and spread; ends labelled', () => {
    const table: TrialTable = {
      columns,
      rows: [
        { optimizer: 'rs', status: 'ok', lr: 0.1, op: 'pool', loss: 3 },
        { optimizer: 'rs', status: 'ok', lr: 0.3, op: 'conv', loss: 1 },
        { optimizer: 'rs', status: 'failed', lr: 9, op: 'zero', loss: 0 },
        { optimizer: 'tpe', status: 'ok', lr: 0.2, op: 'none', loss: 2 },
      ],
    };
    const spec = parallelCoordinatesSpec(table, optimizerColorScale(['rs', 'tpe'])) as unknown as { layer: Layer[] };
    const [lines, labels] = spec.layer as [Layer, Layer];
    const at = (id: number, axis: string): unknown => lines.data.values.find((v) => v['id'] === id && v['axis'] === axis)?.['position'];
    // Failed trials are left out, so lr spans 0.1..0.3 and op has conv < none < pool.
    expect(lines.data.values).toHaveLength(3 * 3);
    expect([at(0, 'lr'), at(1, 'lr'), at(2, 'lr')]).toEqual([0, 1, expect.closeTo(0.5, 12)]);
    expect([at(0, 'op'), at(1, 'op'), at(2, 'op')]).toEqual([1, 0, 0.5]);
    expect([at(0, 'loss'), at(1, 'loss'), at(2, 'loss')]).toEqual([1, 0, 0.5]);
    expect(labels.data.values).toEqual([
      { axis: 'lr', position: 0, label: '0.1' },
      { axis: 'lr', position: 1, label: '0.3' },
      { axis: 'op', position: 0, label: 'conv' },
      { axis: 'op', position: 1, label: 'pool' },
      { axis: 'loss', position: 0, label: '1' },
      { axis: 'loss', position: 1, label: '3' },
    ]);
  });

  test(`draws at most ${MAX_PARALLEL_LINES} lines`, () => {
    const rows = Array.from({ length: MAX_PARALLEL_LINES + 500 }, (_, i) => ({ optimizer: 'rs', status: 'ok', lr: i, op: 'a', loss: i }));
    const spec = parallelCoordinatesSpec({ columns, rows }, optimizerColorScale(['rs'])) as unknown as { layer: Layer[] };
    expect(new Set(spec.layer[0]!.data.values.map((v) => v['id'])).size).toBe(MAX_PARALLEL_LINES);
  });
});
