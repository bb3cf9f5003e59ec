import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { rankChartSpec } from './rankChartSpec';
import { reportFixture } from './reportFixture';

describe('rankChartSpec', () => {
  const task = reportFixture().tasks[1]!;

  it('draws one line per optimizer with rank 1 at the top', () => {
    const spec = rankChartSpec(task) as {
      mark: { type: string };
      data: { values: { optimizer: string }[] };
      encoding: { y: { scale: { domain: number[]; reverse: boolean } } };
    };
    expect(spec.mark.type).toBe('line');
    expect(new Set(spec.data.values.map((point) => point.optimizer)).size).toBe(3);
    expect(spec.encoding.y.scale).toMatchObject({ domain: [1, 3], reverse: true });
    expect(() => compile(rankChartSpec(task))).not.toThrow();
  });

  it('leaves out non-finite ranks', () => {
    const broken = { ...task, anytimeRanks: [{ optimizer: 'x', x: [1, 2], rank: [Number.NaN, 2] }] };
    const spec = rankChartSpec(broken) as { data: { values: unknown[] } };
    expect(spec.data.values).toEqual([{ optimizer: 'x', x: 2, rank: 2 }]);
  });
});
