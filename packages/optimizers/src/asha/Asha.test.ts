import { describeOptimizerConformance } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { createWith, hartmannEpochs } from '../internal/multifidelity/multiFidelityFixtures';
import { ashaDescriptor as descriptor } from './ashaModule';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { studyFor } from '../internal/testing/studyFor';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';

describeOptimizerConformance({ descriptor, benchmark: () => hartmannEpochs(), evaluations: 30 });

describe('asha', () => {
  test('golden trace (2 workers)', async () => expectPluginGoldenTrace(descriptor, await hartmannEpochs(), {}, import.meta.url, { workers: 2 }));

  test('options are typed errors naming the option', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { eta: 1 })).toThrow(/eta/);
    expect(() => createWith(descriptor, benchmark, 1, { minBudget: 27, maxBudget: 3 })).toThrow(OptimizerError);
  });

  test('never waits; promotes the top 1/eta of a rung and continues its training', async () => {
    const benchmark = await hartmannEpochs();
    const study = studyFor(benchmark, createWith(descriptor, benchmark, 4));
    const pending = study.ask(8);
    expect(pending).toHaveLength(8);
    expect(pending.every((t) => t.fidelity['epoch'] === 1)).toBe(true);
    for (const trial of pending.slice(0, 3)) study.tell({ trialId: trial.id, objectives: { y: trial.id === 1 ? -3 : 0 }, cost: 1 });
    const [promoted] = study.ask(1);
    expect(promoted!.fidelity['epoch']).toBe(3);
    expect(promoted!.continues).toBe(1);
    expect(study.ask(1)[0]!.fidelity['epoch']).toBe(1);
  });

  test('beats random search at equal simulated time on hartmann6 (600 s, 4 workers)', async () => {
    const benchmark = await hartmannEpochs();
    await expectBestBeatsRandomSearch((seed) => createWith(descriptor, benchmark, seed), benchmark, { simulatedSeconds: 600 }, { workers: 4 });
  });
});
