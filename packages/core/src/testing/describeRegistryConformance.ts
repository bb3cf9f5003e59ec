import { describe } from 'vitest';
import type { Benchmark } from '../benchmark/Benchmark';
import type { OptimizerDescriptor } from '../plugin/PluginDescriptor';
import type { PluginRegistry } from '../plugin/PluginRegistry';
import { describeBenchmarkConformance } from './benchmarkConformance';
import { describeOptimizerConformance, type OptimizerConformanceOptions } from './optimizerConformance';
import { describeSpaceConformance } from './spaceConformance';

export interface RegistryConformanceOptions {
  /** A benchmark whose task suits the optimizer (by its capabilities). */
  readonly benchmarkFor: (descriptor: OptimizerDescriptor) => () => Promise<Benchmark>;
  /**
   * Benchmark instances to check, by plugin id: options to create each with. A benchmark that is
   * missing here is checked once with its default options, unless it needs data, when it is skipped.
   */
  readonly benchmarkOptions?: Readonly<Record<string, readonly unknown[]>>;
  readonly evaluations?: number;
  /** Spaces of other kinds to run every optimizer over, with its default options (see the optimizer kit). */
  readonly spaces?: OptimizerConformanceOptions['spaces'];
  /**
   * Runs only every `of`-th optimizer from the `index`-th on (and the spaces and benchmarks only in slice
   * 0), so that the kit can be spread over several test files that a test runner runs in parallel.
   * Default: everything.
   */
  readonly slice?: { readonly index: number; readonly of: number };
}

/**
 * Runs the conformance kit over every plugin in `registry`: a plugin is covered as soon as its module
 * is loaded, with no test to edit.
 */
export function describeRegistryConformance(registry: PluginRegistry, options: RegistryConformanceOptions): void {
  const { index, of } = options.slice ?? { index: 0, of: 1 };
  describe('every registered optimizer', () => {
    for (const [i, descriptor] of registry.list('optimizer').entries()) {
      if (i % of !== index) continue;
      describeOptimizerConformance({
        descriptor,
        benchmark: options.benchmarkFor(descriptor),
        ...(options.evaluations !== undefined ? { evaluations: options.evaluations } : {}),
        ...(options.spaces !== undefined ? { spaces: options.spaces } : {}),
      });
    }
  });
  if (index !== 0) return;
  describe('every registered space', () => {
    for (const descriptor of registry.list('space')) describeSpaceConformance(descriptor.id, () => registry.createSpace(descriptor.id, {}));
  });
  describe('every registered benchmark', () => {
    for (const descriptor of registry.list('benchmark')) {
      const instances = options.benchmarkOptions?.[descriptor.id] ?? (descriptor.needsData ? [] : [{}]);
      instances.forEach((instanceOptions, i) => {
        let cached: Promise<Benchmark> | undefined;
        describeBenchmarkConformance({
          name: instances.length > 1 ? `${descriptor.id}#${i} ${JSON.stringify(instanceOptions)}` : descriptor.id,
          benchmark: () => (cached ??= registry.createBenchmark(descriptor.id, instanceOptions, { env: process.env })),
        });
      });
    }
  });
}
