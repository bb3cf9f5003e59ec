import { CoreError } from '../errors/CoreError';
import { errorOf } from './errorOf';

/** The CoreError that `body` throws; anything else (or nothing) fails the test. */
export function coreErrorOf(body: () => unknown): CoreError {
  return errorOf(CoreError, body);
}

/** The CoreError that `body` rejects with; anything else (or nothing) fails the test. */
export async function coreErrorOfAsync(body: () => Promise<unknown>): Promise<CoreError> {
  try {
    await body();
  } catch (error) {
    if (CoreError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
}
