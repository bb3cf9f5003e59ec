import type { JsonValue, ParameterType } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import { OrdinalHyperparameter } from '../hyperparameters/OrdinalHyperparameter';
import { NumericalHyperparameter } from '../hyperparameters/NumericalHyperparameter';
import { checkNumericPrior, type NumericPrior } from '../priors/NumericPrior';
import type { HyperparameterReader, HyperparameterWriter, JsonObject } from './ConfigSpaceJsonCodec';
import type { ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';
import {
  jsonError,
  readArray,
  readBoolean,
  readMeta,
  readNumber,
  readOptionalNumber,
  readOptionalValue,
  readString,
  readValue,
  readValues,
  type JsonItem,
} from './jsonFields';

/** Rewrites a definition error raised while building a hyperparameter as 'invalid-json' at `item`. */
function build<T>(item: JsonItem, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (SpaceError.is(error) && error.kind !== 'invalid-json') {
      throw new SpaceError('invalid-json', {
        parameter: error.parameter,
        problem: `${item.path}: ${error.message}`,
        ...(error.allowed === undefined ? {} : { allowed: error.allowed }),
        cause: error,
      });
    }
    throw error;
  }
}

/** ConfigSpace writes `default` (<= 0.6) or `default_value` (>= 1.0). */
function defaultOf(item: JsonItem): unknown {
  return item.data['default'] ?? item.data['default_value'] ?? undefined;
}

function withMeta(item: JsonItem): { meta?: JsonValue } {
  const meta = readMeta(item);
  return meta === undefined ? {} : { meta };
}

const readCategorical: HyperparameterReader = (item) => {
  const name = readString(item, 'name');
  const choices = readValues(item, 'choices');
  const rawWeights = item.data['weights'] ?? item.data['probabilities'] ?? undefined;
  const weights = rawWeights === undefined ? undefined : readArray({ path: item.path, data: { weights: rawWeights } }, 'weights');
  const def = defaultOf(item) === undefined ? undefined : readOptionalValue({ path: item.path, data: { default: defaultOf(item) } }, 'default');
  return build(
    item,
    () =>
      new CategoricalHyperparameter(name, choices, {
        ...(def === undefined ? {} : { default: def }),
        ...(weights === undefined ? {} : { weights: weights as number[] }),
        ...withMeta(item),
      }),
  );
};

const readOrdinal: HyperparameterReader = (item) => {
  const name = readString(item, 'name');
  const sequence = readValues(item, 'sequence');
  const def = defaultOf(item);
  return build(
    item,
    () =>
      new OrdinalHyperparameter(name, sequence, {
        ...(def === undefined ? {} : { default: readValue({ path: item.path, data: { default: def } }, 'default') }),
        ...withMeta(item),
      }),
  );
};

const readConstant: HyperparameterReader = (item) => {
  const name = readString(item, 'name');
  const value = readValue(item, 'value');
  return build(item, () => new ConstantHyperparameter(name, value, withMeta(item)));
};

type PriorKind = 'uniform' | 'normal' | 'beta';

/** The prior of a `normal_*` / `beta_*` item, in the model's terms (see `NumericPrior`). */
function readPrior(item: JsonItem, kind: PriorKind, log: boolean, lower: number | undefined): NumericPrior | undefined {
  if (kind === 'uniform') return undefined;
  const name = readString(item, 'name');
  if (kind === 'beta') return build(item, () => checkNumericPrior(name, { kind: 'beta', alpha: readNumber(item, 'alpha'), beta: readNumber(item, 'beta') }));
  const mu = readNumber(item, 'mu');
  const sigma = readNumber(item, 'sigma');
  build(item, () => checkNumericPrior(name, { kind: 'normal', mu, sigma }));
  if (!log || item.format !== '1') return Object.freeze({ kind: 'normal', mu, sigma });
  // ConfigSpace 1.x: mu is a value (its log is the centre), the spread on the log scale is |log(lower + sigma)|.
  if (mu <= 0) throw jsonError(item, `a log-scale normal needs mu > 0, got ${mu}`, 'mu > 0');
  const spread = Math.abs(Math.log((lower ?? 0) + sigma));
  if (!(spread > 0) || !Number.isFinite(spread))
    throw jsonError(item, `sigma = ${sigma} gives no spread on the log scale (|log(lower + sigma)| = ${spread})`, 'lower + sigma != 1');
  return Object.freeze({ kind: 'normal', mu: Math.log(mu), sigma: spread });
}

