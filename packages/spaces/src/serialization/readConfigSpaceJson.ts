import type { Condition } from '../conditions/Condition';
import { SpaceError } from '../errors/SpaceError';
import { formatList } from '../errors/formatValue';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import type { ConfigSpaceJsonCodec } from './ConfigSpaceJsonCodec';
import { DEFAULT_CODEC } from './defaultCodec';
import { detectConfigSpaceJsonFormat, type ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';
import { asItem, jsonError, type JsonItem } from './jsonFields';
import { cloneJson, jsonSourceOf, rememberJsonSource } from './jsonSource';

export interface ReadConfigSpaceJsonOptions {
  /** Tables to read with (default {@link DEFAULT_CODEC}); see `extendCodec`. */
  readonly codec?: ConfigSpaceJsonCodec;
  /** Name for the space when the document has none. */
  readonly name?: string;
}

function typeOf(item: JsonItem, known: ReadonlyMap<string, unknown>, what: string): string {
  const type = item.data['type'];
  if (typeof type !== 'string' || !known.has(type)) {
    throw jsonError(item, `unknown ${what} type ${JSON.stringify(type)}`, formatList([...known.keys()]));
  }
  return type;
}

/** The dialect of the document `space` was read from (`readConfigSpaceJson`), or undefined for a space built otherwise. */
export function configSpaceJsonFormatOf(space: ConfigurationSpace): ConfigSpaceJsonFormat | undefined {
  return jsonSourceOf(space)?.format;
}

/**
 * Reads a ConfigSpace JSON document into a space: `{name?, hyperparameters[], conditions[],
 * forbiddens[], json_format_version}` as written by ConfigSpace before 1.0, or `{..., format_version}`
 * as written by 1.x (see {@link ConfigSpaceJsonFormat}); `normal_*` and `beta_*` items become numeric
 * parameters with a `prior`. Accepts the text or the parsed object (which is copied).
 *
 * Every object read is remembered with the space, its parameters, conditions and clauses (weakly), so
 * that `writeConfigSpaceJson` writes back the same content, unknown keys included, and in the same
 * dialect by default; {@link configSpaceJsonFormatOf} tells the dialect.
 *
 * Errors are `SpaceError` 'invalid-json' naming the item's path and parameter (definition errors
 * inside an item are re-raised as 'invalid-json' too).
 */
export function readConfigSpaceJson(input: string | object, options: ReadConfigSpaceJsonOptions = {}): ConfigurationSpace {
  const codec = options.codec ?? DEFAULT_CODEC;
  let document: unknown;
  if (typeof input !== 'string') {
    try {
      document = cloneJson(input);
    } catch (error) {
      throw new SpaceError('invalid-json', { parameter: '(document)', problem: `not JSON data (${(error as Error).message})`, cause: error });
    }
  } else {
    try {
      document = JSON.parse(input);
    } catch (error) {
      // V8 quotes the text around the fault, line breaks included: escaped, the message stays one line.
      const where = (error as Error).message.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
      throw new SpaceError('invalid-json', { parameter: '(document)', problem: `not valid JSON (${where})`, cause: error });
    }
  }
  const root = asItem(document, '(document)');
  const format = detectConfigSpaceJsonFormat(root.data);
  const list = (key: string, required: boolean): readonly unknown[] => {
    const v = root.data[key];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v)) throw jsonError(root, `field "${key}" must be an array`);
    return v;
  };

  // A reader may return a shared object (a constant clause, say): only objects nobody else remembered are tagged.
  const remember = <T>(model: T, item: JsonItem): T => {
    if (typeof model === 'object' && model !== null && jsonSourceOf(model) === undefined) rememberJsonSource(model, item.data, format);
    return model;
  };
  const hyperparameters = list('hyperparameters', true).map((value, i) => {
    const item = asItem(value, `hyperparameters[${i}]`, format);
    const reader = codec.hyperparameterReaders.get(typeOf(item, codec.hyperparameterReaders, 'hyperparameter'));
    return remember((reader as NonNullable<typeof reader>)(item), item);
  });

  const readCondition = (value: unknown, path: string): Condition => {
    const item = asItem(value, path, format);
    const reader = codec.conditionReaders.get(typeOf(item, codec.conditionReaders, 'condition'));
    return remember((reader as NonNullable<typeof reader>)(item, readCondition), item);
  };
  const conditions = list('conditions', false).map((value, i) => readCondition(value, `conditions[${i}]`));

  const readForbidden = (value: unknown, path: string): ForbiddenClause => {
    const item = asItem(value, path, format);
    const reader = codec.forbiddenReaders.get(typeOf(item, codec.forbiddenReaders, 'forbidden'));
    return remember((reader as NonNullable<typeof reader>)(item, readForbidden), item);
  };
  const forbiddens = list('forbiddens', false).map((value, i) => readForbidden(value, `forbiddens[${i}]`));

  const name = typeof root.data['name'] === 'string' ? (root.data['name'] as string) : options.name;
  try {
    const space = new ConfigurationSpace({ ...(name === undefined ? {} : { name }), parameters: hyperparameters, conditions, forbiddens });
    rememberJsonSource(space, root.data, format);
    return space;
  } catch (error) {
    if (SpaceError.is(error) && error.kind === 'invalid-definition') {
      throw new SpaceError('invalid-json', {
        parameter: error.parameter,
        problem: error.message,
        ...(error.allowed === undefined ? {} : { allowed: error.allowed }),
        cause: error,
      });
    }
    throw error;
  }
}
