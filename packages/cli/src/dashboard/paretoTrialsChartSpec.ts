import type { TopLevelSpec } from 'vega-lite';
import type { ParetoView } from '../analysis/GridAnalysis';
import { CHART_CONFIG, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from '../report/html/ChartOptions';
import { colorScaleSpec, type OptimizerColorScale } from '../report/html/optimizerColorScale';
import { optimizerPointsLayer } from '../report/html/optimizerPointsLayer';
import { referencePointInView } from '../report/html/referencePointInView';
import type { TrialColumn, TrialValue } from './trialTable';
import { trialTooltip } from './trialTooltip';
import { vegaField } from './vegaField';

/** A staircase of one optimizer, e.g. its median attainment surface. */
export interface SurfaceSeries {
  readonly optimizer: string;
  /** e.g. "median", "25%", "75%". */
  readonly level: string;
  readonly points: readonly (readonly [number, number])[];
}

/**
 * The report's Pareto plot with trials for points: each optimizer's non-dominated trials (pooled
 * over seeds; hover shows the trial), the true front as a black staircase where known, attainment
 * surfaces as dashed staircases in the optimizer's colour when given, and the reference point when
 * near enough. `a` and `b` are the trial table's columns of the two objectives.
 */
export function paretoTrialsChartSpec(
  pareto: ParetoView,
  columns: { readonly a: string; readonly b: string; readonly all: readonly TrialColumn[] },
  trials: readonly Readonly<Record<string, TrialValue>>[],
  colors: OptimizerColorScale,
  surfaces: readonly SurfaceSeries[] = [],
): TopLevelSpec {
  const [first, second] = pareto.objectives;
  const [firstDirection, secondDirection] = pareto.directions;
  const point = (p: readonly number[]): Record<string, number> => ({ [columns.a]: p[0] as number, [columns.b]: p[1] as number });
  const axes = {
    x: { field: vegaField(columns.a), type: 'quantitative' as const, title: `${first} (${firstDirection})`, scale: { zero: false } },
    y: { field: vegaField(columns.b), type: 'quantitative' as const, title: `${second} (${secondDirection})`, scale: { zero: false } },
  };
  // The staircase bounds the dominated region: along x it keeps the previous point's value when the
  // first objective is minimised, the next one's when it is maximised.
  const interpolate = firstDirection === 'minimize' ? 'step-after' : 'step-before';
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  const trueFront = (pareto.trueFront ?? []).filter((p) => p.every(Number.isFinite)).map(point);
  if (trueFront.length > 0) {
    layers.push({
      data: { values: trueFront },
      mark: { type: 'line', color: '#222222', strokeWidth: 1.5, interpolate, point: { filled: true, size: 14, color: '#222222' } },
      encoding: { ...axes, order: { field: vegaField(columns.a), type: 'quantitative' } },
    });
  }
  if (surfaces.length > 0) {
    layers.push({
      data: {
        values: surfaces.flatMap((s) => s.points.map((p) => ({ ...point(p), optimizer: s.optimizer, level: s.level, surface: `${s.optimizer} ${s.level}` }))),
      },
      mark: { type: 'line', interpolate, strokeDash: [5, 3], strokeWidth: 1.5, opacity: 0.9 },
      encoding: {
        ...axes,
        detail: { field: 'surface', type: 'nominal' },
        color: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: colorScaleSpec(colors) },
        strokeWidth: { field: 'level', type: 'ordinal', title: 'attainment', scale: { domain: ['median', '25%', '75%'], range: [2, 1, 1] } },
        order: { field: vegaField(columns.a), type: 'quantitative' },
        tooltip: [
          { field: 'optimizer', type: 'nominal' },
          { field: 'level', type: 'nominal', title: 'attainment surface' },
        ],
      },
    });
  }
  layers.push(optimizerPointsLayer(trials, axes, trialTooltip(columns.all), colors));
  if (referencePointInView(pareto)) {
    const reference = { data: { values: [{ ...point(pareto.referencePoint), label: 'reference point' }] }, encoding: axes };
    layers.push(
      { ...reference, mark: { type: 'point', shape: 'cross', filled: true, size: 140, color: '#222222' } },
      // Below and left of the cross: the reference point is the worst corner, so this is inside the plot
      // when both objectives are minimised (above it, as the report has it, the label ran off the top).
      {
        ...reference,
        mark: { type: 'text', align: 'right', baseline: 'top', dx: -8, dy: 8, color: '#222222', fontSize: 11 },
        encoding: { ...axes, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  return { width: DEFAULT_CHART_WIDTH, height: DEFAULT_CHART_HEIGHT, background: 'white', config: CHART_CONFIG, layer: layers };
}
