import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../report/html/ChartOptions';
import type { TaskImportance } from './taskImportance';

/**
 * Hyperparameter importance as horizontal bars: each parameter's share of the variance (its main
 * effect) and the strongest pair interactions below them, with a rule of ± one standard deviation
 * across the forest's trees. Parameters are sorted by their share for the first objective; with
 * several objectives, one bar per objective side by side, in their own colours.
 */
export function importanceChartSpec(importance: TaskImportance): TopLevelSpec {
  const first = importance.objectives[0];
  const order = [...(first?.parameters ?? []), ...(first?.pairs ?? [])].map((p) => p.name);
  const values = importance.objectives.flatMap(({ objective, parameters, pairs }) =>
    [...parameters.map((p) => ({ ...p, kind: 'main effect' })), ...pairs.map((p) => ({ ...p, kind: 'interaction' }))].map((p) => ({
      objective,
      parameter: p.name,
      kind: p.kind,
      importance: p.importance,
      std: p.std,
      low: Math.max(0, p.importance - p.std),
      high: Math.min(1, p.importance + p.std),
    })),
  );
  const several = importance.objectives.length > 1;
  const tooltip = [
    { field: 'parameter', type: 'nominal' as const },
    { field: 'objective', type: 'nominal' as const },
    { field: 'kind', type: 'nominal' as const },
    { field: 'importance', type: 'quantitative' as const, format: '.3f', title: 'share of variance' },
    { field: 'std', type: 'quantitative' as const, format: '.3f', title: 'sd over trees' },
  ];
  return {
    width: 300,
    height: { step: several ? 22 : 16 },
    background: 'white',
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      y: { field: 'parameter', type: 'nominal', sort: order, title: null, axis: { labelLimit: 160 } },
      ...(several ? { yOffset: { field: 'objective', type: 'nominal' as const } } : {}),
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          // Scaled to the largest share, not to 1: interactions of many parameters often take most of the variance, and bars of 0.1 would be slivers.
          x: { field: 'importance', type: 'quantitative', title: 'share of variance' },
          color: several ? { field: 'objective', type: 'nominal', title: 'objective' } : { value: '#0072b2' },
          opacity: { condition: { test: "datum.kind === 'interaction'", value: 0.45 }, value: 1 },
          tooltip,
        },
      },
      {
        mark: { type: 'rule', color: '#333333' },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip },
      },
    ],
  };
}
