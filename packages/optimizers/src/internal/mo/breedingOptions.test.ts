import { validateOptions } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { nsga2Descriptor } from '../../nsga2/nsga2Module';
import { smsemoaDescriptor } from '../../smsemoa/smsemoaModule';
import { expectOptionErrors } from '../testing/expectOptionErrors';

describe('breedingOptions', () => {
  test('NSGA-II and SMS-EMOA share the variation defaults; each has its own population', () => {
    expect(validateOptions(nsga2Descriptor.options, {}, 'nsga2')).toEqual({ population: 50, crossoverProbability: 0.9, mutationProbability: 1 });
    expect(validateOptions(smsemoaDescriptor.options, {}, 'smsemoa')).toEqual({
      population: 20,
      crossoverProbability: 0.9,
      mutationProbability: 1,
      referenceMargin: 0.1,
    });
  });

  test.each([nsga2Descriptor, smsemoaDescriptor])('$id refuses each variation option out of its bounds, naming it', (descriptor) => {
    expectOptionErrors(descriptor, { population: 1 }, { population: 2.5 }, { crossoverProbability: 1.1 }, { mutationProbability: -0.1 });
  });
});
