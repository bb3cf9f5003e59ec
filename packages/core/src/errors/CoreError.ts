import { JahskitError } from './JahskitError';

export type CoreErrorKind =
  /** A plugin id that is registered twice. */
  | 'duplicate-plugin'
  /** A plugin id that is not registered. */
  | 'unknown-plugin'
  /** Plugin options that do not match the plugin's schema. */
  | 'invalid-option'
  /** A configuration or fidelity that is not legal in its space. */
  | 'invalid-configuration'
  /** A told result that does not match a pending trial, or is malformed. */
  | 'invalid-result'
  /** An optimizer that broke its contract (illegal proposal, duplicate id, ...). */
  | 'optimizer-contract'
  /** A benchmark that broke its contract (wrong number of results, missing metric, ...). */
  | 'benchmark-contract'
  /** Arguments to a core function that are out of their domain. */
  | 'invalid-argument'
  /** A saved state that cannot be restored. */
  | 'invalid-state'
  /** A storage that cannot be reached or written (unreachable server, refused password, I/O error). */
  | 'storage'
  /** A journal line that was changed after it was written (checksum), or is not a journal entry. */
  | 'journal-corrupt'
  /** A journal written by a newer jahskit. */
  | 'journal-version'
  /** Replaying a journal gave other proposals than it recorded (another optimizer version?). */
  | 'journal-mismatch'
  /** A study name that the storage does not hold. */
  | 'unknown-study'
  /** A study created again under an existing name with another space, objectives or optimizer. */
  | 'study-exists';

export class CoreError extends JahskitError<CoreErrorKind> {}
