import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { simulate, type Benchmark, type OptimizerDescriptor } from '@jahskit/core';
import { expect } from 'vitest';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { tpeDescriptor } from '../tpe/tpeModule';

/** Test fixtures shared by the pruning wrappers' tests. */
export const multiFidelity = (instance = 'branin'): Benchmark => createSyntheticBenchmark({ instance, maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });

/** A wrapped TPE that models early: short enough runs for the conformance kit and golden traces. */
export const SMALL_TPE = { baseOptions: { startupTrials: 4 }, startupTrials: 2 };

/**
 * Simulated seconds, summed over `seeds`, that plain TPE takes for `trials` trials and that the pruned
 * `wrapped` TPE (at most `stepsPerTrial` steps per base trial, one worker, due steps first) takes until
 * base trial `trials` starts, i.e. until the first `trials` base trials are over. Each seed's pruned
 * time must be the shorter when `eachSeed` is set.
 */
export async function secondsForBaseTrials(
  wrapped: OptimizerDescriptor,
  benchmark: Benchmark,
  options: { readonly seeds: readonly number[]; readonly trials: number; readonly stepsPerTrial: number; readonly eachSeed?: boolean },
): Promise<{ plain: number; pruned: number }> {
  let plain = 0;
  let pruned = 0;
  for (const seed of options.seeds) {
    const plainRun = await simulate({ benchmark, optimizer: makeOptimizer(tpeDescriptor, benchmark, seed), seed, budget: { evaluations: options.trials } });
    const wrappedRun = await simulate({
      benchmark,
      optimizer: makeOptimizer(wrapped, benchmark, seed),
      seed,
      budget: { evaluations: options.stepsPerTrial * options.trials + 1 },
    });
    const started = wrappedRun.records.find((r) => r.trial.tags?.['baseTrial'] === options.trials);
    expect(started).toBeDefined();
    if (options.eachSeed === true) expect(started!.start!).toBeLessThan(plainRun.simulatedSeconds);
    plain += plainRun.simulatedSeconds;
    pruned += started!.start!;
  }
  return { plain, pruned };
}
