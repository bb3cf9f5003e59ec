import type { TaskAnalysis } from '../../analysis/GridAnalysis';
import type { ChartOptions } from './ChartOptions';
import { renderVegaLiteSvg } from './renderVegaLiteSvg';
import { trajectoryChartSpec } from './trajectoryChartSpec';

/** A task's trajectory chart as a standalone SVG file's content, e.g. for the docs. */
export function trajectoryChartSvg(task: TaskAnalysis, options: ChartOptions = {}): Promise<string> {
  return renderVegaLiteSvg(trajectoryChartSpec(task, options));
}
