/** A package's error class (`CoreError`, `CliError`, ...), whose instances a test expects. */
export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The error of class `type` that `body` throws; anything else (or nothing) fails the test. */
export function errorOf<E extends Error>(type: ErrorClass<E>, body: () => unknown): E {
  try {
    body();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
