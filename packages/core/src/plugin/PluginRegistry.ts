import type { Benchmark } from '../benchmark/Benchmark';
import { CoreError } from '../errors/CoreError';
import type { Optimizer } from '../optimizer/Optimizer';
import type { OptimizerContext } from '../optimizer/OptimizerContext';
import type { SearchSpace } from '../space/SearchSpace';
import type { BenchmarkContext, BenchmarkDescriptor, OptimizerDescriptor, PluginDescriptor, SpaceDescriptor } from './PluginDescriptor';
import type { PluginCategory } from './tokens';
import { validateOptions } from './validateOptions';
import { handlesObjectives } from '../optimizer/handlesObjectives';

type AnyDescriptor = PluginDescriptor<unknown, unknown, unknown>;

/**
 * Every plugin the composition root loaded, by category. Built by {@link createRegistry} from the
 * modules an app chose, so a plugin appears here because its module was loaded, never because some
 * file was imported.
 */
export class PluginRegistry {
  private readonly byCategory: ReadonlyMap<PluginCategory, ReadonlyMap<string, AnyDescriptor>>;

  constructor(
    spaces: readonly SpaceDescriptor[] | undefined,
    benchmarks: readonly BenchmarkDescriptor[] | undefined,
    optimizers: readonly OptimizerDescriptor[] | undefined,
  ) {
    this.byCategory = new Map<PluginCategory, ReadonlyMap<string, AnyDescriptor>>([
      ['space', index('space', spaces ?? [])],
      ['benchmark', index('benchmark', benchmarks ?? [])],
      ['optimizer', index('optimizer', optimizers ?? [])],
    ]);
  }

  /** Descriptors of a category, sorted by id. */
  list(category: 'space'): readonly SpaceDescriptor[];
  list(category: 'benchmark'): readonly BenchmarkDescriptor[];
  list(category: 'optimizer'): readonly OptimizerDescriptor[];
  list(category: PluginCategory): readonly AnyDescriptor[] {
    return [...(this.byCategory.get(category)?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The descriptor with this id; an unknown id is a CoreError listing the registered ones. */
  get(category: 'space', id: string): SpaceDescriptor;
  get(category: 'benchmark', id: string): BenchmarkDescriptor;
  get(category: 'optimizer', id: string): OptimizerDescriptor;
  get(category: PluginCategory, id: string): AnyDescriptor {
    const found = this.byCategory.get(category)?.get(id);
    if (found === undefined) {
      const known = this.list(category as 'space').map((d) => d.id);
      throw new CoreError('unknown-plugin', `unknown ${category} "${id}"; registered: ${known.join(', ') || '(none)'}`, {
        parameter: category,
        allowed: known.join(', '),
      });
    }
    return found;
  }

  createOptimizer(id: string, options: unknown, context: OptimizerContext): Optimizer {
    const descriptor = this.get('optimizer', id);
    checkCompatible(descriptor, context);
    return descriptor.create(validateOptions(descriptor.options, options, `optimizer "${id}"`), context);
  }

  createBenchmark(id: string, options: unknown, context: BenchmarkContext): Promise<Benchmark> {
    const descriptor = this.get('benchmark', id);
    return descriptor.create(validateOptions(descriptor.options, options, `benchmark "${id}"`), context);
  }

  createSpace(id: string, options: unknown): SearchSpace {
    const descriptor = this.get('space', id);
    return descriptor.create(validateOptions(descriptor.options, options, `space "${id}"`), {});
  }
}

function index<D extends { readonly id: string }>(category: PluginCategory, descriptors: readonly D[]): Map<string, D> {
  const map = new Map<string, D>();
  for (const descriptor of descriptors) {
    if (map.has(descriptor.id)) {
      throw new CoreError('duplicate-plugin', `${category} "${descriptor.id}" is registered twice; each plugin id must be unique`, {
        parameter: category,
      });
    }
    map.set(descriptor.id, descriptor);
  }
  return map;
}

function checkCompatible(descriptor: OptimizerDescriptor, context: OptimizerContext): void {
  const m = context.objectives.length;
  const wants = descriptor.capabilities.objectives;
  if (!handlesObjectives(descriptor.capabilities, m)) {
    throw new CoreError(
      'invalid-argument',
      `optimizer "${descriptor.id}" handles ${wants === 'single' ? 'exactly one objective' : 'two or more objectives'}, but the task has ${m}`,
      { parameter: 'objectives', allowed: wants === 'single' ? '1' : '>= 2' },
    );
  }
}
