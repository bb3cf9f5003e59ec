import type { ParamValue } from './Configuration';

/**
 * What a parameter decides in a joint NAS + HPO space: the network (`'architecture'`: a cell
 * operation, an edge's input) or how it is trained (`'hyperparameter'`). The cell spaces set it; a
 * parameter without a role is treated as a hyperparameter (e.g. by the sequential NAS-then-HPO
 * baselines, which split a space by role, never by name).
 */
export type ParameterRole = 'architecture' | 'hyperparameter';

/**
 * The plain-data description of one parameter, in the vocabulary of ConfigSpace. Optimizers read
 * these to build models (TPE's per-parameter densities, REINFORCE's categorical policy, ...).
 *
 * Vector encoding (`SearchSpace.encode`), as in ConfigSpace: categorical and ordinal values map to
 * their index; integer and float values map to [0, 1] (on the log scale when `log`); a constant
 * maps to 0; an inactive parameter maps to NaN.
 *
 * `role`, when set, says whether the parameter belongs to the architecture (see {@link ParameterRole}).
 */
export type ParameterSpec = (
  | {
      readonly type: 'categorical';
      readonly name: string;
      readonly choices: readonly ParamValue[];
      readonly default: ParamValue;
      /** Sampling weights, one per choice; uniform when absent. */
      readonly weights?: readonly number[];
    }
  | {
      readonly type: 'ordinal';
      readonly name: string;
      /** The ordered values: neighbours are adjacent entries. */
      readonly sequence: readonly ParamValue[];
      readonly default: ParamValue;
    }
  | { readonly type: 'constant'; readonly name: string; readonly value: ParamValue; readonly default: ParamValue }
  | {
      readonly type: 'integer';
      readonly name: string;
      readonly lower: number;
      readonly upper: number;
      readonly log: boolean;
      readonly default: number;
    }
  | {
      readonly type: 'float';
      readonly name: string;
      readonly lower: number;
      readonly upper: number;
      readonly log: boolean;
      /** Quantisation step: legal values are lower + k * q. */
      readonly q?: number;
      readonly default: number;
    }
) & { readonly role?: ParameterRole };

export type ParameterType = ParameterSpec['type'];
