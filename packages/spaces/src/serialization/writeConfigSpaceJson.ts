import type { Condition } from '../conditions/Condition';
import { SpaceError } from '../errors/SpaceError';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import type { ConfigurationSpace } from '../space/ConfigurationSpace';
import type { ConfigSpaceJsonCodec, JsonObject } from './ConfigSpaceJsonCodec';
import { CONFIG_SPACE_JSON_FORMATS, type ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';
import { DEFAULT_CODEC } from './defaultCodec';
import { cloneJson, jsonSourceOf } from './jsonSource';

/** The version number written when none was read: ConfigSpace 0.4 - 1.x all write 0.4 (1.x under `format_version`). */
export const JSON_FORMAT_VERSION = 0.4;

export interface WriteConfigSpaceJsonOptions {
  readonly codec?: ConfigSpaceJsonCodec;
  /** The dialect to write; default: the one the space was read in, else '0.4'. */
  readonly format?: ConfigSpaceJsonFormat;
  /**
   * Write objects that were read from a document of the same dialect exactly as they were read
   * (default true). With false every item is built by the codec's writers (what a space built in code gets).
   */
  readonly preserve?: boolean;
}

/** Keys one dialect or the other gives a meaning to: never carried from one dialect into the other. */
const MODELLED = new Set([
  'name',
  'type',
  'log',
  'lower',
  'upper',
  'default',
  'default_value',
  'q',
  'mu',
  'sigma',
  'alpha',
  'beta',
  'choices',
  'weights',
  'probabilities',
  'sequence',
  'value',
  'values',
  'meta',
  'child',
  'parent',
  'conditions',
  'clauses',
  'left',
  'right',
  'lambda',
  'hyperparameters',
  'forbiddens',
  'json_format_version',
  'format_version',
]);

function missing(what: string, type: string): SpaceError {
  return new SpaceError('invalid-json', { parameter: '(codec)', problem: `no writer for ${what} type "${type}"` });
}

/**
 * The ConfigSpace JSON object of `space` (pass it to `JSON.stringify` to get the file), in the dialect
 * `options.format` (see {@link ConfigSpaceJsonFormat}).
 *
 * A space read by `readConfigSpaceJson` and written in the dialect it was read in gives back the
 * document's content unchanged (key order and whitespace aside): every parameter, condition and clause
 * that came from the document is written as it was read, with its unknown keys (`"probabilities": null`,
 * `python_module_version`, ...). Objects that were not read (a space built in code, the constants of
 * `restrict`) and every object when the dialect changes are built by the codec's writers, carrying the
 * keys neither dialect defines. `python_module_version` is written only when it was read.
 */
export function writeConfigSpaceJson(space: ConfigurationSpace, options: WriteConfigSpaceJsonOptions = {}): JsonObject {
  const codec = options.codec ?? DEFAULT_CODEC;
  const preserve = options.preserve ?? true;
  const document = jsonSourceOf(space);
  const format = options.format ?? document?.format ?? '0.4';
  if (!CONFIG_SPACE_JSON_FORMATS.includes(format)) {
    throw new SpaceError('invalid-json', {
      parameter: '(format)',
      problem: `unknown ConfigSpace JSON format ${JSON.stringify(format)}`,
      allowed: CONFIG_SPACE_JSON_FORMATS.join(', '),
    });
  }
  /** `build()` for `model`, unless it was read in this dialect; keys from another dialect's document that neither dialect defines are kept. */
  const item = (model: object, build: () => JsonObject): JsonObject => {
    const source = preserve ? jsonSourceOf(model) : undefined;
    if (source !== undefined && source.format === format) return cloneJson(source.raw) as JsonObject;
    const out = build();
    if (source !== undefined)
      for (const [key, value] of Object.entries(source.raw)) if (!MODELLED.has(key) && !(key in out)) out[key] = cloneJson(value) as JsonObject[string];
    return out;
  };
  const writeCondition = (c: Condition): JsonObject =>
    item(c, () => {
      const writer = codec.conditionWriters.get(c.type);
      if (writer === undefined) throw missing('condition', c.type);
      return writer(c, writeCondition, format);
    });
  const writeForbidden = (f: ForbiddenClause): JsonObject =>
    item(f, () => {
      const writer = codec.forbiddenWriters.get(f.type);
      if (writer === undefined) throw missing('forbidden', f.type);
      return writer(f, writeForbidden, format);
    });
  const body = {
    hyperparameters: space.hyperparameters.map((hp) =>
      item(hp, () => {
        const writer = codec.hyperparameterWriters.get(hp.type);
        if (writer === undefined) throw missing('hyperparameter', hp.type);
        return writer(hp, format);
      }),
    ),
    conditions: space.conditions.map(writeCondition),
    forbiddens: space.forbiddens.map(writeForbidden),
  };
  const raw = preserve ? document?.raw : undefined;
  if (raw !== undefined && document?.format === format) {
    const out: JsonObject = { ...(cloneJson(raw) as JsonObject), ...body };
    if (space.name !== undefined && raw['name'] !== space.name) out['name'] = space.name;
    return out;
  }
  const extras: JsonObject = {};
  if (raw !== undefined) for (const [key, value] of Object.entries(raw)) if (!MODELLED.has(key)) extras[key] = cloneJson(value) as JsonObject[string];
  const version = (key: string): JsonObject[string] => {
    const read = raw?.[key];
    return typeof read === 'number' || typeof read === 'string' ? read : JSON_FORMAT_VERSION;
  };
  if (format === '1') return { name: space.name ?? null, ...body, ...extras, format_version: version('format_version') };
  return { ...(space.name === undefined ? {} : { name: space.name }), ...body, ...extras, json_format_version: version('json_format_version') };
}
