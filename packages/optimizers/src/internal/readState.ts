import type { JsonValue } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';

/**
 * Reads an optimizer's saved state, checking that it is an object written by the same optimizer
 * (a `kind` tag), so that restoring another optimizer's state fails loudly instead of silently.
 */
export function readState<T extends object>(state: JsonValue, kind: string): T {
  if (typeof state !== 'object' || state === null || Array.isArray(state) || (state as { kind?: unknown }).kind !== kind) {
    throw new OptimizerError('invalid-state', `expected a state saved by optimizer "${kind}"`, { parameter: 'state' });
  }
  return state as unknown as T;
}
