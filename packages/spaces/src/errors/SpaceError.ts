import { JahskitError } from '@jahskit/core';

export type SpaceErrorKind =
  /** A name that is not a parameter of the space. */
  | 'unknown-parameter'
  /** An active parameter without a value. */
  | 'missing-parameter'
  /** A value for a parameter whose condition does not hold. */
  | 'inactive-parameter'
  /** A value of the right type that is not legal (out of range, not a choice, off the q grid). */
  | 'illegal-value'
  /** A value of the wrong type (string for a number, NaN, a non-object configuration, ...). */
  | 'wrong-type'
  /** A configuration that matches a forbidden clause. */
  | 'forbidden'
  /** Conditions that form a cycle. */
  | 'cyclic-condition'
  /** A malformed definition: bad bounds, duplicate names, conditions on unknown parents, ... */
  | 'invalid-definition'
  /** A ConfigSpace JSON document that cannot be read. */
  | 'invalid-json'
  /** A PCS file (classic or new format) that cannot be read or a space that PCS cannot express. */
  | 'invalid-pcs';

export interface SpaceErrorDetails {
  /** The parameter (or JSON field / clause) the error is about. */
  readonly parameter: string;
  /** What is wrong, without the parameter name: `0.7 is out of range`. */
  readonly problem: string;
  /** What would have been accepted: `floats in [0.001, 0.1] (log scale)`. */
  readonly allowed?: string;
  readonly cause?: unknown;
}

/**
 * The one error class of `@jahskit/spaces`. The message always names the parameter and, when it
 * can be listed, what is allowed: `parameter "lr": 0.7 is out of range; allowed: floats in [0.001, 0.1] (log scale)`.
 */
export class SpaceError extends JahskitError<SpaceErrorKind> {
  declare readonly parameter: string;

  constructor(kind: SpaceErrorKind, details: SpaceErrorDetails) {
    const message = `parameter "${details.parameter}": ${details.problem}` + (details.allowed === undefined ? '' : `; allowed: ${details.allowed}`);
    super(kind, message, {
      parameter: details.parameter,
      ...(details.allowed === undefined ? {} : { allowed: details.allowed }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
  }
}
