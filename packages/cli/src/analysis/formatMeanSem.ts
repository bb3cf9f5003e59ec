import { formatNumber } from './formatNumber';
import type { MeanSem } from './GridAnalysis';

/**
 * "0.603 ± 0.029": the standard error to two significant digits and the mean to the same decimal
 * place, as results are reported (digits past the error's say nothing); "n/a" when no seed had a
 * value, the mean alone for one seed. Without a usable error (no spread, below 0.001) both keep 4
 * significant digits.
 */
export function formatMeanSem(value: MeanSem): string {
  if (value.n === 0 || !Number.isFinite(value.mean)) return 'n/a';
  const { mean, sem } = value;
  // With a single seed there is no spread to report, and "± 0" would claim one.
  if (value.n === 1) return formatNumber(mean);
  if (!(sem >= 1e-3) || !Number.isFinite(sem) || Math.abs(mean) >= 1e9) return `${formatNumber(mean)} ± ${formatNumber(sem)}`;
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(sem)));
  const fixed = (x: number): string => (Object.is(Number(x.toFixed(decimals)), -0) ? 0 : x).toFixed(decimals);
  return `${fixed(mean)} ± ${fixed(sem)}`;
}
