import { z } from 'zod';

/**
 * The `objectives` option of a benchmark plugin: a non-empty list of distinct names from `names`, in
 * the order the task reports them (the first is what single-objective optimizers minimise). A name
 * given twice is an option error: the task would report one objective twice and a front would be
 * degenerate.
 */
export function objectivesOption<const N extends string>(
  names: readonly [N, ...N[]],
  defaults: readonly [N, ...N[]],
  description = `objectives in order, from ${names.join(', ')}`,
) {
  return z
    .array(z.enum(names))
    .min(1)
    .refine((chosen) => new Set(chosen).size === chosen.length, 'objective names must be distinct')
    .default([...defaults])
    .describe(description);
}
