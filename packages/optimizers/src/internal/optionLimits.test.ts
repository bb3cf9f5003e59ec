import { CoreError, validateOptions, type OptimizerDescriptor } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { bananasDescriptor } from '../bananas/bananasModule';
import { bohbDescriptor } from '../bohb/bohbModule';
import { gpboDescriptor } from '../gpbo/gpboModule';
import { localSearchDescriptor } from '../ls/localSearchModule';
import { mobananasDescriptor } from '../mobananas/mobananasModule';
import { mobohbDescriptor } from '../mobohb/mobohbModule';
import { motpeDescriptor } from '../motpe/motpeModule';
import { msehviDescriptor } from '../msehvi/msehviModule';
import { paregoDescriptor } from '../parego/paregoModule';
import { tpeDescriptor } from '../tpe/tpeModule';
import { OPTION_LIMITS } from './optionLimits';

/**
 * Found by packages/cli/src/fuzz/options.fuzz.test.ts: each of these options at 1,000,000,000 either
 * made `jahskit run` fail with "Invalid typed array length" (bananas hiddenUnits, mobananas hidden,
 * motpe candidates) or run for minutes on a 15-trial study (the others). Now the option is refused.
 */
const BOUNDED: readonly [OptimizerDescriptor, string, number][] = [
  [bananasDescriptor, 'members', OPTION_LIMITS.members],
  [bananasDescriptor, 'hiddenUnits', OPTION_LIMITS.hiddenUnits],
  [bananasDescriptor, 'trainingSteps', OPTION_LIMITS.trainingSteps],
  [bananasDescriptor, 'candidates', OPTION_LIMITS.candidates],
  [bananasDescriptor, 'randomCandidates', OPTION_LIMITS.candidates],
  [bohbDescriptor, 'numSamples', OPTION_LIMITS.candidates],
  [gpboDescriptor, 'randomCandidates', OPTION_LIMITS.candidates],
  [gpboDescriptor, 'mutationCandidates', OPTION_LIMITS.candidates],
  [localSearchDescriptor, 'numericNeighbours', OPTION_LIMITS.neighbours],
  [mobananasDescriptor, 'mutationsPerParent', OPTION_LIMITS.candidates],
  [mobananasDescriptor, 'randomCandidates', OPTION_LIMITS.candidates],
  [mobananasDescriptor, 'members', OPTION_LIMITS.members],
  [mobananasDescriptor, 'hidden', OPTION_LIMITS.hiddenUnits],
  [mobananasDescriptor, 'steps', OPTION_LIMITS.trainingSteps],
  [mobohbDescriptor, 'candidates', OPTION_LIMITS.candidates],
  [motpeDescriptor, 'candidates', OPTION_LIMITS.candidates],
  [msehviDescriptor, 'randomCandidates', OPTION_LIMITS.candidates],
  [msehviDescriptor, 'mutationCandidates', OPTION_LIMITS.candidates],
  [paregoDescriptor, 'randomCandidates', OPTION_LIMITS.candidates],
  [paregoDescriptor, 'mutationCandidates', OPTION_LIMITS.candidates],
  [tpeDescriptor, 'candidates', OPTION_LIMITS.candidates],
];

describe('options that size the work of a proposal are bounded', () => {
  test.each(BOUNDED.map(([d, option, limit]) => [d.id, option, limit, d] as const))(
    '%s %s: up to %i, and 1e9 is an option error naming it',
    (id, option, limit, descriptor) => {
      expect(() => validateOptions(descriptor.options, { [option]: limit }, id)).not.toThrow();
      let error: unknown;
      try {
        validateOptions(descriptor.options, { [option]: 1_000_000_000 }, id);
      } catch (e) {
        error = e;
      }
      expect(CoreError.is(error) && error.kind === 'invalid-option' && error.parameter === option, String(error)).toBe(true);
    },
  );
});
