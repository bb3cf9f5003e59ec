import { Rng } from '@jahskit/core';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readConfigSpaceJson } from '../serialization/readConfigSpaceJson';
import type { ConfigurationSpace } from '../space/ConfigurationSpace';
import { detectPcsFormat } from './detectPcsFormat';
import { PCS_FIXTURES } from './pcsFixtures';
import { readPcs } from './readPcs';
import { expectSameModel } from '../space/expectSameModel';
import { pcsErrorOf } from './pcsErrorOf';

const NEW = readFileSync(PCS_FIXTURES.newFormat, 'utf8');
const CLASSIC = readFileSync(PCS_FIXTURES.classic, 'utf8');

function read(lines: readonly string[], format?: 'classic' | 'new'): ConfigurationSpace {
  return readPcs(lines.join('\n'), { file: 'bad.pcs', ...(format === undefined ? {} : { format }) });
}

describe('readPcs', () => {
  test('the new-format fixture reads as ConfigSpace JSON of the same space does', () => {
    expect(detectPcsFormat(NEW)).toBe('new');
    const space = readPcs(NEW, { file: 'training-new.pcs' });
    expectSameModel(readConfigSpaceJson(readFileSync(PCS_FIXTURES.newFormatJson, 'utf8')), space);
    expect(space.get('lr').spec).toEqual({ type: 'float', name: 'lr', lower: 1e-5, upper: 1, log: true, default: 0.001 });
    expect(space.get('batch_size').spec).toEqual({ type: 'ordinal', name: 'batch_size', sequence: ['16', '32', '64', '128'], default: '32' });
    expect(space.get('activation').spec).toMatchObject({ choices: ['relu', 'tanh', 'gelu'] });
  });

  test('the classic fixture reads as ConfigSpace JSON of the same space does', () => {
    expect(detectPcsFormat(CLASSIC)).toBe('classic');
    const space = readPcs(CLASSIC, { file: 'solver-classic.pcs', name: 'solver' });
    expect(space.name).toBe('solver');
    expectSameModel(readConfigSpaceJson(readFileSync(PCS_FIXTURES.classicJson, 'utf8')), space);
    expect(space.get('pivot').spec).toEqual({ type: 'integer', name: 'pivot', lower: 1, upper: 64, log: true, default: 8 });
  });

  test('the spaces read sample configurations that validate and respect the conditions and clauses', () => {
    for (const text of [NEW, CLASSIC]) {
      const space = readPcs(text);
      const rng = Rng.seeded(3);
      for (const c of space.sampleMany(rng, 200)) expect(space.validate(c)).toEqual(c);
      expect(space.validate(space.defaultConfiguration())).toEqual(space.defaultConfiguration());
    }
    const space = readPcs(NEW);
    for (const c of space.sampleMany(Rng.seeded(4), 300)) {
      expect('momentum' in c).toBe(c['optimizer'] === 'sgd' || c['optimizer'] === 'rmsprop');
      expect('warmup' in c).toBe(c['optimizer'] === 'adam' && c['batch_size'] !== '128');
      expect(c['layers']).not.toBe(1);
    }
  });

  test('parameters may come after the conditions and clauses that use them; CRLF line ends are fine', () => {
    const space = readPcs(['b | a == x', '{a=y}', 'a categorical {x, y} [x]', 'b real [0, 1] [0.5]'].join('\r\n'));
    expect(space.conditions).toEqual([{ type: 'EQ', child: 'b', parent: 'a', value: 'x' }]);
    expect(space.forbiddens).toEqual([{ type: 'EQUALS', name: 'a', value: 'y' }]);
  });

  test('condition and clause values follow the parent: numbers for integer and real parents', () => {
    const space = readPcs(['n integer [0, 10] [1]', 'r real [0, 1] [0.5]', 'x real [0, 1] [0.5]', 'x | n in {1, 2} && r > 0.25', '{n=3, r=0.5}'].join('\n'));
    expect(space.conditionFor('x')).toEqual({
      type: 'AND',
      child: 'x',
      conditions: [
        { type: 'IN', child: 'x', parent: 'n', values: [1, 2] },
        { type: 'GT', child: 'x', parent: 'r', value: 0.25 },
      ],
    });
    expect(space.forbiddens).toEqual([
      {
        type: 'AND',
        clauses: [
          { type: 'EQUALS', name: 'n', value: 3 },
          { type: 'EQUALS', name: 'r', value: 0.5 },
        ],
      },
    ]);
  });

  test('an empty file is an empty space', () => {
    expect(readPcs('# nothing here\n\n').parameters).toEqual([]);
  });
});

