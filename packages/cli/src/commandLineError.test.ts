import { CoreError } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { CliError, describeError } from './commandLineError';

describe('describeError', () => {
  test('usage errors exit 2, every other error 1, as one line', () => {
    expect(describeError(new CliError('usage', 'bad\nflag', { parameter: 'x' }))).toEqual({ line: 'bad flag', exitCode: 2 });
    expect(describeError(new CliError('input', 'bad input', { parameter: 'x' }))).toEqual({ line: 'bad input', exitCode: 1 });
    expect(describeError(new CoreError('invalid-option', 'bad option', { parameter: 'x' }))).toEqual({ line: 'bad option', exitCode: 1 });
    expect(describeError(new TypeError('first\nsecond'))).toEqual({ line: 'first', exitCode: 1 });
  });

  test('a long line is cut in the middle', () => {
    const { line } = describeError(new CliError('input', `${'a'.repeat(1000)}END`, { parameter: 'x' }));
    expect(line.length).toBeLessThan(700);
    expect(line.endsWith('END')).toBe(true);
  });

  // Found by packages/cli/src/fuzz/surrogate.fuzz.test.ts: a manifest naming the ONNX model as its mappings
  // file gave "not valid JSON: Unexpected token '\b', "pytorc"..." with the model's raw bytes in it.
  test('control characters a message quotes are shown as escapes', () => {
    const { line } = describeError(
      new CoreError('corrupt-data' as never, 'model.onnx is not valid JSON: Unexpected token \'\b\', "\u0008pytorch\r\u001b[2J\u0007"... is not valid JSON'),
    );
    expect(line).toBe('model.onnx is not valid JSON: Unexpected token \'\\x08\', "\\x08pytorch\\x0d\\x1b[2J\\x07"... is not valid JSON');
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
