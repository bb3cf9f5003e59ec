import { describe, expect, it } from 'vitest';
import { COLOR_BLIND_SAFE, colorScaleSpec, optimizerColorScale } from './optimizerColorScale';

describe('optimizerColorScale', () => {
  it('keeps first-seen order without duplicates, one colour-blind-safe colour each', () => {
    expect(optimizerColorScale(['b', 'a', 'b', 'c'])).toEqual({ domain: ['b', 'a', 'c'], range: COLOR_BLIND_SAFE.slice(0, 3) });
    expect(colorScaleSpec(optimizerColorScale(['b', 'a']))).toEqual({ domain: ['b', 'a'], range: ['#0072B2', '#E69F00'] });
  });

  it('moves to a larger scheme rather than repeating colours', () => {
    const many = optimizerColorScale(Array.from({ length: COLOR_BLIND_SAFE.length + 1 }, (_, i) => `o${i}`));
    expect(many.scheme).toBe('category20');
    expect(colorScaleSpec(many).range).toBeUndefined();
  });
});
