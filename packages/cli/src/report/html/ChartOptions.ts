import type { OptimizerColorScale } from './optimizerColorScale';

/** What the report shares between its charts; every field has a default. */
export interface ChartOptions {
  /** Pass one scale to every chart of a report so colours match; defaults to the chart's own optimizers. */
  readonly colors?: OptimizerColorScale;
  /** Plot area in pixels (axes and legend come on top). */
  readonly width?: number;
  readonly height?: number;
}

export const DEFAULT_CHART_WIDTH = 520;
export const DEFAULT_CHART_HEIGHT = 280;

/** Vega-Lite config shared by the report's charts. */
export const CHART_CONFIG = {
  // Optimizer labels such as "regularized-evolution(population=50)" should not be cut short.
  // Full opacity, or a legend merged from a translucent band and a line shows only the band's tint.
  legend: { labelLimit: 280, symbolOpacity: 1 },
} as const;

/** The frame of a report chart: its size (from the options), a white background, the shared config and its points. */
export function chartFrame(options: ChartOptions, values: readonly object[]) {
  return {
    width: options.width ?? DEFAULT_CHART_WIDTH,
    height: options.height ?? DEFAULT_CHART_HEIGHT,
    background: 'white',
    config: CHART_CONFIG,
    data: { values: [...values] },
  };
}

/**
 * In the report's page: click a legend entry to single out its optimizer's series (drawn at full
 * opacity, the others faded), drag and wheel to pan and zoom.
 */
export function seriesAndZoomParams() {
  return [
    { name: 'series', select: { type: 'point' as const, fields: ['optimizer'] }, bind: 'legend' as const },
    { name: 'zoom', select: 'interval' as const, bind: 'scales' as const },
  ];
}
