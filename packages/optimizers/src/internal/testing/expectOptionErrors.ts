import { validateOptions, type OptimizerDescriptor } from '@jahskit/core';
import { expect } from 'vitest';

/** Each of `cases` (one bad option each, or an unknown one) is refused by the descriptor's schema with an error naming that option. */
export function expectOptionErrors(descriptor: OptimizerDescriptor, ...cases: readonly Record<string, unknown>[]): void {
  for (const bad of cases) expect(() => validateOptions(descriptor.options, bad, descriptor.id)).toThrow(new RegExp(Object.keys(bad)[0]!));
}
