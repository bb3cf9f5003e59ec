import { Rng } from '@jahskit/core';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { ParzenEstimator } from './ParzenEstimator';
import { UnitCodec } from './UnitCodec';

const space = new ConfigurationSpace({ name: 'x', parameters: [float('x', 0, 1)] });
const codec = new UnitCodec(space);

/** Midpoint-rule integral of the density over [0, 1]. */
function integral(estimator: ParzenEstimator): number {
  const n = 20_000;
  const grid = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  return estimator.logDensityRows(grid, n).reduce((sum, l) => sum + Math.exp(l), 0) / n;
}

describe('ParzenEstimator', () => {
  test.each([10, 63, 64, 300, 1000])('the numeric density integrates to 1 on [0, 1] (%i clustered observations)', (m) => {
    const rng = Rng.seeded(m);
    // Clustered data, as TPE produces late in a run: most gaps hit the bandwidth floor.
    const rows = Float64Array.from({ length: m }, (_, i) => (i % 5 === 0 ? rng.uniform() : Math.min(1, Math.max(0, rng.normal(0.3, 0.02)))));
    const estimator = ParzenEstimator.fitRows(
      codec,
      rows,
      Array.from({ length: m }, (_, i) => i),
    );
    expect(integral(estimator)).toBeCloseTo(1, 2);
  });

  test('binning moves the density by at most a few percent where it matters', () => {
    const rng = Rng.seeded(5);
    const rows = Float64Array.from({ length: 64 }, () => Math.min(1, Math.max(0, rng.normal(0.5, 0.05))));
    const indices = Array.from({ length: 64 }, (_, i) => i);
    const binned = ParzenEstimator.fitRows(codec, rows, indices);
    // 63 observations fall under the threshold and are evaluated exactly; the extra one barely changes the density.
    const exact = ParzenEstimator.fitRows(codec, rows, indices.slice(0, 63));
    const probe = Float64Array.from([0.4, 0.45, 0.5, 0.55, 0.6]);
    const a = binned.logDensityRows(probe, 5);
    const b = exact.logDensityRows(probe, 5);
    for (let i = 0; i < 5; i++) expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(0.06);
  });

  test.each([0.01, 0.3, 0.97])('near a bound too, a component is normalised exactly over [0, 1] (observation at %f)', (x) => {
    const estimator = ParzenEstimator.fitRows(codec, Float64Array.of(x), [0]);
    // Simpson's rule, fine enough for 1e-11 on these smooth densities: the truncated normals' masses
    // must come from an accurate normal distribution function (one accurate to 1e-7 misses by ~1e-7).
    const n = 200_000;
    const grid = Float64Array.from({ length: n + 1 }, (_, i) => i / n);
    const density = estimator.logDensityRows(grid, n + 1).map(Math.exp);
    let sum = (density[0] as number) + (density[n] as number);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * (density[i] as number);
    expect(Math.abs(sum / (3 * n) - 1)).toBeLessThan(1e-9);
  });
});
