import type { Configuration, SearchSpace } from '@jahskit/core';

/**
 * The identity of a configuration, for duplicate checks: its values in the space's parameter order
 * (an inactive parameter leaves its slot empty), each written as JSON so that the number 1, the
 * string '1' and the boolean true stay apart. It does not depend on the order of the object's keys.
 */
export function configKey(space: SearchSpace, config: Configuration): string {
  let key = '';
  for (const p of space.parameters) {
    const v = config[p.name];
    key += v === undefined ? '|' : `${JSON.stringify(v)}|`;
  }
  return key;
}
