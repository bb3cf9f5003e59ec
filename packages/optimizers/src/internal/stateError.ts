import { OptimizerError } from '../errors/OptimizerError';

/**
 * The error for a saved state whose `field` is wrong in a way its schema cannot see (one field
 * against another), worded as `readState` words the schema's findings.
 */
export function stateError(kind: string, field: string, problem: string): OptimizerError {
  return new OptimizerError('invalid-state', `${field}: ${problem} (a state of optimizer "${kind}")`, { parameter: field });
}
