import type { Benchmark, OptimizerDescriptor } from '@jahskit/core';
import { describeOptimizerConformance, type OptimizerConformanceOptions } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { expectPluginGoldenTrace } from './expectPluginGoldenTrace';
import { makeOptimizer } from './makeOptimizer';

/** What every optimizer plugin's tests start with, so that each test file writes only its sizes. */
export interface OptimizerBasics {
  /** The task of the golden trace and of the conformance suite. */
  readonly benchmark: () => Promise<Benchmark>;
  /** Options of the conformance suite and of the golden trace (default `{}`). */
  readonly options?: unknown;
  /** Options of the golden trace where they differ. */
  readonly goldenOptions?: unknown;
  /** Trials per conformance run (default 24). */
  readonly evaluations?: number;
  /** Further conformance suites, on other tasks. */
  readonly alsoOn?: readonly Omit<OptimizerConformanceOptions, 'descriptor'>[];
  /** Bad options, one case each, refused (by the schema, or by the optimizer made for `benchmark`) with an error naming the case's first option. */
  readonly badOptions?: readonly Record<string, unknown>[];
}

/**
 * The conformance suite on `benchmark` (and on each of `alsoOn`), the golden trace `__golden__/<id>.json`
 * beside the test file whose `import.meta.url` is `testUrl`, and the option errors.
 */
export function describeOptimizerBasics(descriptor: OptimizerDescriptor, testUrl: string, basics: OptimizerBasics): void {
  const { benchmark, options = {}, badOptions } = basics;
  const conformance = { benchmark, options, ...(basics.evaluations !== undefined ? { evaluations: basics.evaluations } : {}) };
  for (const run of [conformance, ...(basics.alsoOn ?? [])]) describeOptimizerConformance({ descriptor, ...run });
  describe(descriptor.id, () => {
    test('golden trace', async () => expectPluginGoldenTrace(descriptor, await benchmark(), basics.goldenOptions ?? options, testUrl));
    if (badOptions === undefined) return;
    test('bad options are typed errors naming the option', async () => {
      const task = await benchmark();
      for (const bad of badOptions) expect(() => makeOptimizer(descriptor, task, 1, bad)).toThrow(new RegExp(Object.keys(bad)[0]!));
    });
  });
}
