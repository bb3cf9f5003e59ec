import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CoreError } from '../errors/CoreError';
import { fixtureRandomOptimizer, quadraticBenchmark } from '../testing/coreFixtures';
import { createRegistry } from './createRegistry';
import { definePlugin } from './definePlugin';
import type { OptimizerDescriptor } from './PluginDescriptor';

const descriptor = (id: string): OptimizerDescriptor<{ population: number }> => ({
  id,
  summary: `the ${id} optimizer`,
  capabilities: { objectives: 'single', multiFidelity: false, asynchronous: true },
  options: z.object({ population: z.number().int().min(2).default(10) }).strict(),
  create: (_options, context) => fixtureRandomOptimizer(context.space, {}, context.seed),
});
const moduleOf = (...ids: string[]) => definePlugin({ optimizers: ids.map(descriptor) });
const benchmark = quadraticBenchmark();
const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 };

describe('PluginRegistry', () => {
  test('collects descriptors from every loaded module', () => {
    const registry = createRegistry([moduleOf('b'), moduleOf('a')]);
    expect(registry.list('optimizer').map((d) => d.id)).toEqual(['a', 'b']);
    expect(registry.list('benchmark')).toEqual([]);
  });

  test('an unknown id lists what is registered', () => {
    const registry = createRegistry([moduleOf('re', 'rs')]);
    expect(() => registry.get('optimizer', 'tpe')).toThrow('unknown optimizer "tpe"; registered: re, rs');
  });

  test('a duplicate id is a typed error', () => {
    try {
      createRegistry([moduleOf('rs'), moduleOf('rs')]);
      expect.unreachable();
    } catch (error) {
      expect(CoreError.is(error) && error.kind === 'duplicate-plugin').toBe(true);
    }
  });

  test('options are validated against the schema, naming the option', () => {
    const registry = createRegistry([moduleOf('re')]);
    expect(() => registry.createOptimizer('re', { population: 1 }, context)).toThrow(/option "population"/);
    expect(() => registry.createOptimizer('re', { populaton: 5 }, context)).toThrow(/unknown option "populaton"; options are: population/);
    expect(registry.createOptimizer('re', {}, context).capabilities.objectives).toBe('any');
  });

  test('an optimizer is refused for a task with the wrong number of objectives', () => {
    const registry = createRegistry([moduleOf('re')]);
    const two = { ...context, objectives: [...context.objectives, { name: 'b', direction: 'minimize' as const, cheap: true }] };
    expect(() => registry.createOptimizer('re', {}, two)).toThrow(/exactly one objective/);
  });
});
