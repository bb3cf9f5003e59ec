import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { LineChain } from './LineChain';

const objectLine = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }).map((o) => JSON.stringify(o));
const seal = (contents: readonly string[]): string[] => {
  const chain = new LineChain();
  return contents.map((c) => chain.seal(c));
};

describe('LineChain', () => {
  test('a sealed line is its content with a last "digest" field, and stays JSON', () => {
    const [line] = seal(['{"trial":0}']);
    expect(line).toMatch(/^\{"trial":0,"digest":"[0-9a-f]{16}"\}$/);
    expect(JSON.parse(line!)).toMatchObject({ trial: 0 });
    expect(seal(['{}'])[0]).toMatch(/^\{"digest":"[0-9a-f]{16}"\}$/);
  });

  test('refuses a line that is not a JSON object', () => {
    expect(() => new LineChain().seal('[1]')).toThrow(/must be a JSON object/);
  });

  test.prop([fc.array(objectLine, { minLength: 1, maxLength: 6 })])(
    'opening sealed lines gives back their contents, and sealing is deterministic',
    (contents) => {
      const lines = seal(contents);
      expect(seal(contents)).toEqual(lines);
      const chain = new LineChain();
      expect(lines.map((l) => chain.open(l))).toEqual(contents);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    },
  );

  test.prop([fc.array(objectLine, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })])(
    'any single-character change of any line is detected',
    (contents, lineSeed, atSeed, replacement) => {
      const lines = seal(contents);
      const index = lineSeed % lines.length;
      const line = lines[index]!;
      const at = atSeed % line.length;
      fc.pre(line[at] !== replacement);
      lines[index] = line.slice(0, at) + replacement + line.slice(at + 1);
      const chain = new LineChain();
      const opened = lines.map((l) => chain.open(l));
      expect(opened.slice(0, index)).toEqual(contents.slice(0, index));
      expect(opened[index]).toMatch(/^(unsealed|mismatch)$/);
    },
  );

  test('a line moved to another place no longer matches', () => {
    const lines = seal(['{"a":1}', '{"a":2}', '{"a":3}']);
    const chain = new LineChain();
    expect(chain.open(lines[0]!)).toBe('{"a":1}');
    expect(chain.open(lines[2]!)).toBe('mismatch');
  });
});
