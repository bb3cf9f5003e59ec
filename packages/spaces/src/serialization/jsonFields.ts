import type { JsonValue, ParamValue } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { isParamValue } from '../hyperparameters/definitionChecks';
import type { ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';

/** A JSON object being read, with the path used in error messages (`hyperparameters[3]`). */
export interface JsonItem {
  readonly path: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The dialect of the document (default '0.4'): where a field's meaning differs (log-scale normals). */
  readonly format?: ConfigSpaceJsonFormat;
}

/** Throws 'invalid-json' about `item`, naming its `name`/`child` when it has one. */
export function jsonError(item: JsonItem, problem: string, allowed?: string): SpaceError {
  const label = item.data['name'] ?? item.data['child'] ?? item.data['left'];
  return new SpaceError('invalid-json', {
    parameter: typeof label === 'string' ? label : item.path,
    problem: `${item.path}: ${problem}`,
    ...(allowed === undefined ? {} : { allowed }),
  });
}

/** Checks that `value` is a JSON object and wraps it as an item. */
export function asItem(value: unknown, path: string, format?: ConfigSpaceJsonFormat): JsonItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpaceError('invalid-json', { parameter: path, problem: `expected an object, got ${formatValue(value)}` });
  }
  return { path, data: value as Record<string, unknown>, ...(format === undefined ? {} : { format }) };
}

export function readString(item: JsonItem, key: string): string {
  const v = item.data[key];
  if (typeof v !== 'string' || v.length === 0) throw jsonError(item, `field "${key}" must be a non-empty string, got ${formatValue(v)}`);
  return v;
}

export function readNumber(item: JsonItem, key: string): number {
  const v = item.data[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw jsonError(item, `field "${key}" must be a finite number, got ${formatValue(v)}`);
  return v;
}

/** A number, or undefined when the field is absent or null. */
export function readOptionalNumber(item: JsonItem, key: string): number | undefined {
  const v = item.data[key];
  return v === undefined || v === null ? undefined : readNumber(item, key);
}

export function readBoolean(item: JsonItem, key: string, fallback: boolean): boolean {
  const v = item.data[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw jsonError(item, `field "${key}" must be a boolean, got ${formatValue(v)}`);
  return v;
}

export function readValue(item: JsonItem, key: string): ParamValue {
  const v = item.data[key];
  if (!isParamValue(v)) throw jsonError(item, `field "${key}" must be a string, finite number or boolean, got ${formatValue(v)}`);
  return v;
}

/** A value, or undefined when absent or null. */
export function readOptionalValue(item: JsonItem, key: string): ParamValue | undefined {
  const v = item.data[key];
  return v === undefined || v === null ? undefined : readValue(item, key);
}

export function readArray(item: JsonItem, key: string): readonly unknown[] {
  const v = item.data[key];
  if (!Array.isArray(v)) throw jsonError(item, `field "${key}" must be an array, got ${formatValue(v)}`);
  return v;
}

export function readValues(item: JsonItem, key: string): ParamValue[] {
  return readArray(item, key).map((v, i) => {
    if (!isParamValue(v)) throw jsonError(item, `${key}[${i}] must be a string, finite number or boolean, got ${formatValue(v)}`);
    return v;
  });
}

/** The `meta` field (any JSON), or undefined when absent or null. */
export function readMeta(item: JsonItem): JsonValue | undefined {
  const v = item.data['meta'];
  return v === undefined || v === null ? undefined : (v as JsonValue);
}
