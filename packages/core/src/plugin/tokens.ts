import type { ServiceIdentifier } from 'inversify';
import type { BenchmarkDescriptor, OptimizerDescriptor, SpaceDescriptor } from './PluginDescriptor';

// Symbol.for, not Symbol: two copies of @jahskit/core in one app must still share the tokens.

/** Category token for search-space plugins. */
export const SPACE_PLUGIN: ServiceIdentifier<SpaceDescriptor> = Symbol.for('jahskit.plugin.space');
/** Category token for benchmark plugins. */
export const BENCHMARK_PLUGIN: ServiceIdentifier<BenchmarkDescriptor> = Symbol.for('jahskit.plugin.benchmark');
/** Category token for optimizer plugins. */
export const OPTIMIZER_PLUGIN: ServiceIdentifier<OptimizerDescriptor> = Symbol.for('jahskit.plugin.optimizer');

export type PluginCategory = 'space' | 'benchmark' | 'optimizer';
