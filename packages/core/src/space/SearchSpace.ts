import type { Rng } from '../random/Rng';
import type { Configuration } from './Configuration';
import type { ParameterSpec } from './ParameterSpec';

/**
 * The search-space contract. Implementations live in `@jahskit/spaces`; core and every plugin
 * depend only on this interface. A fidelity space is a `SearchSpace` too (usually of integer or
 * ordinal parameters such as epochs), kept separate from the configuration space.
 */
export interface SearchSpace {
  /** Parameters in canonical order: position i of an encoded vector is `parameters[i]`. */
  readonly parameters: readonly ParameterSpec[];

  /** A legal configuration drawn from the prior, respecting conditions and forbidden clauses. */
  sample(rng: Rng): Configuration;

  /**
   * Returns the configuration if it is legal, in canonical form (parameter order, numbers for
   * numeric parameters); otherwise throws a typed error (a `JahskitError` whose `parameter` names the
   * offending parameter and whose message lists what is allowed). Unknown, missing, inactive-but-set,
   * out-of-range, wrong-type and NaN values are all rejected, as are forbidden combinations.
   */
  validate(config: unknown): Configuration;

  /** Whether `name` is active in `config` under the space's conditions. */
  isActive(name: string, config: Configuration): boolean;

  /** ConfigSpace-style vector: one entry per parameter (see {@link ParameterSpec}). */
  encode(config: Configuration): Float64Array;

  /** Inverse of `encode`; entries of inactive parameters are ignored. */
  decode(vector: ArrayLike<number>): Configuration;

  /**
   * Legal configurations that differ from `config` in one parameter (for categoricals: every other
   * choice; for ordinals: the adjacent values; for numbers: `count` draws around the value).
   */
  neighbours(config: Configuration, rng: Rng, count?: number): Configuration[];

  /** The configuration of defaults (inactive parameters left out). */
  defaultConfiguration(): Configuration;

  /**
   * The subspace in which the parameters of `fixed` are constants: this is how NAS-only (fixed
   * hyperparameters) and HPO-only (fixed architecture) spaces are made. Configurations of the
   * restricted space are legal in the original one.
   */
  restrict(fixed: Configuration): SearchSpace;
}
