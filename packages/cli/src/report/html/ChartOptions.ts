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
