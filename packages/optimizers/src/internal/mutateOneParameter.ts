import type { Configuration, Rng, SearchSpace } from '@jahskit/core';

/**
 * A child that differs from `parent` in one active parameter, as in the mutation of regularised
 * evolution: the parameter is drawn uniformly among the active parameters that have at least one
 * neighbour, then its new value uniformly among those neighbours. The neighbours come from the space,
 * so parameters that a change activates are sampled and those it deactivates are dropped.
 *
 * `numericCount` is how many perturbations the space draws for each numeric parameter. When no
 * parameter can change (every active parameter is constant), the child is a fresh prior sample.
 */
export function mutateOneParameter(space: SearchSpace, parent: Configuration, rng: Rng, numericCount = 1): Configuration {
  const groups = groupNeighboursByParameter(space, parent, space.neighbours(parent, rng, numericCount));
  if (groups.length === 0) return space.sample(rng);
  const group = rng.pick(groups);
  return rng.pick(group);
}

/**
 * Neighbours of `parent` grouped by the active parameter whose value they change, in the space's
 * parameter order (empty groups omitted).
 */
export function groupNeighboursByParameter(space: SearchSpace, parent: Configuration, neighbours: readonly Configuration[]): Configuration[][] {
  const byName = new Map<string, Configuration[]>();
  for (const neighbour of neighbours) {
    const changed = changedParameter(space, parent, neighbour);
    if (changed === undefined) continue;
    const group = byName.get(changed);
    if (group === undefined) byName.set(changed, [neighbour]);
    else group.push(neighbour);
  }
  const groups: Configuration[][] = [];
  for (const spec of space.parameters) {
    const group = byName.get(spec.name);
    if (group !== undefined) groups.push(group);
  }
  return groups;
}

/** The first parameter (in space order) active in both configurations whose value differs. */
function changedParameter(space: SearchSpace, parent: Configuration, child: Configuration): string | undefined {
  for (const spec of space.parameters) {
    const a = parent[spec.name];
    const b = child[spec.name];
    if (a !== undefined && b !== undefined && a !== b) return spec.name;
  }
  return undefined;
}
