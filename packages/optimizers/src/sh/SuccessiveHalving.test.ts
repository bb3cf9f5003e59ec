import { describeOptimizerConformance } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { createWith, hartmannEpochs } from '../internal/multifidelity/multiFidelityFixtures';
import { successiveHalvingDescriptor as descriptor } from './successiveHalvingModule';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { studyFor } from '../internal/testing/studyFor';

describeOptimizerConformance({ descriptor, benchmark: () => hartmannEpochs(), evaluations: 30 });

describe('sh', () => {
  test('golden trace', async () => expectPluginGoldenTrace(descriptor, await hartmannEpochs(), {}, import.meta.url));

  test('options: eta <= 1, min budget above max budget, unknown fidelity are typed errors naming the option', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { eta: 1 })).toThrow(/eta/);
    const error = (() => {
      try {
        createWith(descriptor, benchmark, 1, { minBudget: 9, maxBudget: 3 });
      } catch (e) {
        return e;
      }
    })();
    expect(OptimizerError.is(error) && error.kind === 'invalid-option' && error.parameter === 'minBudget').toBe(true);
    expect(() => createWith(descriptor, benchmark, 1, { fidelity: 'nope' })).toThrow(OptimizerError);
    const flat = await hartmannEpochs(1);
    expect(() => createWith(descriptor, flat, 1)).toThrow(/fidelity/);
  });

  test('one bracket: 27 at epoch 1, 9 at 3, 3 at 9, 1 at 27; promotions continue their parent; waits for a rung', async () => {
    const benchmark = await hartmannEpochs();
    const study = studyFor(benchmark, createWith(descriptor, benchmark, 2));
    const epochs: number[] = [];
    const first = study.ask(27);
    expect(first).toHaveLength(27);
    expect(study.ask(5)).toHaveLength(0); // the rung is incomplete
    let batch = first;
    while (batch.length > 0) {
      for (const trial of batch) {
        epochs.push(trial.fidelity['epoch'] as number);
        const [e] = await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: 0 }]);
        study.tell({ trialId: trial.id, objectives: { y: e!.metrics['y']! }, cost: e!.cost });
      }
      if (epochs.length >= 40) break;
      batch = study.ask(100);
      for (const trial of batch) if ((trial.fidelity['epoch'] as number) > 1) expect(trial.continues).toBeDefined();
    }
    const count = (e: number): number => epochs.filter((x) => x === e).length;
    expect([count(1), count(3), count(9), count(27)]).toEqual([27, 9, 3, 1]);
  });

  test('beats random search at equal simulated time on hartmann6 (1200 s)', async () => {
    const benchmark = await hartmannEpochs();
    await expectBestBeatsRandomSearch((seed) => createWith(descriptor, benchmark, seed), benchmark, { simulatedSeconds: 1200 });
  });
});
