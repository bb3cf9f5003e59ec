import type { JsonValue, ParameterType } from '@jahskit/core';
import type { Condition, ConditionType } from '../conditions/Condition';
import type { ForbiddenClause, ForbiddenType } from '../forbiddens/ForbiddenClause';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import type { ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';
import type { JsonItem } from './jsonFields';

/** A JSON object as written by the codec. */
export type JsonObject = { [key: string]: JsonValue };

/** Reads one `hyperparameters[]` item. */
export type HyperparameterReader = (item: JsonItem) => Hyperparameter;
/** Writes one hyperparameter as a ConfigSpace JSON item (with its `type` string) in `format` (default '0.4'). */
export type HyperparameterWriter = (hyperparameter: Hyperparameter, format?: ConfigSpaceJsonFormat) => JsonObject;
/** Reads one `conditions[]` item; `nested` reads the components of AND / OR. */
export type ConditionReader = (item: JsonItem, nested: (value: unknown, path: string) => Condition) => Condition;
export type ConditionWriter = (condition: Condition, nested: (condition: Condition) => JsonObject, format?: ConfigSpaceJsonFormat) => JsonObject;
/** Reads one `forbiddens[]` item; `nested` reads the clauses of AND. */
export type ForbiddenReader = (item: JsonItem, nested: (value: unknown, path: string) => ForbiddenClause) => ForbiddenClause;
export type ForbiddenWriter = (clause: ForbiddenClause, nested: (clause: ForbiddenClause) => JsonObject, format?: ConfigSpaceJsonFormat) => JsonObject;

/**
 * The tables of the ConfigSpace JSON codec: readers keyed by the JSON `type` string, writers keyed
 * by our own type (`ParameterSpec['type']`, `Condition['type']`, `ForbiddenClause['type']`).
 * {@link extendCodec} makes a new codec with more or replaced entries; the default is {@link DEFAULT_CODEC}.
 */
export interface ConfigSpaceJsonCodec {
  readonly hyperparameterReaders: ReadonlyMap<string, HyperparameterReader>;
  readonly hyperparameterWriters: ReadonlyMap<ParameterType, HyperparameterWriter>;
  readonly conditionReaders: ReadonlyMap<string, ConditionReader>;
  readonly conditionWriters: ReadonlyMap<ConditionType, ConditionWriter>;
  readonly forbiddenReaders: ReadonlyMap<string, ForbiddenReader>;
  readonly forbiddenWriters: ReadonlyMap<ForbiddenType, ForbiddenWriter>;
}
