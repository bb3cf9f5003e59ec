import { describe, expect, test } from 'vitest';
import { erf, erfc, erfcx, normalCdf, normalPdf, normalQuantile } from './normal';

// Reference values computed independently with mpmath 1.3 at 40 significant digits, kept as printed:
// the parser rounds them to the nearest double, which is the value the tests mean.
/* eslint-disable no-loss-of-precision */
const ERFC: [number, number][] = [
  [-5, 1.9999999999984625402],
  [-1.5, 1.9661051464753107271],
  [-0.3, 1.3286267594591274276],
  [1e-10, 0.99999999988716208329],
  [0.1, 0.8875370839817151078],
  [0.5, 0.47950012218695346232],
  [1, 0.15729920705028513066],
  [2.5, 0.00040695201744495893956],
  [4, 1.5417257900280018852e-8],
  [6, 2.1519736712498913117e-17],
  [10, 2.088487583762544757e-45],
  [26, 5.6631924088561428465e-296],
];
const ERFCX: [number, number][] = [
  [-1.5, 18.653886256262733939],
  [-0.3, 1.4537492328427655735],
  [0.1, 0.89645697996912664193],
  [1, 0.42758357615580700441],
  [4, 0.13699945762506138989],
  [10, 0.056140992743822585858],
  [26, 0.021683584850562906616],
  [30, 0.018795888861416751497],
];
const ERF: [number, number][] = [
  [-1.5, -0.96610514647531072707],
  [-0.3, -0.32862675945912742764],
  [1e-10, 1.1283791670955125739e-10],
  [0.1, 0.1124629160182848922],
  [1, 0.84270079294971486934],
  [4, 0.99999998458274209972],
];
const NCDF: [number, number][] = [
  [-37, 5.7255712225245768227e-300],
  [-20, 2.7536241186062336951e-89],
  [-8, 6.2209605742717841235e-16],
  [-3, 0.0013498980316300945267],
  [-1, 0.15865525393145705141],
  [0, 0.5],
  [1.5, 0.933192798731141934],
  [5, 0.99999971334842812081],
];

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('normal distribution helpers', () => {
  test('erfc matches 40-digit values to ~1e-15 relative', () => {
    for (const [x, v] of ERFC) expect(rel(erfc(x), v)).toBeLessThan(x > 5 ? 2e-14 : 2e-15);
  });
  test('erfcx matches 40-digit values', () => {
    for (const [x, v] of ERFCX) expect(rel(erfcx(x), v)).toBeLessThan(2e-15);
  });
  test('erf keeps relative accuracy near 0', () => {
    for (const [x, v] of ERF) expect(rel(erf(x), v)).toBeLessThan(2e-15);
  });
  test('normalCdf is accurate in relative terms in the lower tail', () => {
    // The argument t / sqrt(2) is rounded once, which costs up to ~t^2 ulps far in the tail.
    for (const [t, v] of NCDF) expect(rel(normalCdf(t), v)).toBeLessThan(t < -10 ? 2e-13 : 5e-15);
  });
  test('symmetry, pdf and quantile', () => {
    for (const t of [-4, -1, 0.3, 2]) expect(normalCdf(t) + normalCdf(-t)).toBeCloseTo(1, 15);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(rel(normalQuantile(0.975), 1.9599639845400542355)).toBeLessThan(1e-14);
    for (const p of [1e-12, 0.01, 0.3, 0.5, 0.9, 1 - 1e-9]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(Number.isNaN(normalQuantile(2))).toBe(true);
  });
  test('extreme arguments saturate instead of producing NaN', () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(rel(erfcx(1e6), 0.5641895835477563e-6 * (1 - 0.5e-12))).toBeLessThan(1e-15);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });
  test('normalCdf is monotone and integrates normalPdf', () => {
    let previous = 0;
    for (let x = -8; x <= 8; x += 0.01) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
    // Trapezoid rule on [-1, 2].
    let integral = 0;
    const h = 1e-4;
    for (let i = 0; i < 30_000; i++) integral += (h * (normalPdf(-1 + i * h) + normalPdf(-1 + (i + 1) * h))) / 2;
    expect(integral).toBeCloseTo(normalCdf(2) - normalCdf(-1), 7);
  });
});
