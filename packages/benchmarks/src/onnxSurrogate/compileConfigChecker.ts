import type { ParameterSpec } from '@jahskit/core';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { Condition } from '@jahskit/spaces';
import { legalValueCheck } from './legalValueCheck';

/** Returns the name of the first offending parameter (or unknown key), or undefined when legal. */
export type ConfigChecker = (config: Readonly<Record<string, unknown>>) => string | undefined;

type Predicate = (config: Readonly<Record<string, unknown>>, active: Uint8Array) => boolean;

/**
 * A fast legality check of a configuration: every active parameter present with a legal value, no
 * inactive or unknown key. It only answers yes or no, in one pass without allocation; on "no" the
 * caller asks the space's own `validate` for the full typed error. Parents are evaluated before their
 * children (topological order), and a condition on an inactive parent is false, as in ConfigSpace.
 */
export function compileConfigChecker(parameters: readonly ParameterSpec[], conditions: readonly Condition[]): ConfigChecker {
  const index = new Map(parameters.map((p, i) => [p.name, i]));
  const byChild = new Map<string, Condition>();
  for (const condition of conditions) {
    if (!index.has(condition.child)) throw definitionError(`condition on unknown parameter "${condition.child}"`, condition.child);
    for (const parent of parentsOf(condition)) {
      if (!index.has(parent)) throw definitionError(`condition of "${condition.child}" on unknown parent "${parent}"`, condition.child);
    }
    const previous = byChild.get(condition.child);
    byChild.set(condition.child, previous === undefined ? condition : { type: 'AND', child: condition.child, conditions: [previous, condition] });
  }
  const order = topologicalOrder(parameters, byChild, index);
  const names = order.map((i) => parameters[i]!.name);
  const legal = order.map((i) => legalValueCheck(parameters[i]!));
  const predicates = order.map((i) => {
    const condition = byChild.get(parameters[i]!.name);
    return condition === undefined ? undefined : compilePredicate(condition, index, parameters);
  });
  const active = new Uint8Array(parameters.length);
  const positions = Int32Array.from(order);
  const known = new Set(parameters.map((p) => p.name));

  return (config) => {
    let present = 0;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const predicate = predicates[k];
      const isActive = predicate === undefined || predicate(config, active);
      active[positions[k]!] = isActive ? 1 : 0;
      const value = config[name];
      if (isActive) {
        if (value === undefined || !legal[k]!(value)) return name;
        present++;
      } else if (value !== undefined) return name;
    }
    let keys = 0;
    for (const key in config) {
      keys++;
      if (keys > present) break;
    }
    if (keys !== present) for (const key of Object.keys(config)) if (!known.has(key)) return key;
    return undefined;
  };
}

function compilePredicate(condition: Condition, index: ReadonlyMap<string, number>, parameters: readonly ParameterSpec[]): Predicate {
  if (condition.type === 'AND' || condition.type === 'OR') {
    const parts = condition.conditions.map((c) => compilePredicate(c, index, parameters));
    return condition.type === 'AND' ? (c, a) => parts.every((p) => p(c, a)) : (c, a) => parts.some((p) => p(c, a));
  }
  const parent = condition.parent;
  const at = index.get(parent);
  if (at === undefined) throw definitionError(`condition of "${condition.child}" on unknown parent "${parent}"`, condition.child);
  switch (condition.type) {
    case 'EQ': {
      const v = condition.value;
      return (c, a) => a[at] === 1 && c[parent] === v;
    }
    case 'NEQ': {
      const v = condition.value;
      return (c, a) => a[at] === 1 && c[parent] !== v;
    }
    case 'LT':
    case 'GT': {
      // Ordinals compare by position in their sequence, as in ConfigSpace.
      const spec = parameters[at]!;
      const rank = spec.type === 'ordinal' ? (x: unknown) => spec.sequence.indexOf(x as never) : (x: unknown) => x as number;
      const v = rank(condition.value);
      return condition.type === 'LT' ? (c, a) => a[at] === 1 && rank(c[parent]) < v : (c, a) => a[at] === 1 && rank(c[parent]) > v;
    }
    case 'IN': {
      const values = new Set(condition.values);
      return (c, a) => a[at] === 1 && values.has(c[parent]);
    }
  }
}

function parentsOf(condition: Condition): string[] {
  return condition.type === 'AND' || condition.type === 'OR' ? condition.conditions.flatMap(parentsOf) : [condition.parent];
}

function topologicalOrder(parameters: readonly ParameterSpec[], byChild: ReadonlyMap<string, Condition>, index: ReadonlyMap<string, number>): number[] {
  const order: number[] = [];
  const state = new Uint8Array(parameters.length);
  const visit = (i: number): void => {
    if (state[i] === 2) return;
    const name = parameters[i]!.name;
    if (state[i] === 1) throw definitionError(`conditions form a cycle through "${name}"`, name);
    state[i] = 1;
    const condition = byChild.get(name);
    if (condition !== undefined) for (const parent of parentsOf(condition)) visit(index.get(parent)!);
    state[i] = 2;
    order.push(i);
  };
  parameters.forEach((_, i) => visit(i));
  return order;
}

function definitionError(message: string, parameter: string): BenchmarkError {
  return new BenchmarkError('invalid-definition', message, { parameter });
}
