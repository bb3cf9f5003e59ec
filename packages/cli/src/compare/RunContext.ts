import type { Benchmark, JsonValue, PluginRegistry } from '@jahskit/core';

/**
 * What the runs of one thread share: the registry, and benchmarks by id and options, because
 * loading a surrogate or a table costs far more than a run.
 */
export class RunContext {
  private readonly benchmarks = new Map<string, Promise<Benchmark>>();

  constructor(
    readonly registry: PluginRegistry,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  benchmark(id: string, options: Readonly<Record<string, JsonValue>>): Promise<Benchmark> {
    const key = `${id} ${JSON.stringify(options)}`;
    let benchmark = this.benchmarks.get(key);
    if (benchmark === undefined) {
      benchmark = this.registry.createBenchmark(id, options, { env: this.env });
      // A failed load is not cached: the next run reports the same error, not a stale promise.
      benchmark.catch(() => this.benchmarks.delete(key));
      this.benchmarks.set(key, benchmark);
    }
    return benchmark;
  }

  async close(): Promise<void> {
    const all = [...this.benchmarks.values()];
    this.benchmarks.clear();
    await Promise.allSettled(all.map(async (b) => (await b).close?.()));
  }
}
