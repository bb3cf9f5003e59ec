import { errorOf } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { CliError } from '../commandLineError';
import { parseBudget } from './parseBudget';

describe('parseBudget', () => {
  test('n is evaluations, Ns simulated seconds', () => {
    expect(parseBudget('200')).toEqual({ evaluations: 200 });
    expect(parseBudget('12000s')).toEqual({ simulatedSeconds: 12000 });
  });

  test.each(['0', '0s', '-5', '1.5', '10m', 's', '', '99999999999999999999'])('%j is one usage error naming --budget', (text) => {
    expect(errorOf(CliError, () => parseBudget(text))).toMatchObject({
      kind: 'usage',
      parameter: 'budget',
      message: expect.stringMatching(/^--budget must be a whole number of evaluations \(200\) or of simulated seconds \(12000s\)/),
    });
  });
});
