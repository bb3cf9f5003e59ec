import { expect } from 'vitest';
import { SpaceError } from '../errors/SpaceError';

/** The 'invalid-pcs' error `fn` throws: one line naming the file, the line, the item and what is allowed. */
export function pcsErrorOf(fn: () => unknown): SpaceError {
  try {
    fn();
  } catch (e) {
    expect(SpaceError.is(e), String(e)).toBe(true);
    const error = e as SpaceError;
    expect(error.kind).toBe('invalid-pcs');
    expect(error.message).not.toContain('\n');
    expect(error.allowed).toBeTypeOf('string');
    return error;
  }
  return expect.unreachable('no error');
}
