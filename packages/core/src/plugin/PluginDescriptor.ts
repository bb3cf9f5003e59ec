import type { z } from 'zod';
import type { Benchmark } from '../benchmark/Benchmark';
import type { Optimizer, OptimizerCapabilities } from '../optimizer/Optimizer';
import type { OptimizerContext } from '../optimizer/OptimizerContext';
import type { SearchSpace } from '../space/SearchSpace';

/**
 * What a plugin module binds: a description and a factory, never a live instance (an optimizer
 * holds per-study state, so each study creates its own).
 */
export interface PluginDescriptor<Options, Product, Context> {
  readonly id: string;
  /** One line for `jahskit list`. */
  readonly summary: string;
  /** Validated by the registry before `create` is called; defaults fill in omitted options. */
  readonly options: z.ZodType<Options>;
  create(options: Options, context: Context): Product;
}

// `any` by default: a list of descriptors holds plugins of different option types (create is contravariant).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OptimizerDescriptor<Options = any> = PluginDescriptor<Options, Optimizer, OptimizerContext> & {
  readonly capabilities: OptimizerCapabilities;
};

/** Where a benchmark finds files it does not ship (user data folders, caches). */
export interface BenchmarkContext {
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Whether a benchmark's data is present; `jahskit list` and `jahskit data check` show it. */
export interface DataStatus {
  readonly ready: boolean;
  /** One line: where the data is, or what to set to point at it. */
  readonly detail: string;
  readonly files?: readonly { readonly path: string; readonly ok: boolean; readonly detail: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BenchmarkDescriptor<Options = any> = PluginDescriptor<Options, Promise<Benchmark>, BenchmarkContext> & {
  /** Named instances (datasets), when the benchmark has several. */
  readonly instances?: readonly string[];
  /** True when the benchmark needs files the user downloads separately. */
  readonly needsData?: boolean;
  /** Checks the benchmark's data files (presence, SHA-256). */
  checkData?(options: Options, context: BenchmarkContext): Promise<DataStatus>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SpaceDescriptor<Options = any> = PluginDescriptor<Options, SearchSpace, Record<string, never>>;
