import type { TopLevelSpec } from 'vega-lite';
import type { TaskAnalysis } from '../../analysis/GridAnalysis';
import { chartFrame, seriesAndZoomParams, type ChartOptions } from './ChartOptions';
import { colorScaleSpec, optimizerColorScale } from './optimizerColorScale';

/** The anytime average rank of each optimizer: one line each, rank 1 (best) at the top. */
export function rankChartSpec(task: TaskAnalysis, options: ChartOptions = {}): TopLevelSpec {
  const points = task.anytimeRanks.flatMap((series) =>
    series.x.flatMap((x, i) => {
      const rank = series.rank[i];
      return rank !== undefined && Number.isFinite(rank) && Number.isFinite(x) ? [{ optimizer: series.optimizer, x, rank }] : [];
    }),
  );
  const colors = options.colors ?? optimizerColorScale(task.anytimeRanks.map((series) => series.optimizer));
  const worst = Math.max(task.anytimeRanks.length, ...points.map((point) => point.rank), 2);
  return {
    ...chartFrame(options, points),
    params: seriesAndZoomParams(),
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, point: { filled: true, size: 10 } },
    encoding: {
      opacity: { condition: { param: 'series', value: 1 }, value: 0.15 },
      tooltip: [
        { field: 'optimizer', type: 'nominal' },
        { field: 'x', type: 'quantitative', title: task.xLabel },
        { field: 'rank', type: 'quantitative', title: 'average rank', format: '.3~g' },
      ],
      x: { field: 'x', type: 'quantitative', title: task.xLabel },
      y: {
        field: 'rank',
        type: 'quantitative',
        title: 'average rank (1 = best)',
        scale: { domain: [1, worst], reverse: true, nice: false },
      },
      color: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: colorScaleSpec(colors) },
    },
  };
}
