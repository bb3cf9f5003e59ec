import { ConfigurationSpace, float, integer, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../../errors/OptimizerError';
import { FidelityLadder } from './FidelityLadder';

const jahsLike = new ConfigurationSpace({
  name: 'fidelity',
  parameters: [
    ordinal('N', [1, 3, 5], { default: 5 }),
    ordinal('W', [4, 8, 16], { default: 16 }),
    ordinal('Resolution', [0.25, 0.5, 1.0], { default: 1.0 }),
    integer('epoch', 1, 200, { default: 200 }),
  ],
});

describe('FidelityLadder', () => {
  test('one fidelity: geometric rungs rounded to legal values, others at their highest', () => {
    const ladder = FidelityLadder.resolve(jahsLike, { fidelity: 'epoch', eta: 3 });
    expect(ladder.fidelities.map((f) => f['epoch'])).toEqual([2, 7, 22, 67, 200]);
    expect(ladder.fidelities.every((f) => f['N'] === 5 && f['W'] === 16 && f['Resolution'] === 1)).toBe(true);
  });

  test('the default fidelity is the first parameter; an ordinal one snaps to its sequence', () => {
    const ladder = FidelityLadder.resolve(jahsLike, { eta: 3 });
    expect(ladder.fidelities.map((f) => f['N'])).toEqual([1, 5]); // budgets 5/3 and 5; 5/3 is nearer 1 than 3 on the log scale
  });

  test('diagonal: all fidelities move together, ordinals stepping through their sequences', () => {
    const ladder = FidelityLadder.resolve(jahsLike, { fidelity: ['epoch', 'N', 'W', 'Resolution'], eta: 3 });
    expect(ladder.fidelities).toEqual([
      { N: 1, W: 4, Resolution: 0.25, epoch: 2 },
      { N: 3, W: 8, Resolution: 0.5, epoch: 7 },
      { N: 3, W: 8, Resolution: 0.5, epoch: 22 },
      { N: 5, W: 16, Resolution: 1, epoch: 67 },
      { N: 5, W: 16, Resolution: 1, epoch: 200 },
    ]);
    expect(FidelityLadder.resolve(jahsLike, { fidelity: 'diagonal', eta: 3 }).fidelities.at(-1)).toEqual({ N: 5, W: 16, Resolution: 1, epoch: 200 });
  });

  test('budgets of a float fidelity; typed errors name the option', () => {
    const space = new ConfigurationSpace({ name: 'f', parameters: [float('fraction', 0.01, 1, { default: 1 })] });
    expect(FidelityLadder.resolve(space, { eta: 10 }).budgets).toEqual([0.01, 0.1, 1]);
    const fail = (options: Parameters<typeof FidelityLadder.resolve>[1]): unknown => {
      try {
        FidelityLadder.resolve(jahsLike, options);
      } catch (error) {
        return error;
      }
    };
    const min = fail({ fidelity: 'epoch', eta: 3, minBudget: 50, maxBudget: 10 });
    expect(OptimizerError.is(min) && min.kind === 'invalid-option' && min.parameter === 'minBudget').toBe(true);
    const eta = fail({ eta: 1 });
    expect(OptimizerError.is(eta) && eta.parameter === 'eta').toBe(true);
    const name = fail({ fidelity: 'depth', eta: 3 });
    expect(OptimizerError.is(name) && name.parameter === 'fidelity').toBe(true);
  });
});

test('rungs that round to the same fidelity are merged (NAS-Bench-201 epochs {12, 200})', () => {
  const nb201 = new ConfigurationSpace({ name: 'nb201-fidelity', parameters: [ordinal('epoch', [12, 200], { default: 200 })] });
  const ladder = FidelityLadder.resolve(nb201, { eta: 3 });
  expect(ladder.fidelities).toEqual([{ epoch: 12 }, { epoch: 200 }]);
  expect(ladder.sMax).toBe(1);
});
