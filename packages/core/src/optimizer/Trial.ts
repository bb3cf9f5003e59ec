import type { JsonValue } from '../json/JsonValue';
import type { Configuration } from '../space/Configuration';

/** A configuration at a fidelity, proposed by an optimizer. */
export interface Trial {
  /** Unique within a study; the optimizer numbers its own trials (0, 1, 2, ...). */
  readonly id: number;
  readonly config: Configuration;
  /** Empty when the benchmark has no fidelity. */
  readonly fidelity: Configuration;
  /**
   * The id of an earlier trial of the same configuration at a lower fidelity whose training this
   * trial continues. Under continuation semantics it is charged only the extra cost.
   */
  readonly continues?: number;
  /** Free-form, JSON-safe bookkeeping of the optimizer (bracket, rung, ...); recorded as is. */
  readonly tags?: { readonly [key: string]: JsonValue };
}
