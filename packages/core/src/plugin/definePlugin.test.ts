import { Container, ContainerModule } from 'inversify';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { coreErrorOf } from '../testing/coreErrorOf';
import { fixtureRandomOptimizer, quadraticBenchmark } from '../testing/coreFixtures';
import { createRegistry } from './createRegistry';
import { definePlugin, isPluginModule } from './definePlugin';
import type { BenchmarkDescriptor, OptimizerDescriptor, SpaceDescriptor } from './PluginDescriptor';

const optimizer: OptimizerDescriptor<Record<string, never>> = {
  id: 'fixture',
  summary: 'a fixture optimizer',
  capabilities: { objectives: 'single', multiFidelity: false, asynchronous: true },
  options: z.object({}).strict() as never,
  create: (_options, context) => fixtureRandomOptimizer(context.space, {}, context.seed),
};
const benchmark: BenchmarkDescriptor<Record<string, never>> = {
  id: 'quadratic',
  summary: 'a fixture benchmark',
  options: z.object({}).strict() as never,
  create: async () => quadraticBenchmark(),
};
const space: SpaceDescriptor<Record<string, never>> = {
  id: 'quadratic-space',
  summary: 'a fixture space',
  options: z.object({}).strict() as never,
  create: () => quadraticBenchmark().space,
};

describe('definePlugin', () => {
  test('a module registers descriptors of every category', () => {
    const registry = createRegistry([definePlugin({ optimizers: [optimizer], benchmarks: [benchmark] }), definePlugin({ spaces: [space] })]);
    expect(registry.list('optimizer').map((d) => d.id)).toEqual(['fixture']);
    expect(registry.list('benchmark').map((d) => d.id)).toEqual(['quadratic']);
    expect(registry.list('space').map((d) => d.id)).toEqual(['quadratic-space']);
  });

  test('a module is plain frozen data, recognised by its shape', () => {
    const module = definePlugin({ optimizers: [optimizer] });
    expect(Object.isFrozen(module) && Object.isFrozen(module.plugins) && Object.isFrozen(module.plugins.optimizers)).toBe(true);
    // What another copy of @jahskit/core (another version, the CommonJS build) would have made.
    const copy = JSON.parse(JSON.stringify({ kind: module.kind, plugins: { spaces: [], benchmarks: [], optimizers: [] } })) as unknown;
    expect(isPluginModule(copy)).toBe(true);
    expect(isPluginModule({ kind: module.kind })).toBe(false);
  });

  test('an inversify ContainerModule, of this or another version, is one clear error', () => {
    // inversify 6's ContainerModule has `load` too, but takes a differently shaped callback.
    const inversify6 = { id: 1, registry: () => {} };
    for (const foreign of [new ContainerModule(() => {}), inversify6]) {
      const error = coreErrorOf(() => createRegistry([definePlugin({ optimizers: [optimizer] }), foreign as never]));
      expect(error.kind).toBe('invalid-argument');
      expect(error.parameter).toBe('modules[1]');
      expect(error.message).toMatch(
        /^createRegistry: modules\[1\] is an inversify ContainerModule, not a jahskit plugin module; make plugin modules with definePlugin/,
      );
      expect(error.message.split('\n')).toHaveLength(1);
    }
  });

  test.each([
    [null, /modules\[0\] is null/],
    [{ load: 1 }, /modules\[0\] is object/],
    [new Container(), /modules\[0\] is object/],
  ])('%o in the list is refused', (value, message) => {
    expect(coreErrorOf(() => createRegistry([value as never])).message).toMatch(message);
  });

  test.each([
    [{ optimiser: [optimizer] }, /unknown category "optimiser"; categories are spaces, benchmarks, optimizers/],
    [{ optimizers: optimizer }, /optimizers must be an array/],
    [{ optimizers: [{ id: '', create: () => undefined }] }, /optimizers\[0\] is not a descriptor/],
    [{ benchmarks: [{ id: 'x' }] }, /benchmarks\[0\] is not a descriptor/],
    [null, /takes an object/],
  ])('bad input %o is a CoreError naming the category', (plugins, message) => {
    const error = coreErrorOf(() => definePlugin(plugins as never));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toMatch(message);
  });
});
