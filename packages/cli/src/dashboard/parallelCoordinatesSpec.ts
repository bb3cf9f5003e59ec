import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, DEFAULT_CHART_HEIGHT } from '../report/html/ChartOptions';
import { colorScaleSpec, type OptimizerColorScale } from '../report/html/optimizerColorScale';
import type { TrialTable, TrialValue } from './trialTable';
import { evenSample } from './evenSample';

/** Lines drawn at most: beyond a few thousand a browser slows and the plot is a solid block anyway. */
export const MAX_PARALLEL_LINES = 2000;

/**
 * Parallel coordinates of trials: one vertical axis per parameter, fidelity and objective, one line
 * per finished trial in its optimizer's colour. Each axis is scaled to its own range (a categorical
 * parameter spreads its values, sorted, evenly over it) and labelled with its ends. Computed here in
 * long form rather than with Vega-Lite's fold, so that categorical axes and the labels need no
 * expression language. Past MAX_PARALLEL_LINES trials, an even sample of them is drawn.
 */
export function parallelCoordinatesSpec(table: TrialTable, colors: OptimizerColorScale): TopLevelSpec {
  const dims = table.columns.filter((c) => c.group === 'config' || c.group === 'fidelity' || c.group === 'objective').map((c) => c.name);
  const ok = table.rows.filter((row) => row['status'] === 'ok');
  const rows = evenSample(ok, MAX_PARALLEL_LINES);
  const scales = dims.map((dim) => axisScale(rows.map((row) => row[dim])));
  const lines = rows.flatMap((row, id) =>
    dims.flatMap((dim, j) => {
      const value = row[dim];
      const position = value === undefined ? undefined : scales[j]!.position(value);
      return position === undefined
        ? []
        : [{ id, optimizer: row['optimizer'], seed: row['seed'], trial: row['trial'], axis: dim, position, value: String(value) }];
    }),
  );
  const labels = dims.flatMap((dim, j) => [
    { axis: dim, position: 0, label: scales[j]!.low },
    { axis: dim, position: 1, label: scales[j]!.high },
  ]);
  const x = { field: 'axis', type: 'nominal' as const, title: null, sort: dims, axis: { labelAngle: -30, orient: 'top' as const, labelLimit: 140 } };
  return {
    width: Math.max(320, 90 * dims.length),
    height: DEFAULT_CHART_HEIGHT,
    background: 'white',
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: lines },
        params: [{ name: 'series', select: { type: 'point', fields: ['optimizer'] }, bind: 'legend' }],
        mark: { type: 'line', strokeWidth: 1 },
        encoding: {
          x,
          y: { field: 'position', type: 'quantitative', axis: null, scale: { domain: [0, 1] } },
          detail: { field: 'id', type: 'nominal' },
          color: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: colorScaleSpec(colors) },
          opacity: { condition: { param: 'series', value: 0.35 }, value: 0.03 },
          tooltip: [
            { field: 'optimizer', type: 'nominal' },
            { field: 'seed', type: 'quantitative' },
            { field: 'trial', type: 'quantitative' },
            { field: 'axis', type: 'nominal', title: 'axis' },
            { field: 'value', type: 'nominal', title: 'value' },
          ],
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', fontSize: 10, color: '#444444', dx: 3, align: 'left' },
        encoding: { x, y: { field: 'position', type: 'quantitative', axis: null, scale: { domain: [0, 1] } }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

interface AxisScale {
  position(value: TrialValue): number | undefined;
  readonly low: string;
  readonly high: string;
}

function axisScale(values: readonly (TrialValue | undefined)[]): AxisScale {
  const present = values.filter((v): v is Exclude<TrialValue, null> => v !== undefined && v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const numbers = present as number[];
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    const format = (v: number): string => String(Number(v.toPrecision(4)));
    return { position: (v) => (typeof v !== 'number' ? undefined : max === min ? 0.5 : (v - min) / (max - min)), low: format(min), high: format(max) };
  }
  const levels = [...new Set(present.map(String))].sort();
  const index = new Map(levels.map((level, i) => [level, i]));
  return {
    position: (v) => {
      const i = v === null ? undefined : index.get(String(v));
      return i === undefined ? undefined : levels.length === 1 ? 0.5 : i / (levels.length - 1);
    },
    low: levels[0] ?? '',
    high: levels.at(-1) ?? '',
  };
}
