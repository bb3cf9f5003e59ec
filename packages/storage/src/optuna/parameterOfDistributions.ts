import { CoreError, type ParameterSpec, type ParamValue } from '@jahskit/core';
import type { OptunaDistribution } from './OptunaDistribution';

/** An int grid longer than this stays an integer range (its step is lost) rather than an ordinal. */
const MAX_ORDINAL = 10_000;

/**
 * The jahskit parameter that holds every value Optuna recorded for `name`. Optuna lets a parameter's
 * range change from trial to trial (a define-by-run space), so the ranges are joined: the smallest
 * low, the largest high, a float step only when every trial used the same grid. A range of one value
 * is a constant; an int with a step above 1 becomes the ordinal of its grid. Defaults are those of
 * jahskit's own factories: the (geometric, when log) midpoint, or the first choice. Python's None is the
 * choice 'None' (see `optunaChoice`).
 */
export function parameterOfDistributions(name: string, distributions: readonly OptunaDistribution[]): ParameterSpec {
  const first = distributions[0] as OptunaDistribution;
  const other = distributions.find((d) => d.kind !== first.kind);
  if (other !== undefined) {
    throw new CoreError(
      'invalid-argument',
      `parameter "${name}" is a ${first.kind} in one Optuna trial and a ${other.kind} in another; a jahskit parameter has one type`,
      { parameter: name },
    );
  }
  switch (first.kind) {
    case 'categorical':
      return categorical(name, distributions as readonly Extract<OptunaDistribution, { kind: 'categorical' }>[]);
    case 'float':
      return float(name, distributions as readonly Extract<OptunaDistribution, { kind: 'float' }>[]);
    case 'int':
      return int(name, distributions as readonly Extract<OptunaDistribution, { kind: 'int' }>[]);
  }
}

/** A categorical choice as jahskit holds it: Python's None, which jahskit has no value for, is 'None'. */
export function optunaChoice(choice: ParamValue | null): ParamValue {
  return choice ?? 'None';
}

function categorical(name: string, distributions: readonly Extract<OptunaDistribution, { kind: 'categorical' }>[]): ParameterSpec {
  const raw = distributions.flatMap((d) => d.choices);
  if (raw.includes(null) && raw.includes('None')) {
    throw new CoreError('invalid-argument', `parameter "${name}" has both None and the string "None" among its choices; jahskit writes None as "None"`, {
      parameter: name,
    });
  }
  const choices = [...new Set(raw.map(optunaChoice))];
  const head = choices[0] as ParamValue;
  if (choices.length === 1) return { type: 'constant', name, value: head, default: head };
  return { type: 'categorical', name, choices, default: head };
}

function float(name: string, distributions: readonly Extract<OptunaDistribution, { kind: 'float' }>[]): ParameterSpec {
  const { lower, upper } = range(distributions);
  if (lower === upper) return { type: 'constant', name, value: lower, default: lower };
  const log = distributions.every((d) => d.log);
  const first = distributions[0] as Extract<OptunaDistribution, { kind: 'float' }>;
  const q = first.step !== null && distributions.every((d) => d.step === first.step && d.low === first.low) ? first.step : undefined;
  let mid = log ? Math.exp((Math.log(lower) + Math.log(upper)) / 2) : (lower + upper) / 2;
  if (q !== undefined) mid = Math.min(upper, lower + Math.round((mid - lower) / q) * q);
  return { type: 'float', name, lower, upper, log, ...(q !== undefined ? { q } : {}), default: mid };
}

function int(name: string, distributions: readonly Extract<OptunaDistribution, { kind: 'int' }>[]): ParameterSpec {
  const { lower, upper } = range(distributions);
  if (lower === upper) return { type: 'constant', name, value: lower, default: lower };
  const log = distributions.every((d) => d.log);
  const first = distributions[0] as Extract<OptunaDistribution, { kind: 'int' }>;
  const step = distributions.every((d) => d.step === first.step && d.low === first.low) ? first.step : 1;
  if (step > 1 && (upper - lower) / step < MAX_ORDINAL) {
    const sequence = Array.from({ length: Math.floor((upper - lower) / step) + 1 }, (_, k) => lower + k * step);
    return { type: 'ordinal', name, sequence, default: sequence[0] as number };
  }
  const mid = (log ? Math.round(Math.exp((Math.log(lower) + Math.log(upper)) / 2)) : Math.round((lower + upper) / 2)) + 0;
  return { type: 'integer', name, lower, upper, log, default: mid };
}

/** The joined range; a loop, as a study may have more trials than a spread has arguments. */
function range(distributions: readonly { readonly low: number; readonly high: number }[]): { lower: number; upper: number } {
  let lower = Infinity;
  let upper = -Infinity;
  for (const d of distributions) {
    if (d.low < lower) lower = d.low;
    if (d.high > upper) upper = d.high;
  }
  return { lower, upper };
}
