import type { Condition } from '../conditions/Condition';
import { SpaceError } from '../errors/SpaceError';
import { formatList } from '../errors/formatValue';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import type { ConfigSpaceJsonCodec } from './ConfigSpaceJsonCodec';
import { DEFAULT_CODEC } from './defaultCodec';
import { asItem, jsonError, type JsonItem } from './jsonFields';

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

/**
 * Reads a ConfigSpace JSON document (`{name?, hyperparameters[], conditions[], forbiddens[],
 * json_format_version}`, as written by ConfigSpace's `read_and_write.json`) into a space. Accepts
 * the text or the parsed object. Errors are `SpaceError` 'invalid-json' naming the item's path and
 * parameter (definition errors inside an item are re-raised as 'invalid-json' too).
 */
export function readConfigSpaceJson(input: string | object, options: ReadConfigSpaceJsonOptions = {}): ConfigurationSpace {
  const codec = options.codec ?? DEFAULT_CODEC;
  let document: unknown = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input);
    } catch (error) {
      // V8 quotes the text around the fault, line breaks included: escaped, the message stays one line.
      const where = (error as Error).message.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
      throw new SpaceError('invalid-json', { parameter: '(document)', problem: `not valid JSON (${where})`, cause: error });
    }
  }
  const root = asItem(document, '(document)');
  const list = (key: string, required: boolean): readonly unknown[] => {
    const v = root.data[key];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v)) throw jsonError(root, `field "${key}" must be an array`);
    return v;
  };

  const hyperparameters = list('hyperparameters', true).map((value, i) => {
    const item = asItem(value, `hyperparameters[${i}]`);
    return (codec.hyperparameterReaders.get(typeOf(item, codec.hyperparameterReaders, 'hyperparameter')) as NonNullable<
      ReturnType<typeof codec.hyperparameterReaders.get>
    >)(item);
  });

  const readCondition = (value: unknown, path: string): Condition => {
    const item = asItem(value, path);
    const reader = codec.conditionReaders.get(typeOf(item, codec.conditionReaders, 'condition'));
    return (reader as NonNullable<typeof reader>)(item, readCondition);
  };
  const conditions = list('conditions', false).map((value, i) => readCondition(value, `conditions[${i}]`));

  const readForbidden = (value: unknown, path: string): ForbiddenClause => {
    const item = asItem(value, path);
    const reader = codec.forbiddenReaders.get(typeOf(item, codec.forbiddenReaders, 'forbidden'));
    return (reader as NonNullable<typeof reader>)(item, readForbidden);
  };
  const forbiddens = list('forbiddens', false).map((value, i) => readForbidden(value, `forbiddens[${i}]`));

  const name = typeof root.data['name'] === 'string' ? (root.data['name'] as string) : options.name;
  try {
    return new ConfigurationSpace({ ...(name === undefined ? {} : { name }), parameters: hyperparameters, conditions, forbiddens });
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
