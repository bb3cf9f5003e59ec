import type { Configuration } from '@jahskit/core';
import { coreErrorOf } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import type { OptunaStudyData, OptunaTrialData } from './OptunaStudyData';
import type { OptunaTrialState } from './optunaJournalCodes';
import { planOptunaImport } from './planOptunaImport';

function trial(number: number, state: OptunaTrialState, params: Configuration, values: number[] | null = null): OptunaTrialData {
  return {
    number,
    state,
    params,
    values,
    intermediateValues: {},
    userAttrs: {},
    datetimeStart: '2024-01-01T00:00:00.000000',
    datetimeComplete: state === 'running' ? null : '2024-01-01T00:00:02.500000',
  };
}

function study(trials: OptunaTrialData[], overrides: Partial<OptunaStudyData> = {}): OptunaStudyData {
  return {
    name: 's',
    directions: ['minimize'],
    metricNames: ['loss'],
    userAttrs: {},
    parameters: [
      { type: 'categorical', name: 'opt', choices: ['sgd', 'adam', 'rms'], default: 'sgd' },
      { type: 'integer', name: 'layers', lower: 1, upper: 4, log: false, default: 2 },
      { type: 'float', name: 'momentum', lower: 0, upper: 1, log: false, default: 0.5 },
      { type: 'float', name: 'lr', lower: 0.1, upper: 1, log: false, default: 0.5 },
    ],
    trials,
    ...overrides,
  };
}

describe('planOptunaImport', () => {
  test('COMPLETE is ok by objective name, non-finite values diverged, FAIL and PRUNED failed, RUNNING and WAITING skipped', () => {
    const plan = planOptunaImport(
      study([
        trial(0, 'complete', { opt: 'sgd', layers: 1, lr: 0.2 }, [0.5]),
        trial(1, 'fail', { opt: 'adam', layers: 2, lr: 0.3 }),
        trial(2, 'pruned', { opt: 'adam', layers: 3, lr: 0.4 }),
        trial(3, 'complete', { opt: 'sgd', layers: 1, lr: 0.5 }, [Infinity]),
        trial(4, 'running', { opt: 'sgd', layers: 4, momentum: 0.9, lr: 0.6 }),
        trial(5, 'waiting', {}),
      ]),
    );
    expect(plan.objectives).toEqual([{ name: 'loss', direction: 'minimize', cheap: false }]);
    expect(plan.trials.map((t) => [t.number, t.status, t.objectives, t.metrics, t.cost])).toEqual([
      [0, 'ok', { loss: 0.5 }, { optuna_number: 0 }, 2.5],
      [1, 'failed', {}, { optuna_number: 1 }, 2.5],
      [2, 'failed', {}, { optuna_number: 2, optuna_pruned: 1 }, 2.5],
      [3, 'diverged', {}, { optuna_number: 3 }, 2.5],
    ]);
    expect(plan.skipped).toEqual([
      { number: 4, state: 'running' },
      { number: 5, state: 'waiting' },
    ]);
    // momentum appears only in a skipped trial: no imported trial needs it.
    expect(plan.parameters.map((p) => p.name)).toEqual(['opt', 'layers', 'lr']);
    expect(plan.conditions).toEqual([]);
  });

  test('a parameter some trials lack gets the nearest earlier choice that tells when as its parent', () => {
    const plan = planOptunaImport(
      study([
        trial(0, 'complete', { opt: 'sgd', layers: 1, momentum: 0.9, lr: 0.2 }, [1]),
        trial(1, 'complete', { opt: 'adam', layers: 2, lr: 0.3 }, [2]),
        trial(2, 'complete', { opt: 'rms', layers: 3, momentum: 0.8, lr: 0.4 }, [3]),
        trial(3, 'complete', { opt: 'adam', layers: 4, lr: 0.4 }, [4]),
      ]),
    );
    // layers would tell too (1 and 3 against 2 and 4), but a categorical is the likelier branch.
    expect(plan.conditions).toEqual([{ child: 'momentum', parent: 'opt', values: ['sgd', 'rms'] }]);
  });

  test('an integer parent when no choice tells; a parameter nothing explains is refused by name', () => {
    const byLayers = planOptunaImport(
      study([trial(0, 'complete', { opt: 'sgd', layers: 3, momentum: 0.9, lr: 0.2 }, [1]), trial(1, 'complete', { opt: 'sgd', layers: 1, lr: 0.3 }, [2])]),
    );
    expect(byLayers.conditions).toEqual([{ child: 'momentum', parent: 'layers', values: [3] }]);
    const error = coreErrorOf(() =>
      planOptunaImport(
        study([trial(0, 'complete', { opt: 'sgd', layers: 1, momentum: 0.9, lr: 0.2 }, [1]), trial(1, 'complete', { opt: 'sgd', layers: 1, lr: 0.3 }, [2])]),
      ),
    );
    expect(error).toMatchObject({ kind: 'invalid-argument', parameter: 'momentum' });
    expect(error.message).toBe(
      'Optuna study "s": parameter "momentum" is set in 1 trials and not in 1, and no earlier categorical or integer parameter\'s value tells when (trial 1 lacks it); jahskit needs such a parameter\'s condition',
    );
  });

  test('a study with nothing finished is refused', () => {
    const error = coreErrorOf(() => planOptunaImport(study([trial(0, 'running', { lr: 0.2 })])));
    expect(error).toMatchObject({ kind: 'invalid-argument', parameter: 'study' });
    expect(error.message).toBe('Optuna study "s" has no finished trial to import (1 running or waiting)');
  });
});
