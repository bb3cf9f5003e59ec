import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors/CoreError';
import { errorOf } from './errorOf';

describe('errorOf', () => {
  test('returns the error of the class thrown by the body', () => {
    const thrown = new CoreError('invalid-argument', 'bad', { parameter: 'x' });
    expect(
      errorOf(CoreError, () => {
        throw thrown;
      }),
    ).toBe(thrown);
  });

  test('rethrows an error of another class, and fails when nothing is thrown', () => {
    expect(() =>
      errorOf(CoreError, () => {
        throw new RangeError('other');
      }),
    ).toThrow(RangeError);
    expect(() => errorOf(CoreError, () => 1)).toThrow('expected a CoreError');
  });
});
