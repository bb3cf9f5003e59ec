import type { MeanSem } from './GridAnalysis';

/** Mean and standard error of the mean (sample standard deviation / sqrt(n); 0 for one value). */
export function meanSem(values: readonly number[]): MeanSem {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sem: Number.NaN, n: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, sem: 0, n };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, sem: Math.sqrt(squares / (n - 1) / n), n };
}
