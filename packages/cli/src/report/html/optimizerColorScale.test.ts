import { describe, expect, it } from 'vitest';
import { optimizerColorScale } from './optimizerColorScale';

describe('optimizerColorScale', () => {
  it('keeps first-seen order without duplicates', () => {
    expect(optimizerColorScale(['b', 'a', 'b', 'c'])).toEqual({ domain: ['b', 'a', 'c'], scheme: 'tableau10' });
  });

  it('moves to a larger scheme rather than repeating colours', () => {
    expect(optimizerColorScale(Array.from({ length: 11 }, (_, i) => `o${i}`)).scheme).toBe('category20');
  });
});
