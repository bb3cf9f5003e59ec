import type { Condition } from '../conditions/Condition';
import { SpaceError } from '../errors/SpaceError';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import type { ConfigurationSpace } from '../space/ConfigurationSpace';
import type { ConfigSpaceJsonCodec, JsonObject } from './ConfigSpaceJsonCodec';
import { DEFAULT_CODEC } from './defaultCodec';

/** The `json_format_version` written (that of ConfigSpace 0.4 - 0.6, which added relations). */
export const JSON_FORMAT_VERSION = 0.4;

export interface WriteConfigSpaceJsonOptions {
  readonly codec?: ConfigSpaceJsonCodec;
}

function missing(what: string, type: string): SpaceError {
  return new SpaceError('invalid-json', { parameter: '(codec)', problem: `no writer for ${what} type "${type}"` });
}

/**
 * The ConfigSpace JSON object of `space` (pass it to `JSON.stringify` to get the file). Optional
 * fields are written only when set (`weights`, `q`, `meta`, `name`); `python_module_version` is not
 * written since no Python module wrote the file.
 */
export function writeConfigSpaceJson(space: ConfigurationSpace, options: WriteConfigSpaceJsonOptions = {}): JsonObject {
  const codec = options.codec ?? DEFAULT_CODEC;
  const writeCondition = (c: Condition): JsonObject => {
    const writer = codec.conditionWriters.get(c.type);
    if (writer === undefined) throw missing('condition', c.type);
    return writer(c, writeCondition);
  };
  const writeForbidden = (f: ForbiddenClause): JsonObject => {
    const writer = codec.forbiddenWriters.get(f.type);
    if (writer === undefined) throw missing('forbidden', f.type);
    return writer(f, writeForbidden);
  };
  return {
    ...(space.name === undefined ? {} : { name: space.name }),
    hyperparameters: space.hyperparameters.map((hp) => {
      const writer = codec.hyperparameterWriters.get(hp.type);
      if (writer === undefined) throw missing('hyperparameter', hp.type);
      return writer(hp);
    }),
    conditions: space.conditions.map(writeCondition),
    forbiddens: space.forbiddens.map(writeForbidden),
    json_format_version: JSON_FORMAT_VERSION,
  };
}
