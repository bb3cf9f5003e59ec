import type { TopLevelSpec } from 'vega-lite';
import type { TaskAnalysis } from '../../analysis/GridAnalysis';
import { chartFrame, DEFAULT_CHART_HEIGHT, seriesAndZoomParams, type ChartOptions } from './ChartOptions';
import { colorScaleSpec, optimizerColorScale } from './optimizerColorScale';

interface TrajectoryPoint {
  readonly optimizer: string;
  readonly x: number;
  readonly mean: number;
  readonly sem: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * One line per optimizer (mean over seeds) with a translucent band of mean ± sem. Grid points where
 * no seed had a result yet (null) are left out rather than drawn as zero.
 */
export function trajectoryChartSpec(task: TaskAnalysis, options: ChartOptions = {}): TopLevelSpec {
  const logScale = task.metric.logScale === true;
  const points = trajectoryPoints(task, logScale);
  const colors = options.colors ?? optimizerColorScale(task.trajectories.map((series) => series.optimizer));
  // Without nice, a log axis over 1..10.4 would be rounded out to whole decades (0.1..100).
  // A long label (a hypervolume's reference point) would run past the plot and stretch the SVG: the
  // axis gets the short name and the caption the full label.
  const title = task.metric.label.length > 40 ? task.metric.name : task.metric.label;
  const y = {
    type: 'quantitative' as const,
    title,
    axis: { titleLimit: options.height ?? DEFAULT_CHART_HEIGHT },
    scale: logScale ? { type: 'log' as const, nice: false } : { zero: false },
  };
  return {
    ...chartFrame(options, points),
    encoding: {
      x: { field: 'x', type: 'quantitative', title: task.xLabel },
      color: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: colorScaleSpec(colors) },
    },
    // The incumbent only changes at grid points, so steps show the trajectory as it was.
    layer: [
      {
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.18 },
        encoding: { y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
      },
      {
        // In the report's page: hover a point for its values, click a legend entry to single out its
        // series, drag and wheel to pan and zoom (the static SVG shows the same chart, all series on).
        params: seriesAndZoomParams(),
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, point: { filled: true, size: 10 } },
        encoding: {
          y: { ...y, field: 'mean' },
          opacity: { condition: { param: 'series', value: 1 }, value: 0.15 },
          tooltip: [
            { field: 'optimizer', type: 'nominal' },
            { field: 'x', type: 'quantitative', title: task.xLabel },
            { field: 'mean', type: 'quantitative', title: `mean ${title}`, format: '.4~g' },
            { field: 'sem', type: 'quantitative', title: 'standard error', format: '.2~g' },
          ],
        },
      },
    ],
  };
}

function trajectoryPoints(task: TaskAnalysis, logScale: boolean): TrajectoryPoint[] {
  const points: TrajectoryPoint[] = [];
  for (const series of task.trajectories) {
    series.x.forEach((x, i) => {
      const mean = series.mean[i];
      if (mean === null || mean === undefined || !Number.isFinite(mean) || !Number.isFinite(x)) return;
      // A regret of exactly 0 has no place on a log axis; dropping it beats an infinite path.
      if (logScale && mean <= 0) return;
      const sem = series.sem[i] ?? 0;
      const spread = Number.isFinite(sem) ? Math.abs(sem) : 0;
      points.push({ optimizer: series.optimizer, x, mean, sem: spread, lower: mean - spread, upper: mean + spread });
    });
  }
  if (!logScale) return points;
  // On a log axis a band reaching below zero is clipped at the smallest mean shown, not dropped.
  const floor = Math.min(...points.map((point) => point.mean));
  return points.map((point) => (point.lower > 0 ? point : { ...point, lower: Math.min(floor, point.mean) }));
}