describe('readPcs on bad input: one invalid-pcs error naming the file, the line, the item and what is allowed', () => {
  test('an unknown type', () => {
    const e = pcsErrorOf(() => read(['a integer [0, 1] [0]', 'lr normal [0, 1] [0.5]']));
    expect(e.parameter).toBe('lr');
    expect(e.message).toContain('bad.pcs line 2');
    expect(e.message).toContain('unknown type "normal"');
    expect(e.allowed).toBe('integer, real, categorical, ordinal');
  });

  test('a condition on a missing parent', () => {
    const e = pcsErrorOf(() => read(['a real [0, 1] [0.5]', 'b real [0, 1] [0.5]', '', 'b | ghost in {1}']));
    expect(e.parameter).toBe('b');
    expect(e.message).toContain('bad.pcs line 4');
    expect(e.message).toContain('unknown parent "ghost"');
    expect(e.allowed).toContain('a, b');
  });

  test('a condition on a missing child', () => {
    const e = pcsErrorOf(() => read(['a categorical {x, y} [x]', 'ghost | a == x']));
    expect(e.parameter).toBe('ghost');
    expect(e.message).toContain('bad.pcs line 2');
  });

  test('a cyclic condition points at the line of the condition in the cycle', () => {
    const e = pcsErrorOf(() =>
      read(['a categorical {x, y} [x]', 'b categorical {x, y} [x]', 'c categorical {x, y} [x]', 'a | b == x', 'b | c == x', 'c | a == y']),
    );
    expect(e.message).toMatch(/bad\.pcs line [456]: conditions form a cycle/);
    expect(['a', 'b', 'c']).toContain(e.parameter);
    const line = Number(/line (\d)/.exec(e.message)?.[1]);
    expect(['a', 'b', 'c'][line - 4]).toBe(e.parameter);
    const self = pcsErrorOf(() => read(['a categorical {x, y} [x]', 'a | a == x']));
    expect(self.message).toContain('bad.pcs line 2');
  });

  test('malformed lines', () => {
    const cases: [string[], string, string, 'classic' | 'new' | undefined][] = [
      [['a real [0, 1]'], 'a', 'line 1', 'new'],
      [['a real [0, 1] [0.5] loog'], 'a', 'line 1', 'new'],
      [['a [0, 1] [0.5]x'], 'a', 'line 1', 'classic'],
      [['a [0, 1, 2] [0.5]'], 'a', 'line 1', undefined],
      [['a integer [0, 1.5] [1]'], 'a', 'line 1', undefined],
      [['a real [0, one] [0.5]'], 'a', 'line 1', undefined],
      [['a categorical {x, , y} [x]'], 'a', 'line 1', undefined],
      [['a categorical {x, y} [z]'], 'a', 'line 1', undefined],
      [['a real [0, 1] [2]'], 'a', 'line 1', undefined],
      [['a real [1, 0] [0.5]'], 'a', 'line 1', undefined],
      [['a real [0, 1] [0.5]', 'a real [0, 1] [0.5]'], 'a', 'line 2', undefined],
      [['a categorical {x, y} [x]', 'b real [0, 1] [0.5]', 'b | a ~ x'], 'b', 'line 3', undefined],
      [['a categorical {x, y} [x]', 'b real [0, 1] [0.5]', 'b | a == x ||'], 'b', 'line 3', undefined],
      [['a categorical {x, y} [x]', 'b real [0, 1] [0.5]', 'b | a == z'], 'a', 'line 3', undefined], // the parent, whose values are listed
      [['a categorical {x, y} [x]', 'b real [0, 1] [0.5]', 'b | a > x'], 'b', 'line 3', undefined],
      [['a {x, y} [x]', 'b [0, 1] [0.5]', 'b | a == x'], 'b', 'line 3', 'classic'],
      [['n integer [0, 9] [1]', 'b real [0, 1] [0.5]', 'b | n == two'], 'b', 'line 3', undefined],
      [['a categorical {x, y} [x]', '{a=x, b=y}'], 'b', 'line 2', undefined],
      [['a categorical {x, y} [x]', '{a x}'], '(line 2)', 'line 2', undefined],
      [['a categorical {x, y} [x]', '{a=z}'], 'a', 'line 2', undefined],
      [['a categorical {x, y} [x]', 'what is this'], 'what', 'line 2', undefined],
      [['a categorical {x, y} [x]', 'b float [0, 1] [0.5]'], 'b', 'line 2', undefined],
      [['| a == x'], '(line 1)', 'line 1', undefined],
    ];
    for (const [lines, item, where, format] of cases) {
      const e = pcsErrorOf(() => read(lines, format));
      expect(e.parameter, lines.join(' / ')).toBe(item);
      expect(e.message, lines.join(' / ')).toContain(`bad.pcs ${where}`);
    }
  });

  test('reading a new-format file as classic says which shapes the classic format has', () => {
    const e = pcsErrorOf(() => readPcs(NEW, { format: 'classic', file: 'training-new.pcs' }));
    expect(e.message).toContain('training-new.pcs line 4');
    expect(e.allowed).toContain('name {a, b} [a]');
  });

  test('not a string', () => {
    pcsErrorOf(() => readPcs(42 as unknown as string));
  });
});
