import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { TaskAnalysis } from '../../analysis/GridAnalysis';
import { optimizerColorScale } from './optimizerColorScale';
import { reportFixture } from './reportFixture';
import { trajectoryChartSpec } from './trajectoryChartSpec';

type Point = { optimizer: string; x: number; mean: number; lower: number; upper: number };

const dataOf = (spec: ReturnType<typeof trajectoryChartSpec>): Point[] => (spec as { data: { values: Point[] } }).data.values;
const layerMarks = (spec: ReturnType<typeof trajectoryChartSpec>): string[] =>
  (spec as { layer: { mark: { type: string } }[] }).layer.map((layer) => layer.mark.type);

describe('trajectoryChartSpec', () => {
  const task = reportFixture().tasks[0]!;

  it('compiles to Vega with a band and a line layer', () => {
    const spec = trajectoryChartSpec(task);
    expect(layerMarks(spec)).toEqual(['area', 'line']);
    expect(() => compile(spec)).not.toThrow();
  });

  it('skips null points instead of drawing them as zero', () => {
    const points = dataOf(trajectoryChartSpec(task));
    const nulls = task.trajectories.reduce((count, series) => count + series.mean.filter((value) => value === null).length, 0);
    const all = task.trajectories.reduce((count, series) => count + series.x.length, 0);
    expect(nulls).toBeGreaterThan(0);
    expect(points).toHaveLength(all - nulls);
    expect(points.every((point) => Number.isFinite(point.mean))).toBe(true);
  });

  it('makes the band mean ± sem', () => {
    const series = task.trajectories[2]!;
    const point = dataOf(trajectoryChartSpec(task)).find((p) => p.optimizer === series.optimizer && p.x === series.x[3])!;
    expect(point.lower).toBeCloseTo(series.mean[3]! - series.sem[3]!, 12);
    expect(point.upper).toBeCloseTo(series.mean[3]! + series.sem[3]!, 12);
  });

  it('puts the y axis on a log scale when the metric asks, keeping every value positive', () => {
    const zeroRegret: TaskAnalysis = {
      ...task,
      trajectories: task.trajectories.map((series) => ({ ...series, mean: series.mean.map((v) => (v === null ? null : v - 1.05)), sem: series.sem })),
    };
    const spec = trajectoryChartSpec(zeroRegret);
    expect(JSON.stringify(spec)).toContain('"type":"log"');
    const points = dataOf(spec);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((point) => point.mean > 0 && point.lower > 0)).toBe(true);
  });

  it('uses a linear axis otherwise, with the task labels as titles', () => {
    const text = JSON.stringify(trajectoryChartSpec({ ...task, metric: { ...task.metric, logScale: false } }));
    expect(text).not.toContain('"type":"log"');
    expect(text).toContain(JSON.stringify(task.xLabel));
    expect(text).toContain(JSON.stringify(task.metric.label));
  });

  it('takes the colour scale it is given so colours match across charts', () => {
    const colors = optimizerColorScale(['hyperband', 'someone-else', 'random-search', 'regularized-evolution']);
    expect(JSON.stringify(trajectoryChartSpec(task, { colors }))).toContain(JSON.stringify(colors.domain));
  });
});
