import type { TopLevelSpec } from 'vega-lite';
import type { ParetoView } from '../../analysis/GridAnalysis';
import { CHART_CONFIG, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, type ChartOptions } from './ChartOptions';
import { optimizerColorScale } from './optimizerColorScale';
import { optimizerPointsLayer } from './optimizerPointsLayer';
import { referencePointInView } from './referencePointInView';

/**
 * Each optimizer's final non-dominated points (colour and shape per optimizer), the true front as a
 * black staircase where known, and the hypervolume reference point as a labelled cross when it is
 * near enough not to squeeze the fronts (see referencePointInView).
 */
export function paretoChartSpec(pareto: ParetoView, options: ChartOptions = {}): TopLevelSpec {
  const [first, second] = pareto.objectives;
  const [firstDirection, secondDirection] = pareto.directions;
  const colors = options.colors ?? optimizerColorScale(pareto.fronts.map((front) => front.optimizer));
  const frontPoints = pareto.fronts.flatMap((front) => front.points.filter(isFinitePoint).map(([a, b]) => ({ optimizer: front.optimizer, a, b })));
  const trueFront = (pareto.trueFront ?? [])
    .filter(isFinitePoint)
    .map(([a, b]) => ({ a, b }))
    .sort((p, q) => p.a - q.a);
  const [referenceA, referenceB] = pareto.referencePoint;

  // Shared by all layers so they use one pair of scales.
  const axes = {
    x: { field: 'a', type: 'quantitative' as const, title: `${first} (${firstDirection})`, scale: { zero: false } },
    y: { field: 'b', type: 'quantitative' as const, title: `${second} (${secondDirection})`, scale: { zero: false } },
  };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  if (trueFront.length > 0) {
    layers.push({
      data: { values: trueFront },
      // The staircase bounds the dominated region: along x it keeps the previous point's value when
      // the first objective is minimised and the next point's when it is maximised.
      mark: {
        type: 'line',
        color: '#222222',
        strokeWidth: 1.5,
        interpolate: firstDirection === 'minimize' ? 'step-after' : 'step-before',
        point: { filled: true, size: 14, color: '#222222' },
      },
      encoding: { ...axes, order: { field: 'a', type: 'quantitative' } },
    });
  }
  const tooltip = [
    { field: 'optimizer', type: 'nominal' },
    { field: 'a', type: 'quantitative', title: first, format: '.4~g' },
    { field: 'b', type: 'quantitative', title: second, format: '.4~g' },
  ];
  layers.push(optimizerPointsLayer(frontPoints, axes, tooltip, colors));
  if (referencePointInView(pareto)) {
    const reference = { data: { values: [{ a: referenceA, b: referenceB, label: 'reference point' }] }, encoding: axes };
    layers.push(
      { ...reference, mark: { type: 'point', shape: 'cross', filled: true, size: 140, color: '#222222' } },
      {
        ...reference,
        mark: { type: 'text', align: 'right', dx: -8, dy: -8, color: '#222222', fontSize: 11 },
        encoding: { ...axes, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  return {
    width: options.width ?? DEFAULT_CHART_WIDTH,
    height: options.height ?? DEFAULT_CHART_HEIGHT,
    background: 'white',
    config: CHART_CONFIG,
    layer: layers,
  };
}

function isFinitePoint(point: readonly [number, number]): boolean {
  return Number.isFinite(point[0]) && Number.isFinite(point[1]);
}
