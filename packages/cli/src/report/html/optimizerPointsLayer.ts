import type { TopLevelSpec } from 'vega-lite';
import { colorScaleSpec, type OptimizerColorScale } from './optimizerColorScale';

/** One layer of a layered Vega-Lite chart. */
type Layer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

/** Marks that stay apart in print and for colour-blind readers, one per optimizer beside its colour. */
const SHAPES = ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'triangle-right', 'triangle-left'];

/**
 * The points of a Pareto plot, one colour and shape per optimizer, as the report and the dashboard draw
 * them: the legend picks series (others fade) and the scales zoom and pan. `axes` are the x/y encodings
 * and `tooltip` what hovering a point shows.
 */
export function optimizerPointsLayer(values: readonly object[], axes: object, tooltip: readonly object[], colors: OptimizerColorScale): Layer {
  return {
    data: { values: [...values] },
    params: [
      { name: 'series', select: { type: 'point', fields: ['optimizer'] }, bind: 'legend' },
      { name: 'zoom', select: 'interval', bind: 'scales' },
    ],
    mark: { type: 'point', filled: true, size: 48 },
    encoding: {
      ...axes,
      opacity: { condition: { param: 'series', value: 0.85 }, value: 0.1 },
      tooltip: [...tooltip],
      color: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: colorScaleSpec(colors) },
      shape: { field: 'optimizer', type: 'nominal', title: 'optimizer', scale: { domain: [...colors.domain], range: SHAPES } },
    },
  } as Layer;
}
