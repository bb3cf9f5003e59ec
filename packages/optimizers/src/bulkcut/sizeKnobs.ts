import type { ParamValue, ParameterSpec, SearchSpace } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';

/** A parameter that makes the network bigger or smaller, with its values from cheapest to costliest. */
export interface SizeKnob {
  readonly name: string;
  /** Ordered values (categorical/ordinal); undefined for numeric knobs (ordered by value). */
  readonly order?: readonly ParamValue[];
}

/** NAS-Bench-201 operations by cost: none < skip < avg_pool < conv1x1 < conv3x3. */
const NB201_COST = ['none', 'skip_connect', 'avg_pool_3x3', 'nor_conv_1x1', 'nor_conv_3x3'];
/** JAHS-Bench-201's integer op codes (0 skip, 1 none, 2 conv3x3, 3 conv1x1, 4 avg_pool) by the same cost. */
const JAHS_COST = [1, 0, 4, 3, 2];

/**
 * The size knobs of a space. Explicit `names` win. Otherwise: cell operations recognised by their
 * values (NB201 op names, or JAHS's Op1..Op6 integer codes) ordered by cost, then ordinal
 * parameters in their order; if the space has neither (e.g. a synthetic function), every integer
 * and float parameter, by value. Everything else is a hyperparameter.
 */
export function sizeKnobs(space: SearchSpace, names: readonly string[] | null): SizeKnob[] {
  const knob = (spec: ParameterSpec): SizeKnob | undefined => {
    if (spec.type === 'categorical') {
      if (spec.choices.every((c) => NB201_COST.includes(c as string))) return { name: spec.name, order: NB201_COST.filter((op) => spec.choices.includes(op)) };
      if (/^Op\d+$/.test(spec.name) && spec.choices.every((c) => JAHS_COST.includes(c as number)))
        return { name: spec.name, order: JAHS_COST.filter((op) => spec.choices.includes(op)) };
      return undefined;
    }
    if (spec.type === 'ordinal') return { name: spec.name, order: spec.sequence };
    return undefined;
  };
  if (names !== null) {
    return names.map((name) => {
      const spec = space.parameters.find((p) => p.name === name);
      if (spec === undefined || spec.type === 'constant') {
        throw new OptimizerError('invalid-option', `sizeParameters: "${name}" is not a non-constant parameter of the space`, {
          parameter: 'sizeParameters',
          allowed: space.parameters.map((p) => p.name).join(', '),
        });
      }
      if (spec.type === 'categorical') return { name, order: knob(spec)?.order ?? spec.choices };
      return knob(spec) ?? { name };
    });
  }
  const found = space.parameters.map(knob).filter((k): k is SizeKnob => k !== undefined);
  if (found.length > 0) return found;
  return space.parameters.filter((p) => p.type === 'integer' || p.type === 'float').map((p) => ({ name: p.name }));
}
