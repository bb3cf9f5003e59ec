import { OptimizerError } from '../../errors/OptimizerError';

/** The OptimizerError that `body` throws, or undefined when it throws none; any other error is rethrown. */
export function optimizerErrorOf(body: () => unknown): OptimizerError | undefined {
  try {
    body();
  } catch (error) {
    if (OptimizerError.is(error)) return error;
    throw error;
  }
  return undefined;
}
