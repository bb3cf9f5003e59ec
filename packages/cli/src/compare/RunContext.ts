import type { Benchmark, JsonValue, PluginRegistry } from '@jahskit/core';

/**
 * What the runs of one thread share: the registry, and benchmarks by id and options, because
 * loading a surrogate or a table costs far more than a run.
 */
export class RunContext {
  private readonly benchmarks = new Map<string, Promise<Benchmark>>();
  private loading = 0;

  constructor(
    readonly registry: PluginRegistry,
    readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  /** The name under which a benchmark is kept: equal keys share one loaded benchmark. */
  static key(id: string, options: Readonly<Record<string, JsonValue>>): string {
    return `${id} ${JSON.stringify(options)}`;
  }

  /** Seconds spent loading benchmarks so far: the grid tells loads from runs when it plans work. */
  get loadSeconds(): number {
    return this.loading;
  }

  /** Whether the benchmark of `key` is loaded or loading (a failed load is forgotten). */
  has(key: string): boolean {
    return this.benchmarks.has(key);
  }

  benchmark(id: string, options: Readonly<Record<string, JsonValue>>): Promise<Benchmark> {
    const key = RunContext.key(id, options);
    let benchmark = this.benchmarks.get(key);
    if (benchmark === undefined) {
      benchmark = this.load(id, options);
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

  private async load(id: string, options: Readonly<Record<string, JsonValue>>): Promise<Benchmark> {
    const started = performance.now();
    try {
      return await this.registry.createBenchmark(id, options, { env: this.env });
    } finally {
      this.loading += (performance.now() - started) / 1000;
    }
  }
}
