/**
 * The first `n` targets standardised for a model: `z = (y - mean) / scale`, with the sample standard
 * deviation as scale (1 when there is no spread, or fewer than two targets), so that fitted values
 * and predictions are mapped back with the same mean and scale.
 */
export function standardise(y: ArrayLike<number>, n: number): { readonly mean: number; readonly scale: number; readonly z: Float64Array } {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean = n > 0 ? mean / n : 0;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((y[i] as number) - mean) ** 2;
  const scale = n > 1 && variance > 0 ? Math.sqrt(variance / (n - 1)) : 1;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = ((y[i] as number) - mean) / scale;
  return { mean, scale, z };
}
