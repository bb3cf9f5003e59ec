import type { Configuration, SearchSpace } from '@jahskit/core';
import { z } from 'zod';

/**
 * A configuration of `space` in a saved state: checked by the space itself (legal values, active
 * parameters, no forbidden combination) and returned in its canonical form. The space's error
 * message, which names the parameter, becomes the issue's message.
 */
export function configurationSchema(space: SearchSpace): z.ZodType<Configuration> {
  return z.unknown().transform((value, ctx) => {
    try {
      return space.validate(value as Configuration);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
}
