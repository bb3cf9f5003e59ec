/**
 * Common base of every package's error class. Each package has exactly one subclass with its
 * own `kind` union (CoreError, SpaceError, BenchmarkError, ...); the base exists so that a
 * caller (the CLI, the conformance kit) can recognise any jahskit error and read the parameter
 * it names without knowing every package, and so that the subclasses share one type guard.
 */
export class JahskitError<K extends string = string> extends Error {
  /** Machine-readable reason, stable across versions. */
  readonly kind: K;
  /** The parameter, option or field the error is about, when there is one. */
  readonly parameter: string | undefined;
  /** What would have been accepted, when it can be listed. */
  readonly allowed: string | undefined;

  constructor(kind: K, message: string, details: { parameter?: string; allowed?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.parameter = details.parameter;
    this.allowed = details.allowed;
  }

  /**
   * The type guard of the class it is called on: `CoreError.is(e)` narrows to CoreError,
   * `JahskitError.is(e)` to any package's error.
   */
  static is<E extends JahskitError>(this: abstract new (...args: never[]) => E, error: unknown): error is E {
    return error instanceof this;
  }

  static isJahskitError(error: unknown): error is JahskitError {
    return error instanceof JahskitError;
  }
}
