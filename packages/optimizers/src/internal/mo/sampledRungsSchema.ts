import type { Configuration, SearchSpace } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../configurationSchema';

/** What the multi-objective bracket samplers (MO-BOHB's, SH-EMOA's) keep: the keys handed out, and the members of each rung. */
export interface SampledRungs {
  readonly sampled: string[];
  /** Per ladder rung: [trial id, configuration] of its members. */
  readonly rungs: [number, Configuration][][];
}

/** {@link SampledRungs} in a saved state. */
export function sampledRungsSchema(space: SearchSpace): z.ZodType<SampledRungs> {
  return z.object({ sampled: z.array(z.string()), rungs: z.array(z.array(z.tuple([z.number().int().min(0), configurationSchema(space)]))) });
}
