import { describe, expect, test } from 'vitest';
import { actionOf } from './actionOf';
import { CliError } from './commandLineError';

const ACTIONS = ['show', 'sample'] as const;

describe('actionOf', () => {
  test('returns a listed action', () => {
    expect(actionOf('space', ACTIONS, 'sample')).toBe('sample');
  });

  test.each([
    [undefined, 'jahskit space needs one of show, sample, got nothing'],
    ['bogus', 'jahskit space needs one of show, sample, got "bogus"'],
  ])('anything else is a usage error naming the actions (%s)', (word, message) => {
    let error: unknown;
    try {
      actionOf('space', ACTIONS, word);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ kind: 'usage', parameter: 'action', allowed: 'show, sample', message });
  });
});
