import { CoreError, validateOptions, type OptimizerDescriptor } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';

/**
 * The options of an optimizer that another one runs (Pruned's base, Sequential's phases), checked by
 * its schema when the outer one is made. `parameter` is the outer option that holds them: an error
 * names `<parameter>.<option>`, and what is allowed, as the outer option's own errors do.
 */
export function innerOptions(descriptor: OptimizerDescriptor, options: Record<string, unknown>, parameter: string): unknown {
  try {
    return validateOptions(descriptor.options, options, `optimizer "${descriptor.id}"`);
  } catch (error) {
    if (!CoreError.is(error)) throw error;
    throw new OptimizerError('invalid-option', `${parameter}: ${error.message}`, {
      parameter: `${parameter}.${error.parameter ?? ''}`,
      ...(error.allowed !== undefined ? { allowed: error.allowed } : {}),
    });
  }
}
