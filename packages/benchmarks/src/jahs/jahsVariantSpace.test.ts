import { JahskitError, type Configuration } from '@jahskit/core';
import { JAHS_HPO_FIXED, JAHS_NAS_FIXED } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { JahsVariant } from './createJahsBenchmark';
import { jahsVariantSpace } from './jahsVariantSpace';

const constants = (variant: JahsVariant, fixed?: Configuration): Record<string, unknown> =>
  Object.fromEntries(jahsVariantSpace(variant, fixed).parameters.flatMap((p) => (p.type === 'constant' ? [[p.name, p.value]] : [])));

describe('jahsVariantSpace', () => {
  test('without fixed: the shared JAHS_NAS_FIXED / JAHS_HPO_FIXED (and the constant Optimizer)', () => {
    expect(constants('nas')).toEqual({ ...JAHS_NAS_FIXED, Optimizer: 'SGD' });
    expect(constants('hpo')).toEqual({ ...JAHS_HPO_FIXED, Optimizer: 'SGD' });
    expect(constants('joint')).toEqual({ Optimizer: 'SGD' });
  });

  test('fixed overrides some or all of the values; the rest keep their defaults', () => {
    expect(constants('nas', { LearningRate: 0.01, Activation: 'Mish' })).toEqual({
      ...JAHS_NAS_FIXED,
      LearningRate: 0.01,
      Activation: 'Mish',
      Optimizer: 'SGD',
    });
    const cell = { Op1: 2, Op2: 3, Op3: 4, Op4: 1, Op5: 0, Op6: 2 };
    expect(constants('hpo', cell)).toEqual({ ...cell, Optimizer: 'SGD' });
  });

  test.each([
    ['joint', { LearningRate: 0.01 }, 'fixed', "variant 'joint'"],
    ['nas', { Op1: 2 }, 'fixed.Op1', 'Activation, LearningRate, WeightDecay, TrivialAugment'],
    ['hpo', { Optimizer: 'SGD' }, 'fixed.Optimizer', 'Op1'],
    ['nas', { Optimizer: 'Adam' }, 'fixed.Optimizer', 'SGD'],
    ['hpo', { LearningRate: 0.01 }, 'fixed.LearningRate', 'Op1, Op2, Op3, Op4, Op5, Op6'],
    ['nas', { LearningRate: 5 }, 'fixed.LearningRate', '[0.001, 1]'],
    ['nas', { WeightDecay: Number.NaN }, 'fixed.WeightDecay', '0.01'],
    ['nas', { Activation: 'GELU' }, 'fixed.Activation', 'Mish'],
    ['nas', { TrivialAugment: 'yes' }, 'fixed.TrivialAugment', 'true'],
    ['hpo', { Op3: 7 }, 'fixed.Op3', '4'],
  ] as const)('%s with %o: a BenchmarkError naming %s and what is allowed', (variant, fixed, parameter, allowed) => {
    let caught: unknown;
    try {
      jahsVariantSpace(variant, fixed as Configuration);
    } catch (error) {
      caught = error;
    }
    expect(BenchmarkError.is(caught), String(caught)).toBe(true);
    expect((caught as BenchmarkError).kind).toBe('invalid-definition');
    expect((caught as JahskitError).parameter).toBe(parameter);
    expect((caught as JahskitError).allowed).toContain(allowed);
    expect((caught as Error).message).toContain(parameter.replace('fixed.', ''));
  });
});
