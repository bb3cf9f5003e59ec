import type { PluginRegistry } from '@jahskit/core';
import { defaultModules } from '../defaultModules';
import { optimizerIdOf } from './optimizerVariant';
import type { Protocol } from './Protocol';

/**
 * Whether grid threads can run these protocols and optimizers: a thread builds its registry from the
 * plugins jahskit ships (module objects do not cross threads), so a benchmark or an optimizer that an
 * app registered itself, or registered in place of a shipped one, is run by the grid's own thread.
 */
export function gridThreadsCanRun(registry: PluginRegistry, protocols: readonly Protocol[], optimizers: readonly { readonly id: string }[]): boolean {
  // The shipped modules' descriptors, read off the modules: a registry of them (a container, its
  // checks) cost a grid of several threads some 40 ms of CPU before its first run.
  const shipped = defaultModules().map((m) => m.plugins);
  const benchmarks = shipped.flatMap((p) => p.benchmarks);
  const shippedOptimizers = shipped.flatMap((p) => p.optimizers);
  return (
    protocols.every((p) => benchmarks.some((d) => d.id === p.benchmark && d === registry.get('benchmark', p.benchmark))) &&
    optimizers.every((o) => {
      const id = optimizerIdOf(o.id);
      return shippedOptimizers.some((d) => d.id === id && d === registry.get('optimizer', id));
    })
  );
}
