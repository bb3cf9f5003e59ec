import type { RunEnd } from '../compare/RunHeader';
import type { PlaygroundStudySpec } from './playgroundStudy';

/** What the page asks its worker: the studies of one click on Run, run one after the other. */
export interface PlaygroundRequest {
  readonly type: 'run';
  readonly studies: readonly PlaygroundStudySpec[];
}

/** A benchmark of the page's menu. */
export interface CatalogBenchmark {
  readonly id: string;
  readonly summary: string;
  readonly instances: readonly string[];
  /** The instance the benchmark takes when none is given (what `jahskit run` without --instance runs). */
  readonly defaultInstance?: string;
}

/** An optimizer of the page's menu. */
export interface CatalogOptimizer {
  readonly id: string;
  readonly summary: string;
  readonly objectives: 'single' | 'multi' | 'any';
  readonly multiFidelity: boolean;
}

/**
 * What the worker tells the page: its menus once it has loaded, then per study its lines (the run
 * file's, sealed, in small batches as trials finish) and how it ended.
 */
export type PlaygroundReply =
  | { readonly type: 'catalog'; readonly benchmarks: readonly CatalogBenchmark[]; readonly optimizers: readonly CatalogOptimizer[] }
  | { readonly type: 'lines'; readonly study: number; readonly lines: readonly string[] }
  | { readonly type: 'finished'; readonly study: number; readonly end: RunEnd }
  | { readonly type: 'failed'; readonly study: number; readonly message: string }
  | { readonly type: 'idle' };
