import { describe, expect, test } from 'vitest';
import { CliError } from './commandLineError';
import { renamedFlag } from './renamedFlag';

describe('renamedFlag', () => {
  const io = () => {
    let err = '';
    return { stderr: (text: string) => void (err += text), err: () => err };
  };

  test('the new name is taken silently, the old one with a note naming the new one', () => {
    const quiet = io();
    expect(renamedFlag({ threads: '2' }, 'threads', 'workers', quiet)).toBe('2');
    expect(quiet.err()).toBe('');
    const noted = io();
    expect(renamedFlag({ workers: '3' }, 'threads', 'workers', noted)).toBe('3');
    expect(noted.err()).toBe('note: --workers is deprecated and will be removed in the next release; use --threads\n');
    expect(renamedFlag({}, 'threads', 'workers', noted)).toBeUndefined();
  });

  test('both names at once is a usage error naming the flag', () => {
    let error: unknown;
    try {
      renamedFlag({ threads: '2', workers: '2' }, 'threads', 'workers', io());
    } catch (caught) {
      error = caught;
    }
    if (!CliError.is(error)) throw new Error('expected a CliError');
    expect(error.kind).toBe('usage');
    expect(error.parameter).toBe('threads');
    expect(error.message).toBe('--workers is the old name of --threads: give one of them');
  });
});
