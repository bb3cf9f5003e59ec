import { createRegistry, definePlugin, type BenchmarkDescriptor, type PluginModule, type PluginRegistry } from '@jahskit/core';
import { jahsDescriptor } from '@jahskit/benchmarks/jahs';
import { createNb201Benchmark, loadNb201Table, nb201Descriptor, type DataFiles, type Nb201Table } from '@jahskit/benchmarks/nb201';
import { nb301Descriptor } from '@jahskit/benchmarks/nb301';
import { syntheticDescriptor } from '@jahskit/benchmarks/synthetic';
import * as optimizers from '@jahskit/optimizers';

/** The benchmarks the playground offers, in the order its menu lists them. */
export const PLAYGROUND_BENCHMARKS = ['nb201', 'synthetic', 'nb301', 'jahs'] as const;

/** The benchmarks whose data the page fetches: a folder of the package's `data/` each. */
export type PlaygroundDataId = Exclude<(typeof PLAYGROUND_BENCHMARKS)[number], 'synthetic'>;

/**
 * The registry of a playground study: every optimizer the optimizers package exports, and the four
 * benchmarks under their CLI ids and option schemas (so a study's options parse, default and print as
 * `jahskit run`'s do), reading their data from `files` instead of the package folder, which only Node
 * can read. In a browser `files` fetches from the page's own origin.
 */
export function playgroundRegistry(files: (id: PlaygroundDataId) => DataFiles): PluginRegistry {
  // The table is 1.8 MB: read once per registry, however many studies use it.
  let table: Promise<Nb201Table> | undefined;
  const nb201: BenchmarkDescriptor = {
    ...nb201Descriptor,

    create: async (options) => createNb201Benchmark(await (table ??= loadNb201Table(files('nb201'))), options as Parameters<typeof createNb201Benchmark>[1]),
  };
  const nb301: BenchmarkDescriptor = {
    ...nb301Descriptor,
    create: (options, context) => nb301Descriptor.create({ ...(options as object), files: files('nb301') } as never, context),
  };
  const jahs: BenchmarkDescriptor = {
    ...jahsDescriptor,
    create: (options, context) => jahsDescriptor.create({ ...(options as object), files: files('jahs') } as never, context),
  };
  return createRegistry([...optimizerModules(), definePlugin({ benchmarks: [nb201, syntheticDescriptor as BenchmarkDescriptor, nb301, jahs] })]);
}

/** The optimizers package's public list of modules, so a new optimizer shows up without a change here. */
function optimizerModules(): PluginModule[] {
  return Object.values(optimizers as Record<string, unknown>).filter(
    (value): value is PluginModule => typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'jahskit-plugin-module',
  );
}
