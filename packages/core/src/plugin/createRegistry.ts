import { Container } from 'inversify';
import { CoreError } from '../errors/CoreError';
import { isPluginModule, type PluginModule } from './definePlugin';
import type { BenchmarkDescriptor, OptimizerDescriptor, SpaceDescriptor } from './PluginDescriptor';
import { PluginRegistry } from './PluginRegistry';
import { BENCHMARK_PLUGIN, OPTIMIZER_PLUGIN, SPACE_PLUGIN } from './tokens';

const REGISTRY = Symbol.for('jahskit.registry');

/**
 * The composition root: the registry of the plugin modules an app chooses (no package registers
 * itself). The container is jahskit's own: modules are plain data from {@link definePlugin}, so the
 * inversify an app may use for itself, of any version, never has to load them.
 */
export function createRegistry(modules: readonly PluginModule[]): PluginRegistry {
  if (!Array.isArray(modules)) throw new CoreError('invalid-argument', 'createRegistry takes an array of plugin modules', { parameter: 'modules' });
  const container = new Container({ defaultScope: 'Singleton' });
  modules.forEach((module: unknown, i) => {
    if (!isPluginModule(module)) throw notAModule(module, i);
    const { spaces, benchmarks, optimizers } = module.plugins;
    for (const d of spaces) container.bind(SPACE_PLUGIN).toConstantValue(d);
    for (const d of benchmarks) container.bind(BENCHMARK_PLUGIN).toConstantValue(d);
    for (const d of optimizers) container.bind(OPTIMIZER_PLUGIN).toConstantValue(d);
  });
  container.bind<PluginRegistry>(REGISTRY).toResolvedValue(
    (spaces: SpaceDescriptor[], benchmarks: BenchmarkDescriptor[], optimizers: OptimizerDescriptor[]) => new PluginRegistry(spaces, benchmarks, optimizers),
    [SPACE_PLUGIN, BENCHMARK_PLUGIN, OPTIMIZER_PLUGIN].map((serviceIdentifier) => ({
      serviceIdentifier,
      isMultiple: true as const,
      optional: true,
    })) as never,
  );
  return container.get<PluginRegistry>(REGISTRY);
}

function notAModule(value: unknown, i: number): CoreError {
  // inversify 7-8's ContainerModule has `load`, inversify 6's `registry`; both have a numeric id.
  const m = value as { id?: unknown; load?: unknown; registry?: unknown } | null;
  const load = typeof m === 'object' && m !== null && typeof m.id === 'number' && (typeof m.load === 'function' || typeof m.registry === 'function');
  const what = load ? 'an inversify ContainerModule' : value === null ? 'null' : typeof value;
  return new CoreError(
    'invalid-argument',
    `createRegistry: modules[${i}] is ${what}, not a jahskit plugin module; make plugin modules with definePlugin({ optimizers: [descriptor] }) from @jahskit/core` +
      (load ? ' (jahskit keeps its own container, so plugins need no inversify of any version)' : ''),
    { parameter: `modules[${i}]`, allowed: 'a module made by definePlugin' },
  );
}
