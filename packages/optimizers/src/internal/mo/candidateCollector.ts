import type { Configuration, SearchSpace } from '@jahskit/core';
import { configKey } from '../configKey';

/** Collects acquisition candidates in order, dropping repeats and configurations `exclude` rejects. */
export function candidateCollector(
  space: SearchSpace,
  exclude: (key: string) => boolean,
): { offer(config: Configuration): void; readonly candidates: Configuration[] } {
  const seen = new Set<string>();
  const candidates: Configuration[] = [];
  return {
    candidates,
    offer(config) {
      const key = configKey(space, config);
      if (seen.has(key) || exclude(key)) return;
      seen.add(key);
      candidates.push(config);
    },
  };
}