/**
 * Bounds of a numeric item. Before ConfigSpace 1.0 a normal could be unbounded: it gets the bounds
 * ConfigSpace's own `to_uniform` used, mu -+ 3 sigma (on the log scale when log), widened to hold the
 * default, and its samples are truncated to them.
 */
function readBounds(item: JsonItem, prior: NumericPrior | undefined, log: boolean, integer: boolean): [number, number] {
  const hasLower = item.data['lower'] !== undefined && item.data['lower'] !== null;
  const hasUpper = item.data['upper'] !== undefined && item.data['upper'] !== null;
  if (hasLower || hasUpper || prior?.kind !== 'normal') return [readNumber(item, 'lower'), readNumber(item, 'upper')];
  const low = prior.mu - 3 * prior.sigma;
  const high = prior.mu + 3 * prior.sigma;
  let lower = log ? Math.exp(low) : low;
  let upper = log ? Math.exp(high) : high;
  // Widened in value space, so the default is a bound exactly (exp(log(v)) need not be v).
  const def = defaultOf(item);
  if (typeof def === 'number' && Number.isFinite(def) && (!log || def > 0)) {
    lower = Math.min(lower, def);
    upper = Math.max(upper, def);
  }
  if (integer) {
    lower = Math.max(log ? 1 : -Infinity, Math.floor(lower));
    upper = Math.max(lower + 1, Math.ceil(upper));
  }
  return [lower, upper];
}

function numericReader(kind: PriorKind, integer: boolean): HyperparameterReader {
  return (item) => {
    const name = readString(item, 'name');
    const log = readBoolean(item, 'log', false);
    const rawLower = readOptionalNumber(item, 'lower');
    const prior = readPrior(item, kind, log, rawLower);
    const [lower, upper] = readBounds(item, prior, log, integer);
    const q = readOptionalNumber(item, 'q');
    if (integer && q !== undefined && q !== 1) throw jsonError(item, `${String(item.data['type'])} with q = ${q} is not supported`, 'q absent, null or 1');
    const def = defaultOf(item);
    const options = {
      log,
      ...(def === undefined ? {} : { default: readNumber({ path: item.path, data: { default: def } }, 'default') }),
      ...(prior === undefined ? {} : { prior }),
      ...withMeta(item),
    };
    return build(item, () =>
      integer
        ? new IntegerHyperparameter(name, lower, upper, options)
        : new FloatHyperparameter(name, lower, upper, { ...options, ...(q === undefined ? {} : { q }) }),
    );
  };
}

const TYPES = 'categorical, ordinal, constant, unparametrized, uniform_int, uniform_float, normal_int, normal_float, beta_int, beta_float';

/** A reader for a ConfigSpace type that jahskit does not model: a clear 'invalid-json' error. */
export function unsupportedHyperparameter(type: string): HyperparameterReader {
  return (item) => {
    throw jsonError(item, `hyperparameter type "${type}" is not supported by @jahskit/spaces`, `${TYPES} (or register a reader with extendCodec)`);
  };
}

/** Default hyperparameter readers, keyed by ConfigSpace JSON `type`. */
export const HYPERPARAMETER_READERS: ReadonlyMap<string, HyperparameterReader> = new Map<string, HyperparameterReader>([
  ['categorical', readCategorical],
  ['ordinal', readOrdinal],
  ['constant', readConstant],
  ['unparametrized', readConstant],
  ['uniform_int', numericReader('uniform', true)],
  ['uniform_float', numericReader('uniform', false)],
  ['normal_int', numericReader('normal', true)],
  ['normal_float', numericReader('normal', false)],
  ['beta_int', numericReader('beta', true)],
  ['beta_float', numericReader('beta', false)],
]);

