import type { OptimizerDescriptor } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { mobohbDescriptor } from '../../mobohb/mobohbModule';
import { shemoaDescriptor } from '../../shemoa/shemoaModule';
import { halfFrontOptimizer } from './constrainedMoFixtures';

const cases: [string, OptimizerDescriptor, object][] = [
  ['mobohb', mobohbDescriptor, { minPoints: 4 }],
  ['shemoa', shemoaDescriptor, { population: 6 }],
];

describe('MoBracketOptimizer with constraints', () => {
  test.each(cases)('%s promotes feasible entries before infeasible ones that dominate them, then the least violating', (_, descriptor, options) => {
    const optimizer = halfFrontOptimizer(descriptor, options, 3, { fidelity: true });
    const first = optimizer.ask(100);
    // One trial in four is feasible; the others dominate every feasible one but break the constraint
    // (the later, the less), so the promoted rung takes every feasible entry and fills up with those.
    optimizer.tell(
      first.map((trial, i) => ({
        trial,
        status: 'ok' as const,
        values: i % 4 !== 0 ? [i / 100, 1 - i / 100] : [10 + i, 20 - i],
        metrics: {},
        cost: 1,
        constraints: [i % 4 !== 0 ? 10 - i / 100 : -1],
      })),
    );
    const promoted = optimizer.ask(100);
    const feasible = Math.ceil(first.length / 4);
    expect(promoted.length).toBeGreaterThan(0);
    expect(promoted.every((t) => t.continues !== undefined)).toBe(true);
    const parents = promoted.map((t) => first.findIndex((f) => f.id === t.continues));
    expect(promoted.length).toBeGreaterThan(feasible);
    expect(parents.filter((i) => i % 4 === 0)).toHaveLength(feasible);
    const infeasible = parents.filter((i) => i % 4 !== 0).sort((a, b) => b - a);
    const leastViolating = first
      .map((_, i) => i)
      .filter((i) => i % 4 !== 0)
      .sort((a, b) => b - a)
      .slice(0, infeasible.length);
    expect(infeasible).toEqual(leastViolating);
  });
});
