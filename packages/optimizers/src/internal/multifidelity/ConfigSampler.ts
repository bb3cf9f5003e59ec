import type { Configuration, JsonValue } from '@jahskit/core';

/**
 * Where a multi-fidelity scheduler gets the configurations that enter its lowest rung: random for
 * SH/Hyperband/ASHA, a KDE model for BOHB. The scheduler decides when and at which budget; the
 * sampler decides what.
 */
export interface ConfigSampler {
  /** A configuration for new trial `id`, which will start at ladder rung `rung`. */
  sample(id: number, rung: number): Configuration;
  /** A finished trial; `value` is undefined when it failed or diverged. */
  observe(id: number, config: Configuration, rung: number, value: number | undefined): void;
  state(): JsonValue;
  restore(state: JsonValue): void;
}
