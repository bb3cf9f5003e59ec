import type { OptimizerDescriptor } from '@jahskit/core';
import type { OptimizerConformanceOptions } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, syntheticMo } from '../mo/moFixtures';
import { describeOptimizerBasics, type OptimizerBasics } from './describeOptimizerBasics';
import { expectPromotionsContinue } from './expectPromotionsContinue';

/** The sizes of a multi-objective optimizer's basics; the tasks are fixed. */
export interface MoOptimizerBasics extends Omit<OptimizerBasics, 'benchmark' | 'alsoOn'> {
  /** The conformance suite on three-objective DTLZ2: its options (default `options`), trials (default 20) and fast-check runs. */
  readonly dtlz2?: Pick<OptimizerConformanceOptions, 'options' | 'evaluations' | 'numRuns'>;
  /** It fits a model for every proposal, so its conformance runs are short: 14 trials on ZDT1, 2 runs of 10 on DTLZ2. */
  readonly modelBased?: boolean;
}

/**
 * {@link describeOptimizerBasics} on ZDT1 (conformance and golden trace; 24 trials a run, 30 for a
 * multi-fidelity optimizer) and on three-objective DTLZ2 (conformance); a multi-fidelity optimizer also refuses a task without a fidelity and continues trials
 * at higher fidelities.
 */
export function describeMoOptimizerBasics(descriptor: OptimizerDescriptor, testUrl: string, basics: MoOptimizerBasics): void {
  const { dtlz2, modelBased = false, ...rest } = basics;
  const options = basics.options ?? {};
  // Brackets need more trials than the conformance default before they promote.
  const evaluations = modelBased ? 14 : descriptor.capabilities.multiFidelity ? 30 : 24;
  const alsoOn = [{ benchmark: syntheticMo('dtlz2-3'), options, ...(modelBased ? { evaluations: 10, numRuns: 2 } : { evaluations: 20 }), ...dtlz2 }];
  describeOptimizerBasics(descriptor, testUrl, { evaluations, ...rest, benchmark: syntheticMo('zdt1'), alsoOn });
  if (!descriptor.capabilities.multiFidelity) return;
  describe(descriptor.id, () => {
    test('needs a fidelity', async () => {
      const benchmark = await syntheticMo('zdt1', 1)();
      expect(() => makeOptimizer(descriptor, benchmark, 1)).toThrow(/fidelity/);
    });

    test('promotions continue earlier trials and use higher fidelities', async () => {
      expectPromotionsContinue(makeOptimizer(descriptor, await syntheticMo('zdt1')(), 3, options));
    });
  });
}
