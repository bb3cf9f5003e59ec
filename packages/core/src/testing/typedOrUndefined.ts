import { expect } from 'vitest';
import { JahskitError } from '../errors/JahskitError';

/**
 * What a fuzz property runs a parser through: its value, or undefined when it threw, in which case the
 * error must be typed (a JahskitError that names a parameter), never an engine's TypeError or a stack.
 */
export function typedOrUndefined<T>(body: () => T): T | undefined {
  try {
    return body();
  } catch (error) {
    expect(JahskitError.isJahskitError(error), String((error as Error)?.stack ?? error)).toBe(true);
    expect((error as JahskitError).parameter, (error as Error).message).toBeTypeOf('string');
    return undefined;
  }
}
