const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal distribution function, accurate to about 1e-15 absolute everywhere and to
 * about 1e-14 relative in the lower tail (where expected improvement lives):
 * - |x| <= 3: Marsaglia's series Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...) (J. Stat. Softw. 2004);
 * - x < -3: the continued fraction of the Mills ratio, Phi(x) = phi(x) / (t + 1/(t + 2/(t + 3/(t + ...)))), t = -x,
 *   evaluated bottom-up with enough terms for double precision at t >= 3;
 * - x > 3: 1 - Phi(-x).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 3) return 1 - normalCdf(-x);
  if (x < -3) {
    const t = -x;
    if (t > 40) return 0;
    let fraction = t;
    for (let k = 80; k >= 1; k--) fraction = t + k / fraction;
    return normalPdf(t) / fraction;
  }
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let k = 3; k < 200; k += 2) {
    term *= x2 / k;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + sum * normalPdf(x);
}
