/** What went wrong, so callers can branch on it without parsing messages. */
export type MultiObjectiveErrorKind = 'invalid-points' | 'dimension-mismatch' | 'non-finite' | 'empty' | 'invalid-reference' | 'invalid-argument';

/** The single error type thrown by `@jahskit/multiobjective`. */
export class MultiObjectiveError extends Error {
  override readonly name = 'MultiObjectiveError';
  readonly kind: MultiObjectiveErrorKind;

  constructor(kind: MultiObjectiveErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }

  /** Type guard that also works across duplicated copies of the package (checks the shape). */
  static is(e: unknown): e is MultiObjectiveError {
    return e instanceof MultiObjectiveError || (e instanceof Error && e.name === 'MultiObjectiveError' && typeof (e as { kind?: unknown }).kind === 'string');
  }
}
