import type { ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatList, formatValue } from '../errors/formatValue';
import { ChoiceHyperparameter } from './ChoiceHyperparameter';
import { checkDefault } from './definitionChecks';
import type { Labels } from './Hyperparameter';
import { roleEntry } from './roleEntry';

export interface CategoricalOptions extends Labels {
  /** Defaults to the most likely choice (the first when unweighted). */
  readonly default?: ParamValue;
  /** Non-negative sampling weights, one per choice (normalised internally). */
  readonly weights?: readonly number[];
}

type CategoricalSpec = Extract<ParameterSpec, { type: 'categorical' }>;

/** An unordered choice: encoded as the choice's index, neighbours are all other choices. */
export class CategoricalHyperparameter extends ChoiceHyperparameter {
  readonly type = 'categorical' as const;
  readonly spec: CategoricalSpec;
  readonly default: ParamValue;
  readonly choices: readonly ParamValue[];
  readonly weights: readonly number[] | undefined;
  /** Cumulative normalised weights, or undefined when uniform. */
  private readonly cumulative: Float64Array | undefined;

  constructor(name: string, choices: readonly ParamValue[], options: CategoricalOptions = {}) {
    super(name, choices, 'choices', options, formatList, 'is not a choice');
    this.choices = this.values;
    let weights: readonly number[] | undefined;
    if (options.weights !== undefined && options.weights !== null) {
      const w = options.weights;
      if (!Array.isArray(w) || w.length !== this.choices.length || !w.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
        throw new SpaceError('invalid-definition', {
          parameter: name,
          problem: `weights must be ${this.choices.length} finite non-negative numbers, got ${formatValue(w)}`,
        });
      }
      const total = w.reduce((a, b) => a + b, 0);
      if (!(total > 0)) throw new SpaceError('invalid-definition', { parameter: name, problem: 'weights must have a positive sum' });
      weights = Object.freeze([...w]);
      const cumulative = new Float64Array(w.length);
      let acc = 0;
      for (let i = 0; i < w.length; i++) {
        acc += (w[i] as number) / total;
        cumulative[i] = acc;
      }
      cumulative[w.length - 1] = 1;
      this.cumulative = cumulative;
    }
    this.weights = weights;
    let def: ParamValue;
    if (options.default !== undefined) {
      def = checkDefault(name, () => this.canonicalize(options.default));
    } else if (weights !== undefined) {
      let best = 0;
      for (let i = 1; i < weights.length; i++) if ((weights[i] as number) > (weights[best] as number)) best = i;
      def = this.choices[best] as ParamValue;
    } else {
      def = this.choices[0] as ParamValue;
    }
    this.default = def;
    this.spec = Object.freeze({
      type: 'categorical',
      name,
      choices: this.choices,
      default: def,
      ...(weights === undefined ? {} : { weights }),
      ...roleEntry(this.role),
    });
  }

  sample(rng: Rng): ParamValue {
    const cumulative = this.cumulative;
    if (cumulative === undefined) return this.choices[rng.index(this.choices.length)] as ParamValue;
    const u = rng.uniform();
    let i = 0;
    // Zero-weight choices have an empty interval, so the scan steps over them.
    while (u >= (cumulative[i] as number) && i < cumulative.length - 1) i++;
    return this.choices[i] as ParamValue;
  }

  /** Log of the probability the prior gives `value`: its normalised weight, 1 / choices when unweighted. */
  logPrior(value: ParamValue): number {
    const i = this.indexOf(value);
    const cumulative = this.cumulative;
    if (cumulative === undefined) return -Math.log(this.choices.length);
    return Math.log((cumulative[i] as number) - (i === 0 ? 0 : (cumulative[i - 1] as number)));
  }

  neighbours(value: ParamValue, _rng?: Rng, _count?: number): ParamValue[] {
    return this.choices.filter((c) => c !== value);
  }

  mutate(value: ParamValue, rng: Rng): ParamValue {
    const n = this.choices.length;
    if (n < 2) return value;
    const i = this.indexOf(value);
    const j = rng.index(n - 1);
    return this.choices[j >= i ? j + 1 : j] as ParamValue;
  }

  compare(_a?: ParamValue, _b?: ParamValue): number {
    return Number.NaN;
  }
}

/** A categorical parameter: `categorical('op', ['none', 'skip_connect'], { weights: [1, 3] })`. */
export function categorical(name: string, choices: readonly ParamValue[], options?: CategoricalOptions): CategoricalHyperparameter {
  return new CategoricalHyperparameter(name, choices, options);
}
