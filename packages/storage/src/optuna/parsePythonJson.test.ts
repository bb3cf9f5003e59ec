import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { parsePythonJson } from './parsePythonJson';
import { PythonFloat } from './PythonFloat';
import { pythonJson, type PythonJsonValue } from './pythonJson';

/** JSON values whose numbers may be any double, NaN and the infinities included. */
const pythonValue: fc.Arbitrary<PythonJsonValue> = fc.letrec<{ value: PythonJsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('pythonJson and parsePythonJson', () => {
  fcTest.prop([pythonValue])('what pythonJson writes, parsePythonJson reads back', (value) => {
    expect(parsePythonJson(pythonJson(value))).toEqual(value);
  });

  test('floats keep a decimal point, non-finite numbers are the bare tokens Python writes, separators are Python’s', () => {
    expect(pythonJson({ a: new PythonFloat(3), b: 3, c: [new PythonFloat(-0), new PythonFloat(1e21), new PythonFloat(0.1)] })).toBe(
      '{"a": 3.0, "b": 3, "c": [-0.0, 1e+21, 0.1]}',
    );
    expect(pythonJson([Number.NaN, Number.POSITIVE_INFINITY, new PythonFloat(Number.NEGATIVE_INFINITY)])).toBe('[NaN, Infinity, -Infinity]');
  });

  test('"__proto__" is a key like any other, as in JSON.parse', () => {
    const value = parsePythonJson('{"__proto__": {"polluted": NaN}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('broken text names the character and what was expected there', () => {
    expect(() => parsePythonJson('{"a": NaN, "b": }')).toThrow('expected a JSON value at character 17, found "}"');
    expect(() => parsePythonJson('{"a": NaN, "b": [1, 2')).toThrow("expected ',' or ']' at character 22, found the end of the text");
    expect(() => parsePythonJson('{"a": NaN} x')).toThrow('expected the end of the text at character 12, found "x"');
  });
});
