import type { ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { formatList } from '../errors/formatValue';
import { ChoiceHyperparameter } from './ChoiceHyperparameter';
import { checkDefault } from './definitionChecks';
import type { Labels } from './Hyperparameter';
import { roleEntry } from './roleEntry';

export interface OrdinalOptions extends Labels {
  /** Defaults to the first entry of the sequence. */
  readonly default?: ParamValue;
}

type OrdinalSpec = Extract<ParameterSpec, { type: 'ordinal' }>;

/** An ordered choice: encoded as the index in the sequence, neighbours are the adjacent entries. */
export class OrdinalHyperparameter extends ChoiceHyperparameter {
  readonly type = 'ordinal' as const;
  readonly spec: OrdinalSpec;
  readonly default: ParamValue;
  readonly sequence: readonly ParamValue[];

  constructor(name: string, sequence: readonly ParamValue[], options: OrdinalOptions = {}) {
    super(name, sequence, 'sequence', options, (values) => `${formatList(values)} (in this order)`, 'is not in the sequence');
    this.sequence = this.values;
    this.default = options.default === undefined ? (this.sequence[0] as ParamValue) : checkDefault(name, () => this.canonicalize(options.default));
    this.spec = Object.freeze({ type: 'ordinal', name, sequence: this.sequence, default: this.default, ...roleEntry(this.role) });
  }

  sample(rng: Rng): ParamValue {
    return this.sequence[rng.index(this.sequence.length)] as ParamValue;
  }

  neighbours(value: ParamValue, _rng?: Rng, _count?: number): ParamValue[] {
    const i = this.indexOf(value);
    const result: ParamValue[] = [];
    if (i > 0) result.push(this.sequence[i - 1] as ParamValue);
    if (i < this.sequence.length - 1) result.push(this.sequence[i + 1] as ParamValue);
    return result;
  }

  mutate(value: ParamValue, rng: Rng): ParamValue {
    const options = this.neighbours(value);
    return options.length === 0 ? value : (options[rng.index(options.length)] as ParamValue);
  }

  compare(a: ParamValue, b: ParamValue): number {
    return this.indexOf(a) - this.indexOf(b);
  }
}

/** An ordinal parameter: `ordinal('batch_size', [16, 32, 64])`. */
export function ordinal(name: string, sequence: readonly ParamValue[], options?: OrdinalOptions): OrdinalHyperparameter {
  return new OrdinalHyperparameter(name, sequence, options);
}
