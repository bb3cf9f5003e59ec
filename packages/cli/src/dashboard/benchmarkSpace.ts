import { createRegistry, type JsonValue, type SearchSpace } from '@jahskit/core';
import { defaultModules } from '../defaultModules';

const spaces = new Map<string, Promise<SearchSpace | undefined>>();

/**
 * The search space of a run's benchmark, loaded from the shipped plugins once per benchmark and
 * options (the benchmark itself is closed: only its space is kept); undefined when it cannot be
 * loaded here (a plugin this build lacks, data that is not on this machine).
 */
export function benchmarkSpace(benchmark: string, options: Readonly<Record<string, JsonValue>>): Promise<SearchSpace | undefined> {
  const key = `${benchmark} ${JSON.stringify(options)}`;
  let space = spaces.get(key);
  if (space === undefined) {
    space = load(benchmark, options);
    spaces.set(key, space);
  }
  return space;
}

/** A run header names the benchmark by its own id ("nb201/cifar10"), whose plugin is the part before "/" or "@". */
async function load(id: string, options: Readonly<Record<string, JsonValue>>): Promise<SearchSpace | undefined> {
  const registry = createRegistry(defaultModules());
  for (const plugin of new Set([id, id.split(/[/@]/)[0] as string])) {
    try {
      const loaded = await registry.createBenchmark(plugin, options, { env: process.env });
      await loaded.close?.();
      return loaded.space;
    } catch {
      // Not this plugin, or it cannot load here: the next candidate, or the trials' own space.
    }
  }
  return undefined;
}
