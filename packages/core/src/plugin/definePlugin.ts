import { CoreError } from '../errors/CoreError';
import type { BenchmarkDescriptor, OptimizerDescriptor, SpaceDescriptor } from './PluginDescriptor';

/** The plugins one module registers, by category. */
export interface PluginSet {
  readonly spaces?: readonly SpaceDescriptor[];
  readonly benchmarks?: readonly BenchmarkDescriptor[];
  readonly optimizers?: readonly OptimizerDescriptor[];
}

/**
 * What an app hands to {@link createRegistry}: plain, frozen data recognised by its `kind`, not a class
 * of a DI library. A module made by one copy of `@jahskit/core` (another version, the CommonJS build)
 * is therefore accepted by another, and an app's own inversify, of whatever major, never meets jahskit's.
 */
export interface PluginModule {
  readonly kind: 'jahskit-plugin-module';
  readonly plugins: Required<PluginSet>;
}

const PLUGIN_MODULE_KIND = 'jahskit-plugin-module';

const CATEGORIES = ['spaces', 'benchmarks', 'optimizers'] as const;

/**
 * A plugin module binding descriptors (never live instances) to their categories:
 * `export const fooModule = definePlugin({ optimizers: [fooDescriptor] })`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function definePlugin(plugins: PluginSet): PluginModule {
  if (typeof plugins !== 'object' || plugins === null) {
    throw new CoreError('invalid-argument', 'definePlugin takes an object such as { optimizers: [descriptor] }', {
      parameter: 'plugins',
      allowed: CATEGORIES.join(', '),
    });
  }
  for (const key of Object.keys(plugins)) {
    if (!(CATEGORIES as readonly string[]).includes(key)) {
      throw new CoreError('invalid-argument', `definePlugin: unknown category "${key}"; categories are ${CATEGORIES.join(', ')}`, {
        parameter: key,
        allowed: CATEGORIES.join(', '),
      });
    }
  }
  const copy = (category: (typeof CATEGORIES)[number]): readonly never[] => {
    const list: unknown = plugins[category] ?? [];
    if (!Array.isArray(list)) throw new CoreError('invalid-argument', `definePlugin: ${category} must be an array of descriptors`, { parameter: category });
    list.forEach((descriptor: unknown, i) => {
      const d = descriptor as { id?: unknown; create?: unknown } | null;
      if (typeof d !== 'object' || d === null || typeof d.id !== 'string' || d.id === '' || typeof d.create !== 'function') {
        throw new CoreError('invalid-argument', `definePlugin: ${category}[${i}] is not a descriptor (it needs a non-empty string id and a create function)`, {
          parameter: `${category}[${i}]`,
        });
      }
    });
    return Object.freeze([...list]) as readonly never[];
  };
  return Object.freeze({
    kind: PLUGIN_MODULE_KIND,
    plugins: Object.freeze({ spaces: copy('spaces'), benchmarks: copy('benchmarks'), optimizers: copy('optimizers') }),
  });
}

/** Whether a value is a plugin module made by {@link definePlugin} (of any copy of @jahskit/core). */
export function isPluginModule(value: unknown): value is PluginModule {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, plugins } = value as { kind?: unknown; plugins?: Record<string, unknown> };
  return kind === PLUGIN_MODULE_KIND && typeof plugins === 'object' && plugins !== null && CATEGORIES.every((c) => Array.isArray(plugins[c]));
}
