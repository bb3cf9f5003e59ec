/**
 * Test inputs shaped like the comparison script's clustered class: n x 3 points around k centres
 * (Gaussian, sd `sd`) clipped to [0, 1], so many values are exactly 0 or 1 and clusters dominate
 * each other in part. Seeded (xorshift32 and Box-Muller), for the property tests.
 */
export function clusteredPoints(n: number, k: number, sd: number, seed: number): Float64Array {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const centres = new Float64Array(3 * k);
  for (let i = 0; i < centres.length; i++) centres[i] = next();
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(next() * k);
    for (let j = 0; j < 3; j++) {
      const g = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
      out[3 * i + j] = Math.min(1, Math.max(0, centres[3 * c + j]! + sd * g));
    }
  }
  return out;
}
