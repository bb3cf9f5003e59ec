import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CURVE_FAMILIES, fitCurveEnsemble, probabilityBelow } from './fitCurveEnsemble';

const epochs = [1, 2, 3, 4, 6, 9];
const powerLaw = (x: number) => 10 + 40 * Math.pow(x, -0.7);

describe('fitCurveEnsemble', () => {
  test('the four families of Domhan et al., each with a forecast whose weights sum to 1', () => {
    expect(CURVE_FAMILIES.map((f) => f.name)).toEqual(['pow3', 'exponential', 'log-power', 'vapor-pressure']);
    const forecasts = fitCurveEnsemble(epochs, epochs.map(powerLaw), 27);
    expect(forecasts.map((f) => f.family)).toEqual(['pow3', 'exponential', 'log-power', 'vapor-pressure']);
    for (const f of forecasts) expect(f.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('extrapolates a power-law curve near its final value, and is sure it will not beat a far better incumbent', () => {
    const ys = epochs.map(powerLaw);
    const forecasts = fitCurveEnsemble(epochs, ys, 27);
    const final = powerLaw(27); // 13.6
    expect(probabilityBelow(forecasts, final - 5)).toBeLessThan(0.05);
    expect(probabilityBelow(forecasts, final + 5)).toBeGreaterThan(0.5);
    // pow3 is the true family: its best-weighted prediction is close.
    const pow3 = forecasts.find((f) => f.family === 'pow3')!;
    const mean = pow3.means.reduce((s, m, i) => s + m * pow3.weights[i]!, 0);
    expect(Math.abs(mean - final)).toBeLessThan(0.5);
  });

  test('a flat or rising curve is fitted by its mean (a >= 0): no forecast falls far below its values', () => {
    const rising = [5, 5.5, 6, 6.5, 7, 7.5];
    const forecasts = fitCurveEnsemble(epochs, rising, 27);
    expect(probabilityBelow(forecasts, 2)).toBeLessThan(0.05);
  });

  test('fewer than 3 points: no forecast, and never a stop', () => {
    expect(fitCurveEnsemble([1, 2], [3, 2], 27)).toEqual([]);
    expect(probabilityBelow([], 0)).toBe(1);
  });

  test('deterministic, and invariant to shifting and scaling the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (noise, shift, scale) => {
          const ys = epochs.map((x, i) => powerLaw(x) + 0.1 * (noise[i] as number));
          const bar = 12;
          const p = probabilityBelow(fitCurveEnsemble(epochs, ys, 27), bar);
          expect(probabilityBelow(fitCurveEnsemble(epochs, ys, 27), bar)).toBe(p);
          const moved = probabilityBelow(
            fitCurveEnsemble(
              epochs,
              ys.map((y) => shift + scale * y),
              27,
            ),
            shift + scale * bar,
          );
          expect(moved).toBeCloseTo(p, 6);
        },
      ),
      { numRuns: 30, seed: 7 },
    );
  });
});
