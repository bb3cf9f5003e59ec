import type { Trial } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { createWith, hartmannEpochs } from '../internal/multifidelity/multiFidelityFixtures';
import { dehbDescriptor as descriptor } from './dehbModule';
import { describeOptimizerBasics } from '../internal/testing/describeOptimizerBasics';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';

describeOptimizerBasics(descriptor, import.meta.url, { benchmark: () => hartmannEpochs(9), evaluations: 40, badOptions: [{ mutationFactor: 0 }] });

describe('dehb', () => {
  test('a minBudget above maxBudget is a typed error', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { minBudget: 10, maxBudget: 5 })).toThrow(OptimizerError);
  });

  test('after the first Hyperband iteration rungs hold DE children trained from scratch', async () => {
    const benchmark = await hartmannEpochs(9);
    const { simulate } = await import('@jahskit/core');
    const run = await simulate({ benchmark, optimizer: createWith(descriptor, benchmark, 5), seed: 5, budget: { evaluations: 80 } });
    const late = run.records.filter((r) => (r.trial.tags?.['bracket'] as number) >= 3);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.trial.continues === undefined)).toBe(true);
  });

  test("constraints: a budget's subpopulation keeps its best members by standing (feasible by value, then infeasible by violation)", async () => {
    const benchmark = await hartmannEpochs(9);
    const optimizer = createWith(descriptor, benchmark, 3);
    const x = (t: Trial): number => Object.values(t.config)[0] as number;
    // The lowest values break the constraint (x < 0.8).
    const told: { id: number; rung: number; value: number; violation: number }[] = [];
    for (let bracket = 0; bracket <= 2;) {
      const [trial] = optimizer.ask(1);
      bracket = trial!.tags!['bracket'] as number;
      if (bracket > 2) break;
      const value = x(trial!);
      const violation = Math.max(0, 0.8 - value);
      told.push({ id: trial!.id, rung: trial!.tags!['rung'] as number, value, violation });
      optimizer.tell([{ trial: trial!, status: 'ok', values: [value], metrics: {}, cost: 1, constraints: [0.8 - value] }]);
    }
    // Rung 1 saw 3 + 5 results (brackets s = 2 and 1) and keeps 5.
    const atRung1 = told.filter((t) => t.rung === 1);
    expect(atRung1).toHaveLength(8);
    const expected = [...atRung1]
      .sort((a, b) => (a.violation > 0 ? 1 : 0) - (b.violation > 0 ? 1 : 0) || (a.violation > 0 ? a.violation - b.violation : a.value - b.value))
      .slice(0, 5);
    const state = optimizer.state() as { populations: [number, number[], number, number?][][] };
    expect(state.populations[1]!.map(([id]) => id).sort((a, b) => a - b)).toEqual(expected.map((t) => t.id).sort((a, b) => a - b));
    expect(atRung1.some((t) => t.violation > 0) && atRung1.some((t) => t.violation === 0)).toBe(true);
  });

  test('beats random search at equal simulated time on hartmann6 (3000 s)', async () => {
    const benchmark = await hartmannEpochs();
    await expectBestBeatsRandomSearch((seed) => createWith(descriptor, benchmark, seed), benchmark, { simulatedSeconds: 3000 });
  });
});
