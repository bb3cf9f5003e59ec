import type { ParamValue } from '@jahskit/core';
import type { Condition, ConditionType, ConjunctionCondition, InCondition, ValueCondition } from '../conditions/Condition';
import type { ConditionReader, ConditionWriter, JsonObject } from './ConfigSpaceJsonCodec';
import { jsonError, readArray, readString, readValue, readValues } from './jsonFields';

function valueReader(type: ValueCondition['type']): ConditionReader {
  return (item) => Object.freeze({ type, child: readString(item, 'child'), parent: readString(item, 'parent'), value: readValue(item, 'value') });
}

const readIn: ConditionReader = (item) =>
  Object.freeze({
    type: 'IN',
    child: readString(item, 'child'),
    parent: readString(item, 'parent'),
    values: Object.freeze(readValues(item, 'values')),
  });

function conjunctionReader(type: ConjunctionCondition['type']): ConditionReader {
  return (item, nested) => {
    const parts = readArray(item, 'conditions').map((c, i) => nested(c, `${item.path}.conditions[${i}]`));
    const first = parts[0];
    if (first === undefined) throw jsonError(item, `${type} needs at least one condition`);
    const child = item.data['child'] ?? first.child;
    for (const part of parts) {
      if (part.child !== child) throw jsonError(item, `every part of ${type} must have the child "${String(child)}", found "${part.child}"`);
    }
    return Object.freeze({ type, child: first.child, conditions: Object.freeze(parts) });
  };
}

/** Default condition readers, keyed by ConfigSpace JSON `type`. */
export const CONDITION_READERS: ReadonlyMap<string, ConditionReader> = new Map<string, ConditionReader>([
  ['EQ', valueReader('EQ')],
  ['NEQ', valueReader('NEQ')],
  ['LT', valueReader('LT')],
  ['GT', valueReader('GT')],
  ['IN', readIn],
  ['AND', conjunctionReader('AND')],
  ['OR', conjunctionReader('OR')],
]);

const writeValue: ConditionWriter = (c) => {
  const v = c as ValueCondition;
  return { child: v.child, parent: v.parent, type: v.type, value: v.value as ParamValue };
};

const writeConjunction: ConditionWriter = (c, nested) => {
  const v = c as ConjunctionCondition;
  return { child: v.child, type: v.type, conditions: v.conditions.map((part: Condition): JsonObject => nested(part)) };
};

/** Default condition writers, keyed by `Condition['type']`. */
export const CONDITION_WRITERS: ReadonlyMap<ConditionType, ConditionWriter> = new Map<ConditionType, ConditionWriter>([
  ['EQ', writeValue],
  ['NEQ', writeValue],
  ['LT', writeValue],
  ['GT', writeValue],
  [
    'IN',
    (c) => {
      const v = c as InCondition;
      return { child: v.child, parent: v.parent, type: 'IN', values: [...v.values] };
    },
  ],
  ['AND', writeConjunction],
  ['OR', writeConjunction],
]);
