import type { JsonValue, ParameterRole, ParameterSpec, ParamValue, Rng } from '@jahskit/core';

/** What a definition may attach to a parameter besides its values. */
export interface Labels {
  /** Free-form data carried along (ConfigSpace's `meta`). */
  readonly meta?: JsonValue | undefined;
  /** Architecture or training hyperparameter (see `ParameterRole`). */
  readonly role?: ParameterRole | undefined;
}

/**
 * One parameter of a {@link ConfigurationSpace}: its plain-data {@link ParameterSpec} plus the
 * operations a space needs. Implementations are immutable; the hot methods (`sample`, `isLegal`,
 * `encode`, `decode`) allocate nothing.
 */
export interface Hyperparameter {
  readonly name: string;
  readonly type: ParameterSpec['type'];
  /** The core description of this parameter (frozen plain data). */
  readonly spec: ParameterSpec;
  readonly default: ParamValue;
  /** Free-form metadata carried through the ConfigSpace JSON `meta` field. */
  readonly meta: JsonValue | undefined;
  /** Architecture or training hyperparameter, when the space says (also `spec.role`). */
  readonly role: ParameterRole | undefined;
  /** Number of one-hot slots: choices for categorical/ordinal, 1 otherwise. */
  readonly oneHotSize: number;
  /** Human-readable list of the legal values, used in error messages. */
  readonly allowed: string;

  /** A draw from the prior (weights for categoricals, log-uniform when `log`, on the q grid). */
  sample(rng: Rng): ParamValue;
  /** Fast check that `value` is legal and already canonical (no throw, no allocation). */
  isLegal(value: unknown): boolean;
  /** Returns the canonical legal value or throws a `SpaceError` ('wrong-type' / 'illegal-value'). */
  canonicalize(value: unknown): ParamValue;
  /** ConfigSpace vector value: index for categorical/ordinal, [0, 1] for numbers, 0 for constants. */
  encode(value: ParamValue): number;
  /** Inverse of `encode`: indices are rounded and clamped, numbers clamped to [0, 1], rounded for integers, snapped to q. */
  decode(x: number): ParamValue;
  /** Writes the one-hot (or normalised) encoding of `value` at `out[offset .. offset + oneHotSize)`. */
  writeOneHot(value: ParamValue, out: Float64Array, offset: number): void;
  /**
   * Legal values other than `value`: every other choice (categorical), the adjacent entries
   * (ordinal), up to `count` distinct Gaussian perturbations in normalised space (numbers).
   */
  neighbours(value: ParamValue, rng: Rng, count: number): ParamValue[];
  /** One random neighbour, or `value` itself when there is none (constants, single-choice). */
  mutate(value: ParamValue, rng: Rng): ParamValue;
  /** Compares two legal values in the parameter's order (ordinal sequence, numeric); NaN when unordered. */
  compare(a: ParamValue, b: ParamValue): number;
}
