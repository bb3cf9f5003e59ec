import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { ParetoView } from '../../analysis/GridAnalysis';
import { paretoChartSpec } from './paretoChartSpec';
import { reportFixture } from './reportFixture';

type Layer = { mark: { type: string; interpolate?: string; shape?: string }; data: { values: unknown[] } };
const layersOf = (pareto: ParetoView): Layer[] => (paretoChartSpec(pareto) as { layer: Layer[] }).layer;

describe('paretoChartSpec', () => {
  const pareto = reportFixture().tasks[1]!.pareto!;

  it('draws the true front, every optimizer front and the reference point', () => {
    const layers = layersOf(pareto);
    expect(layers.map((layer) => layer.mark.type)).toEqual(['line', 'point', 'point', 'text']);
    expect(layers[0]!.data.values).toHaveLength(pareto.trueFront!.length);
    expect(layers[1]!.data.values).toHaveLength(pareto.fronts.reduce((n, front) => n + front.points.length, 0));
    expect(layers[2]!.mark.shape).toBe('cross');
    expect(layers[2]!.data.values).toEqual([{ a: 45, b: 6, label: 'reference point' }]);
    expect(() => compile(paretoChartSpec(pareto))).not.toThrow();
  });

  it('steps the true front the way the first objective is optimised', () => {
    expect(layersOf(pareto)[0]!.mark.interpolate).toBe('step-after');
    expect(layersOf({ ...pareto, directions: ['maximize', 'minimize'] })[0]!.mark.interpolate).toBe('step-before');
  });

  it('sorts the true front along the first objective', () => {
    const shuffled = { ...pareto, trueFront: [...pareto.trueFront!].reverse() };
    const values = layersOf(shuffled)[0]!.data.values as { a: number }[];
    expect(values.map((point) => point.a)).toEqual([...values.map((point) => point.a)].sort((p, q) => p - q));
  });

  it('omits what is not there: no true front, a far reference point, non-finite points', () => {
    const sparse: ParetoView = {
      ...pareto,
      trueFront: undefined,
      referencePoint: [1000, 6],
      fronts: [
        {
          optimizer: 'a',
          points: [
            [1, 2],
            [Number.NaN, 1],
            [2, 1],
          ],
        },
      ],
    };
    const layers = layersOf(sparse);
    expect(layers.map((layer) => layer.mark.type)).toEqual(['point']);
    expect(layers[0]!.data.values).toHaveLength(2);
  });

  it('labels the axes with objective and direction', () => {
    const text = JSON.stringify(paretoChartSpec(pareto));
    expect(text).toContain('"valid-error (minimize)"');
    expect(text).toContain('"energy (minimize)"');
  });
});
