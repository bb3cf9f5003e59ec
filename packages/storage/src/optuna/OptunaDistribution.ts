import type { ParamValue } from '@jahskit/core';
import { decimalGridTop } from './decimalGridTop';
import { parsePythonJson } from './parsePythonJson';
import { PythonFloat } from './PythonFloat';
import { pythonJson } from './pythonJson';

/** One of Optuna's distributions (optuna/distributions.py), with Optuna's own attributes. */
export type OptunaDistribution =
  | { readonly kind: 'float'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number | null }
  | { readonly kind: 'int'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number }
  /** Python's None is null. */
  | { readonly kind: 'categorical'; readonly choices: readonly (ParamValue | null)[] };

/**
 * The text `distribution_to_json` writes: the journal holds each distribution as a JSON string inside
 * the operation, `{"name": "FloatDistribution", "attributes": {...}}`.
 */
export function optunaDistributionJson(distribution: OptunaDistribution): string {
  switch (distribution.kind) {
    case 'float': {
      const { low, high, log, step } = distribution;
      const attributes = { step: step === null ? null : new PythonFloat(step), low: new PythonFloat(low), high: new PythonFloat(high), log };
      return pythonJson({ name: 'FloatDistribution', attributes });
    }
    case 'int': {
      const { low, high, log, step } = distribution;
      return pythonJson({ name: 'IntDistribution', attributes: { log, step, low, high } });
    }
    case 'categorical':
      return pythonJson({ name: 'CategoricalDistribution', attributes: { choices: distribution.choices } });
  }
}

/**
 * Reads a distribution as `json_to_distribution` does: the current classes, the classes deprecated in
 * Optuna 3.0 (UniformDistribution, LogUniformDistribution, DiscreteUniformDistribution,
 * IntUniformDistribution, IntLogUniformDistribution) and the abbreviated `{"type": ...}` form. A stepped
 * range is cut to its last grid point, as Optuna's constructors do. `fail` names what was expected.
 */
export function readOptunaDistribution(text: unknown, fail: (expected: string) => never): OptunaDistribution {
  if (typeof text !== 'string') fail('a distribution as a JSON string');
  let json: unknown;
  try {
    json = parsePythonJson(text);
  } catch {
    fail('a distribution as a JSON string');
  }
  if (!isRecord(json)) fail('a distribution {"name": ..., "attributes": {...}}');
  if (!('name' in json)) return abbreviated(json, fail);
  const attributes = json['attributes'];
  if (!isRecord(attributes)) fail('a distribution {"name": ..., "attributes": {...}}');
  const number = (key: string, fallback?: number): number => {
    const value = attributes[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`a finite number as ${String(json['name'])} attribute "${key}"`);
    return value;
  };
  const flag = (key: string): boolean => {
    const value = attributes[key] ?? false;
    if (typeof value !== 'boolean') fail(`true or false as ${String(json['name'])} attribute "${key}"`);
    return value;
  };
  switch (json['name']) {
    case 'FloatDistribution':
      return float(number('low'), number('high'), flag('log'), attributes['step'] == null ? null : number('step'), fail);
    case 'IntDistribution':
      return int(number('low'), number('high'), flag('log'), number('step', 1), fail);
    case 'CategoricalDistribution':
      return categorical(attributes['choices'], fail);
    case 'UniformDistribution':
      return float(number('low'), number('high'), false, null, fail);
    case 'LogUniformDistribution':
      return float(number('low'), number('high'), true, null, fail);
    case 'DiscreteUniformDistribution':
      return float(number('low'), number('high'), false, number('q'), fail);
    case 'IntUniformDistribution':
      return int(number('low'), number('high'), false, number('step', 1), fail);
    case 'IntLogUniformDistribution':
      return int(number('low'), number('high'), true, number('step', 1), fail);
    default:
      return fail(`a distribution name (FloatDistribution, IntDistribution, CategoricalDistribution or a deprecated one), got ${JSON.stringify(json['name'])}`);
  }
}

/** The value Optuna hands to the user for a stored internal value (`to_external_repr`); undefined when out of range. */
export function externalValue(distribution: OptunaDistribution, internal: number): ParamValue | null | undefined {
  switch (distribution.kind) {
    case 'float':
      return internal;
    case 'int':
      return Math.trunc(internal);
    case 'categorical': {
      const index = Math.trunc(internal);
      return index >= 0 && index < distribution.choices.length ? distribution.choices[index] : undefined;
    }
  }
}

function abbreviated(json: Record<string, unknown>, fail: (expected: string) => never): OptunaDistribution {
  const number = (key: string): number => {
    const value = json[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`a finite number as "${key}" of the distribution`);
    return value;
  };
  const step = json['step'] == null ? null : number('step');
  const log = json['log'] ?? false;
  if (typeof log !== 'boolean') fail('true or false as "log" of the distribution');
  switch (json['type']) {
    case 'float':
      return float(number('low'), number('high'), log, step, fail);
    case 'int':
      return int(number('low'), number('high'), log, step ?? 1, fail);
    case 'categorical':
      return categorical(json['choices'], fail);
    default:
      return fail('a distribution {"name": ..., "attributes": {...}} or {"type": "float" | "int" | "categorical", ...}');
  }
}

function float(low: number, high: number, log: boolean, step: number | null, fail: (expected: string) => never): OptunaDistribution {
  if (low > high) fail(`a float distribution with low <= high, got [${low}, ${high}]`);
  if (log && low <= 0) fail(`a log float distribution with low > 0, got ${low}`);
  if (step !== null && (log || step <= 0)) fail('a float distribution with either log or a positive step');
  return { kind: 'float', low, high: step === null ? high : decimalGridTop(low, high, step), log, step };
}

function int(low: number, high: number, log: boolean, step: number, fail: (expected: string) => never): OptunaDistribution {
  if (!Number.isInteger(low) || !Number.isInteger(high) || !Number.isInteger(step))
    fail(`an int distribution with integer low, high and step, got [${low}, ${high}] step ${step}`);
  if (low > high) fail(`an int distribution with low <= high, got [${low}, ${high}]`);
  if (step < 1 || (log && step !== 1)) fail(`an int distribution with step >= 1 (1 when log), got ${step}`);
  if (log && low < 1) fail(`a log int distribution with low >= 1, got ${low}`);
  return { kind: 'int', low, high: low + Math.floor((high - low) / step) * step, log, step };
}

function categorical(choices: unknown, fail: (expected: string) => never): OptunaDistribution {
  const ok = (c: unknown): c is ParamValue | null =>
    c === null || typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && !Number.isNaN(c));
  if (!Array.isArray(choices) || choices.length === 0 || !choices.every(ok))
    fail('a categorical distribution with a non-empty list of None, bool, int, float or str choices');
  return { kind: 'categorical', choices };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
