import type { Configuration } from '@jahskit/core';

/** Whether a result was obtained at full fidelity: only those count for incumbents and fronts. */
export function isFullFidelity(fidelity: Configuration, full: Configuration): boolean {
  for (const key in full) if (fidelity[key] !== full[key]) return false;
  return true;
}
