import type { Configuration, SearchSpace } from '@jahskit/core';

/** A canonical string of a configuration (parameters in the space's order), for duplicate checks. */
export function configKey(space: SearchSpace, config: Configuration): string {
  let key = '';
  for (const p of space.parameters) {
    const v = config[p.name];
    key += v === undefined ? '|' : `${String(v)}|`;
  }
  return key;
}
