import { validateOptions, type OptimizerDescriptor } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { msehviDescriptor } from '../../msehvi/msehviModule';
import { paregoDescriptor } from '../../parego/paregoModule';
import { expectOptionErrors } from '../testing/expectOptionErrors';

const settings = ['startupTrials', 'maxModelPoints', 'refitEvery', 'randomCandidates', 'mutationCandidates'] as const;

function gpMoDefaults(descriptor: OptimizerDescriptor): Record<string, unknown> {
  const options = validateOptions(descriptor.options, {}, descriptor.id) as Record<string, unknown>;
  return Object.fromEntries(settings.map((name) => [name, options[name]]));
}

describe('gpMoOptions', () => {
  test('ParEGO and MS-EHVI share the startup and model defaults; each has its own pool sizes', () => {
    expect(gpMoDefaults(paregoDescriptor)).toEqual({ startupTrials: 10, maxModelPoints: 200, refitEvery: 10, randomCandidates: 300, mutationCandidates: 100 });
    expect(gpMoDefaults(msehviDescriptor)).toEqual({ startupTrials: 10, maxModelPoints: 200, refitEvery: 10, randomCandidates: 200, mutationCandidates: 300 });
  });

  test.each([paregoDescriptor, msehviDescriptor])('$id refuses each setting out of its bounds, naming it', (descriptor) => {
    expectOptionErrors(
      descriptor,
      { startupTrials: 1 },
      { maxModelPoints: 1 },
      { refitEvery: 0 },
      { randomCandidates: 0 },
      { mutationCandidates: -1 },
      { mutationCandidates: 1e9 },
    );
  });
});
