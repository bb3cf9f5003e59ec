import { describe, expect, test } from 'vitest';
import { CoreError } from './CoreError';
import { JahskitError } from './JahskitError';

class OtherError extends JahskitError<'other'> {}

describe('JahskitError.is', () => {
  test("narrows to the class it is called on, not to another package's error", () => {
    const core = new CoreError('invalid-argument', 'bad', { parameter: 'x' });
    const other = new OtherError('other', 'bad');
    expect(CoreError.is(core)).toBe(true);
    expect(CoreError.is(other)).toBe(false);
    expect(OtherError.is(other)).toBe(true);
    expect(OtherError.is(core)).toBe(false);
  });

  test('on the base, recognises every subclass and nothing else', () => {
    expect(JahskitError.is(new CoreError('invalid-argument', 'bad'))).toBe(true);
    expect(JahskitError.is(new OtherError('other', 'bad'))).toBe(true);
    expect(JahskitError.is(new Error('plain'))).toBe(false);
    expect(JahskitError.is({ kind: 'invalid-argument', message: 'bad' })).toBe(false);
  });
});
