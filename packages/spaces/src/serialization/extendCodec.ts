import type { ConfigSpaceJsonCodec } from './ConfigSpaceJsonCodec';

/**
 * Entries to add to (or replace in) a codec's tables: any of {@link ConfigSpaceJsonCodec}'s tables, as
 * a plain object with the same keys and entries (derived from the codec, so a new table is extensible
 * at once).
 */
export type CodecExtension = {
  readonly [Table in keyof ConfigSpaceJsonCodec]?: ConfigSpaceJsonCodec[Table] extends ReadonlyMap<infer Key extends string, infer Entry>
    ? Readonly<Partial<Record<Key, Entry>>>
    : never;
};

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
