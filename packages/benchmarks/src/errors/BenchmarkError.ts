import { JahskitError } from '@jahskit/core';

export type BenchmarkErrorKind =
  /** A configuration, fidelity or query the benchmark cannot answer. */
  | 'invalid-query'
  /** Data files that are missing (with where to get them). */
  | 'missing-data'
  /** Data files whose checksum or shape is wrong. */
  | 'corrupt-data'
  /** A model file that cannot be loaded or run. */
  | 'model-error'
  /** A manifest or option that does not describe a usable benchmark. */
  | 'invalid-definition';

export class BenchmarkError extends JahskitError<BenchmarkErrorKind> {}
