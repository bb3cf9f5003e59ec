import { validateOptions, type OptimizerDescriptor } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { caboDescriptor } from '../../cabo/caboModule';
import { dyhpoDescriptor } from '../../dyhpo/dyhpoModule';
import { gpboDescriptor } from '../../gpbo/gpboModule';
import { expectOptionErrors } from '../testing/expectOptionErrors';

const settings = ['initialTrials', 'randomCandidates', 'mutationCandidates', 'incumbents', 'xi', 'maxTrainingPoints', 'refitEvery'] as const;

function gpEiDefaults(descriptor: OptimizerDescriptor): Record<string, unknown> {
  const options = validateOptions(descriptor.options, {}, descriptor.id) as Record<string, unknown>;
  return Object.fromEntries(settings.map((name) => [name, options[name]]));
}

describe('gpEiOptions', () => {
  test('GP-BO, CABO and DyHPO have the same model settings and defaults; only the number of mutations differs', () => {
    const gpbo = gpEiDefaults(gpboDescriptor);
    expect(gpbo).toEqual({
      initialTrials: 10,
      randomCandidates: 100,
      mutationCandidates: 150,
      incumbents: 5,
      xi: 0.01,
      maxTrainingPoints: 200,
      refitEvery: 10,
    });
    expect(gpEiDefaults(caboDescriptor)).toEqual(gpbo);
    expect(gpEiDefaults(dyhpoDescriptor)).toEqual({ ...gpbo, mutationCandidates: 50 });
  });

  test.each([gpboDescriptor, caboDescriptor, dyhpoDescriptor])('$id refuses each setting out of its bounds, naming it', (descriptor) => {
    expectOptionErrors(
      descriptor,
      { initialTrials: 0 },
      { randomCandidates: -1 },
      { mutationCandidates: 1e9 },
      { incumbents: 0 },
      { xi: -0.1 },
      { maxTrainingPoints: 1 },
      { refitEvery: 0.5 },
    );
  });
});
