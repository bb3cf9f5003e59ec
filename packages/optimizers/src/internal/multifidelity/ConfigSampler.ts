import type { Configuration, JsonValue, Observation, SearchSpace } from '@jahskit/core';
import type { z } from 'zod';

/**
 * Where a multi-fidelity scheduler gets the configurations that enter its lowest rung: random for
 * SH/Hyperband/ASHA, a KDE model for BOHB. The scheduler decides when and at which budget; the
 * sampler decides what.
 */
export interface ConfigSampler {
  /** The space the configurations come from (the scheduler checks saved configurations against it). */
  readonly space: SearchSpace;
  /** A configuration for new trial `id`, which will start at ladder rung `rung`. */
  sample(id: number, rung: number): Configuration;
  /**
   * A finished trial; `value` is undefined when it failed or diverged. `observation` is what the
   * scheduler was told (its constraint values: a sampler that ranks results ranks them with
   * `standingOf`, as the scheduler's promotions do).
   */
  observe(id: number, config: Configuration, rung: number, value: number | undefined, observation: Observation): void;
  state(): JsonValue;
  /** What `state()` writes, checked on restore. */
  readonly stateSchema: z.ZodType;
  /** Restores a state already checked against `stateSchema`. */
  restore(saved: unknown): void;
}
