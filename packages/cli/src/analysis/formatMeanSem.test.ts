import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatMeanSem } from './formatMeanSem';

const of = (mean: number, sem: number, n = 10) => formatMeanSem({ mean, sem, n });

describe('formatMeanSem', () => {
  test('the error to two significant digits, the mean to the same decimal place', () => {
    expect(of(0.6025, 0.02904)).toBe('0.603 ± 0.029');
    expect(of(3.128, 0.5004)).toBe('3.13 ± 0.50');
    expect(of(1171.15, 2.27)).toBe('1171.2 ± 2.3');
    expect(of(1171.15, 15.3)).toBe('1171 ± 15');
    expect(of(-0.0001, 0.02)).toBe('0.000 ± 0.020');
  });

  test('without a usable error, 4 significant digits; no value at all is n/a', () => {
    expect(of(0.6025, 0)).toBe('0.6025 ± 0');
    expect(of(1.23e-5, 4.5e-7)).toBe('1.23e-5 ± 4.5e-7');
    expect(of(Number.NaN, 0)).toBe('n/a');
    expect(formatMeanSem({ mean: 1, sem: 0, n: 0 })).toBe('n/a');
    expect(of(0.6025, 0, 1)).toBe('0.6025');
  });

  test('mean and error always show the same number of decimals, and the error two significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e5, noNaN: true }), (mean, sem) => {
        const [m, s] = of(mean, sem).split(' ± ') as [string, string];
        const decimals = (x: string): number => (x.split('.')[1] ?? '').length;
        expect(decimals(m)).toBe(decimals(s));
        expect(s.replace('.', '').replace(/^0+/, '').length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
