import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { createWith, hartmannEpochs, meanBestAtEqualTime } from '../internal/multifidelity/multiFidelityFixtures';
import { hyperbandDescriptor } from '../hyperband/hyperbandModule';
import { bohbDescriptor as descriptor } from './bohbModule';
import { validateOptions, type OptimizerContext } from '@jahskit/core';
import { expectDiskRoundTrip, expectMoreFeasibleThanRandom } from '../internal/testing/constrainedDisk';
import { describeOptimizerBasics } from '../internal/testing/describeOptimizerBasics';

describeOptimizerBasics(descriptor, import.meta.url, {
  benchmark: () => hartmannEpochs(9),
  evaluations: 30,
  badOptions: [{ randomFraction: 2 }, { topNPercent: 0 }],
});

describe('bohb', () => {
  test('a minBudget above maxBudget is a typed error', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { minBudget: 10, maxBudget: 5 })).toThrow(OptimizerError);
  });

  test('the model beats Hyperband with random configurations at equal simulated time (hartmann6, 3 seeds)', async () => {
    const benchmark = await hartmannEpochs();
    const seconds = 4000;
    const bohb = await meanBestAtEqualTime((seed) => createWith(descriptor, benchmark, seed), benchmark, [1, 2, 3], seconds);
    const hb = await meanBestAtEqualTime((seed) => createWith(hyperbandDescriptor, benchmark, seed), benchmark, [1, 2, 3], seconds);
    expect(bohb).toBeLessThan(hb);
  });
});

describe('bohb with constraints', () => {
  const create = (context: OptimizerContext) => descriptor.create(validateOptions(descriptor.options, {}, 'bohb'), context);
  const hyperband = (context: OptimizerContext) => hyperbandDescriptor.create(validateOptions(hyperbandDescriptor.options, {}, 'hyperband'), context);

  // Against Hyperband, whose brackets are the same and whose configurations are random: the difference is the KDE's split.
  test('the unconstrained optimum is infeasible: the KDE puts more proposals in the feasible disk than random configurations do', async () => {
    await expectMoreFeasibleThanRandom(create, { evaluations: 80, skip: 13, fidelity: true, baseline: hyperband });
  });

  test('trials rejected by a cheap constraint (failed, with their violation) enter the split among the worst', async () => {
    await expectMoreFeasibleThanRandom(create, { evaluations: 80, skip: 13, fidelity: true, baseline: hyperband, rejectInfeasible: true });
  });

  test('state round trip keeps the constraint values', () => {
    const state = expectDiskRoundTrip(create, 40, 20, { fidelity: true, rejectInfeasible: true }) as { scheduler: { sampler: unknown[][] } };
    expect(state.scheduler.sampler.every((o) => o.length === 5)).toBe(true);
    expect(state.scheduler.sampler.some((o) => o[3] === null)).toBe(true);
  });
});
