import type { ParamValue } from '@jahskit/core';

/** A comparison of one parent's value: `child` is active iff the parent is active and the comparison holds. */
export type ValueCondition = {
  /** EQ: parent == value; NEQ: parent != value; LT / GT: parent < / > value (ordinals by sequence position). */
  readonly type: 'EQ' | 'NEQ' | 'LT' | 'GT';
  readonly child: string;
  readonly parent: string;
  readonly value: ParamValue;
};

/** `child` is active iff the parent is active and its value is one of `values`. */
export type InCondition = {
  readonly type: 'IN';
  readonly child: string;
  readonly parent: string;
  readonly values: readonly ParamValue[];
};

/** A conjunction (AND) or disjunction (OR) of conditions on the same child. */
export type ConjunctionCondition = {
  readonly type: 'AND' | 'OR';
  readonly child: string;
  readonly conditions: readonly Condition[];
};

/**
 * When a parameter is active, as plain data in ConfigSpace's vocabulary (and JSON type strings).
 * As in ConfigSpace a child has at most one condition; combine several with AND / OR.
 */
export type Condition = ValueCondition | InCondition | ConjunctionCondition;

export type ConditionType = Condition['type'];