/** `meta` when set; ConfigSpace 1.x writes it on every item, null when unset. */
function meta(hp: Hyperparameter, format: ConfigSpaceJsonFormat | undefined): JsonObject {
  if (format === '1') return { meta: hp.meta ?? null };
  return hp.meta === undefined ? {} : { meta: hp.meta };
}

function defaultKey(format: ConfigSpaceJsonFormat | undefined): 'default' | 'default_value' {
  return format === '1' ? 'default_value' : 'default';
}

/** The prior's fields as the item writes them: the inverse of `readPrior`. */
function priorFields(hp: NumericalHyperparameter, format: ConfigSpaceJsonFormat | undefined): JsonObject {
  const prior = hp.prior;
  if (prior === undefined) return {};
  if (prior.kind === 'beta') return { alpha: prior.alpha, beta: prior.beta };
  if (!hp.log || format !== '1') return { mu: prior.mu, sigma: prior.sigma };
  // 1.x reads sigma as |log(lower + sigma)|: take the root that is a positive sigma.
  const sigma = [Math.exp(prior.sigma) - hp.lower, Math.exp(-prior.sigma) - hp.lower].find((s) => s > 0);
  if (sigma === undefined) {
    throw new SpaceError('invalid-json', {
      parameter: hp.name,
      problem: `a log-scale normal with sigma ${prior.sigma} (of log values) and lower ${hp.lower} cannot be written in ConfigSpace 1.x JSON`,
      allowed: "format '0.4'",
    });
  }
  return { mu: Math.exp(prior.mu), sigma };
}

function numericWriter(integer: boolean): HyperparameterWriter {
  return (hp, format) => {
    const h = hp as NumericalHyperparameter;
    const type = `${h.prior?.kind ?? 'uniform'}_${integer ? 'int' : 'float'}`;
    const q = integer ? undefined : (hp as FloatHyperparameter).q;
    const quantised: JsonObject = q === undefined ? {} : { q };
    if (format === '1') {
      return {
        type,
        name: h.name,
        ...priorFields(h, format),
        lower: h.lower,
        upper: h.upper,
        default_value: h.default,
        log: h.log,
        ...quantised,
        ...meta(hp, format),
      };
    }
    return { name: h.name, type, log: h.log, ...priorFields(h, format), lower: h.lower, upper: h.upper, default: h.default, ...quantised, ...meta(hp, format) };
  };
}

/** Default hyperparameter writers, keyed by `ParameterSpec['type']`. */
export const HYPERPARAMETER_WRITERS: ReadonlyMap<ParameterType, HyperparameterWriter> = new Map<ParameterType, HyperparameterWriter>([
  [
    'categorical',
    (hp, format) => {
      const spec = hp.spec as Extract<typeof hp.spec, { type: 'categorical' }>;
      const weights = spec.weights === undefined ? undefined : [...spec.weights];
      if (format === '1')
        return { type: 'categorical', name: spec.name, choices: [...spec.choices], weights: weights ?? null, default_value: spec.default, ...meta(hp, format) };
      return {
        name: spec.name,
        type: 'categorical',
        choices: [...spec.choices],
        default: spec.default,
        ...(weights === undefined ? {} : { weights }),
        ...meta(hp, format),
      };
    },
  ],
  [
    'ordinal',
    (hp, format) => {
      const spec = hp.spec as Extract<typeof hp.spec, { type: 'ordinal' }>;
      return { name: spec.name, type: 'ordinal', sequence: [...spec.sequence], [defaultKey(format)]: spec.default, ...meta(hp, format) };
    },
  ],
  ['constant', (hp, format) => ({ name: hp.name, type: 'constant', value: hp.default, ...meta(hp, format) })],
  ['integer', numericWriter(true)],
  ['float', numericWriter(false)],
]);
