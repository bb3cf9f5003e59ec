import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from '../report/html/ChartOptions';
import { colorScaleSpec, type OptimizerColorScale } from '../report/html/optimizerColorScale';
import type { TrialTable } from './trialTable';
import { evenSample } from './evenSample';
import { trialTooltip } from './trialTooltip';
import { vegaField } from './vegaField';

/** Points drawn at most: an SVG of more slows the page to a crawl (the table still has every trial). */
export const MAX_TRIAL_POINTS = 5000;

/**
 * Every finished trial of a task (an even sample of MAX_TRIAL_POINTS of them beyond that): where it ended on the trajectory axis against its first objective,
 * one colour per optimizer; trials below full fidelity are hollow, since only full-fidelity results
 * count for the incumbent. Hovering a point shows the whole trial (configuration, fidelity,
 * objectives, metrics, seed); a legend click singles out an optimizer; drag and wheel zoom.
 */
export function trialsChartSpec(table: TrialTable, objective: string, xLabel: string, colors: OptimizerColorScale): TopLevelSpec {
  const column = table.columns.find((c) => c.group === 'objective' && c.name === objective) ?? table.columns.find((c) => c.group === 'objective');
  const y = column?.name ?? objective;
  const values = evenSample(
    table.rows.filter((row) => row['status'] === 'ok' && typeof row[y] === 'number' && Number.isFinite(row[y])),
    MAX_TRIAL_POINTS,
  );
  return {
    width: DEFAULT_CHART_WIDTH,
    height: DEFAULT_CHART_HEIGHT,
    background: 'white',
    config: CHART_CONFIG,
    data: { values },
    params: [
      { name: 'series', select: { type: 'point', fields: ['optimizer'] }, bind: 'legend' },
      { name: 'zoom', select: 'interval', bind: 'scales' },
    ],
    mark: { type: 'point', size: 36, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xLabel },
      y: { field: vegaField(y), type: 'quantitative', title: y, scale: { zero: false } },
      color: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: colorScaleSpec(colors) },
      fill: {
        condition: { test: "datum['full fidelity'] === true", field: 'optimizer', type: 'nominal', scale: colorScaleSpec(colors), legend: null },
        value: 'transparent',
      },
      opacity: { condition: { param: 'series', value: 0.8 }, value: 0.08 },
      tooltip: trialTooltip(table.columns),
    },
  };
}
