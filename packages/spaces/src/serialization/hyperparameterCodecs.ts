import type { JsonValue, ParameterType } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import { OrdinalHyperparameter } from '../hyperparameters/OrdinalHyperparameter';
import type { HyperparameterReader, HyperparameterWriter, JsonObject } from './ConfigSpaceJsonCodec';
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
  return build(item, () =>
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
  return build(item, () =>
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

const readUniformInt: HyperparameterReader = (item) => {
  const name = readString(item, 'name');
  const lower = readNumber(item, 'lower');
  const upper = readNumber(item, 'upper');
  const log = readBoolean(item, 'log', false);
  const q = readOptionalNumber(item, 'q');
  if (q !== undefined && q !== 1) throw jsonError(item, `uniform_int with q = ${q} is not supported`, 'q absent, null or 1');
  const def = defaultOf(item);
  return build(item, () =>
    new IntegerHyperparameter(name, lower, upper, {
      log,
      ...(def === undefined ? {} : { default: readNumber({ path: item.path, data: { default: def } }, 'default') }),
      ...withMeta(item),
    }),
  );
};

const readUniformFloat: HyperparameterReader = (item) => {
  const name = readString(item, 'name');
  const lower = readNumber(item, 'lower');
  const upper = readNumber(item, 'upper');
  const log = readBoolean(item, 'log', false);
  const q = readOptionalNumber(item, 'q');
  const def = defaultOf(item);
  return build(item, () =>
    new FloatHyperparameter(name, lower, upper, {
      log,
      ...(q === undefined ? {} : { q }),
      ...(def === undefined ? {} : { default: readNumber({ path: item.path, data: { default: def } }, 'default') }),
      ...withMeta(item),
    }),
  );
};

/** A reader for a ConfigSpace type that jahskit does not model: a clear 'invalid-json' error. */
export function unsupportedHyperparameter(type: string): HyperparameterReader {
  return (item) => {
    throw jsonError(
      item,
      `hyperparameter type "${type}" is not supported by @jahskit/spaces (only uniform priors are modelled)`,
      'categorical, ordinal, constant, unparametrized, uniform_int, uniform_float (or register a reader with extendCodec)',
    );
  };
}

/** Default hyperparameter readers, keyed by ConfigSpace JSON `type`. */
export const HYPERPARAMETER_READERS: ReadonlyMap<string, HyperparameterReader> = new Map<string, HyperparameterReader>([
  ['categorical', readCategorical],
  ['ordinal', readOrdinal],
  ['constant', readConstant],
  ['unparametrized', readConstant],
  ['uniform_int', readUniformInt],
  ['uniform_float', readUniformFloat],
  ['normal_int', unsupportedHyperparameter('normal_int')],
  ['normal_float', unsupportedHyperparameter('normal_float')],
  ['beta_int', unsupportedHyperparameter('beta_int')],
  ['beta_float', unsupportedHyperparameter('beta_float')],
]);

function meta(hp: Hyperparameter): JsonObject {
  return hp.meta === undefined ? {} : { meta: hp.meta };
}

/** Default hyperparameter writers, keyed by `ParameterSpec['type']`. */
export const HYPERPARAMETER_WRITERS: ReadonlyMap<ParameterType, HyperparameterWriter> = new Map<ParameterType, HyperparameterWriter>([
  [
    'categorical',
    (hp) => {
      const spec = hp.spec as Extract<typeof hp.spec, { type: 'categorical' }>;
      return {
        name: spec.name,
        type: 'categorical',
        choices: [...spec.choices],
        default: spec.default,
        ...(spec.weights === undefined ? {} : { weights: [...spec.weights] }),
        ...meta(hp),
      };
    },
  ],
  [
    'ordinal',
    (hp) => {
      const spec = hp.spec as Extract<typeof hp.spec, { type: 'ordinal' }>;
      return { name: spec.name, type: 'ordinal', sequence: [...spec.sequence], default: spec.default, ...meta(hp) };
    },
  ],
  ['constant', (hp) => ({ name: hp.name, type: 'constant', value: hp.default, ...meta(hp) })],
  [
    'integer',
    (hp) => {
      const spec = hp.spec as Extract<typeof hp.spec, { type: 'integer' }>;
      return { name: spec.name, type: 'uniform_int', log: spec.log, lower: spec.lower, upper: spec.upper, default: spec.default, ...meta(hp) };
    },
  ],
  [
    'float',
    (hp) => {
      const spec = hp.spec as Extract<typeof hp.spec, { type: 'float' }>;
      return {
        name: spec.name,
        type: 'uniform_float',
        log: spec.log,
        lower: spec.lower,
        upper: spec.upper,
        default: spec.default,
        ...(spec.q === undefined ? {} : { q: spec.q }),
        ...meta(hp),
      };
    },
  ],
]);
