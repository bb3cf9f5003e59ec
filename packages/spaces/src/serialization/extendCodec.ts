import type { ParameterType } from '@jahskit/core';
import type { ConditionType } from '../conditions/Condition';
import type { ForbiddenType } from '../forbiddens/ForbiddenClause';
import type {
  ConditionReader,
  ConditionWriter,
  ConfigSpaceJsonCodec,
  ForbiddenReader,
  ForbiddenWriter,
  HyperparameterReader,
  HyperparameterWriter,
} from './ConfigSpaceJsonCodec';

/** Entries to add to (or replace in) a codec's tables. */
export interface CodecExtension {
  readonly hyperparameterReaders?: Readonly<Record<string, HyperparameterReader>>;
  readonly hyperparameterWriters?: Readonly<Partial<Record<ParameterType, HyperparameterWriter>>>;
  readonly conditionReaders?: Readonly<Record<string, ConditionReader>>;
  readonly conditionWriters?: Readonly<Partial<Record<ConditionType, ConditionWriter>>>;
  readonly forbiddenReaders?: Readonly<Record<string, ForbiddenReader>>;
  readonly forbiddenWriters?: Readonly<Partial<Record<ForbiddenType, ForbiddenWriter>>>;
}

function merge<K, V>(base: ReadonlyMap<K, V>, extra: Readonly<Partial<Record<string, V>>> | undefined): ReadonlyMap<K, V> {
  const out = new Map(base);
  for (const [key, value] of Object.entries(extra ?? {})) if (value !== undefined) out.set(key as K, value);
  return out;
}

/**
 * A new codec: `base`'s tables plus `extension`'s entries (which win). The base is not modified,
 * so extending is free of global side effects. Example: read `normal_float` as a uniform float
 * over mu +- 3 sigma with `extendCodec(DEFAULT_CODEC, { hyperparameterReaders: { normal_float: ... } })`.
 */
export function extendCodec(base: ConfigSpaceJsonCodec, extension: CodecExtension): ConfigSpaceJsonCodec {
  return Object.freeze({
    hyperparameterReaders: merge(base.hyperparameterReaders, extension.hyperparameterReaders),
    hyperparameterWriters: merge(base.hyperparameterWriters, extension.hyperparameterWriters),
    conditionReaders: merge(base.conditionReaders, extension.conditionReaders),
    conditionWriters: merge(base.conditionWriters, extension.conditionWriters),
    forbiddenReaders: merge(base.forbiddenReaders, extension.forbiddenReaders),
    forbiddenWriters: merge(base.forbiddenWriters, extension.forbiddenWriters),
  });
}
