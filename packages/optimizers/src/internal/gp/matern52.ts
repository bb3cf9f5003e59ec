const SQRT5 = Math.sqrt(5);

/** Matérn-5/2 correlation at squared scaled distance r2 = sum ((x - x') / l)^2 (unit signal variance). */
export function matern52(r2: number): number {
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/**
 * d matern52 / d r2. Differentiating with respect to the squared distance avoids the 1/r of
 * d/dr at coincident points: the result, -(5/6)(1 + sqrt5 r) exp(-sqrt5 r), is finite everywhere.
 */
export function matern52DerivativeR2(r2: number): number {
  const r = Math.sqrt(r2);
  return -(5 / 6) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
}
