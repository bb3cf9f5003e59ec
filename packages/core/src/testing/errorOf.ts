/** A package's error class, recognised by its static guard (`CoreError.is`, `CliError.is`, ...). */
export interface ErrorClass<E> {
  readonly name: string;
  is(error: unknown): error is E;
}

/** The error of class `type` that `body` throws; anything else (or nothing) fails the test. */
export function errorOf<E>(type: ErrorClass<E>, body: () => unknown): E {
  try {
    body();
  } catch (error) {
    if (type.is(error)) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
