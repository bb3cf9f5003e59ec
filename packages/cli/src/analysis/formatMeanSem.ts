import { formatNumber } from './formatNumber';
import type { MeanSem } from './GridAnalysis';

/** "12.34 ± 0.56" with 4 significant digits; "n/a" when no seed had a value. */
export function formatMeanSem(value: MeanSem): string {
  if (value.n === 0 || !Number.isFinite(value.mean)) return 'n/a';
  return `${formatNumber(value.mean)} ± ${formatNumber(value.sem)}`;
}
