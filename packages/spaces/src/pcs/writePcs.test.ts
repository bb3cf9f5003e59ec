import { Rng, type Configuration } from '@jahskit/core';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { andConditions } from '../conditions/andConditions';
import { equalsCondition } from '../conditions/equalsCondition';
import { greaterThanCondition } from '../conditions/greaterThanCondition';
import { inCondition } from '../conditions/inCondition';
import { lessThanCondition } from '../conditions/lessThanCondition';
import { notEqualsCondition } from '../conditions/notEqualsCondition';
import { orConditions } from '../conditions/orConditions';
import { forbiddenAnd } from '../forbiddens/forbiddenAnd';
import { forbiddenEquals } from '../forbiddens/forbiddenEquals';
import { forbiddenIn } from '../forbiddens/forbiddenIn';
import { SpaceError } from '../errors/SpaceError';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import { OrdinalHyperparameter } from '../hyperparameters/OrdinalHyperparameter';
import { writeConfigSpaceJson } from '../serialization/writeConfigSpaceJson';
import { ConfigurationSpace, type ConfigurationSpaceDefinition } from '../space/ConfigurationSpace';
import { exampleSpace } from '../space/spaceFixtures';
import type { PcsFormat } from './detectPcsFormat';
import { PCS_FIXTURES, randomPcsSpace } from './pcsFixtures';
import { readPcs } from './readPcs';
import { writePcs } from './writePcs';
import { expectSameModel } from '../space/expectSameModel';
import { pcsErrorOf } from './pcsErrorOf';

const NEW = readFileSync(PCS_FIXTURES.newFormat, 'utf8');
const CLASSIC = readFileSync(PCS_FIXTURES.classic, 'utf8');

function expectSameSpace(a: ConfigurationSpace, b: ConfigurationSpace): void {
  expectSameModel(a, b);
  expect(writeConfigSpaceJson(b)).toEqual(writeConfigSpaceJson(a));
}

function refusal(space: ConfigurationSpace, format: PcsFormat): SpaceError {
  const error = pcsErrorOf(() => writePcs(space, { format }));
  expect(error.message).toContain(`${format}-format PCS`);
  return error;
}

const space = (definition: ConfigurationSpaceDefinition) => new ConfigurationSpace(definition);

/** Samples of `s`, or none when its forbidden clauses leave too little to draw. */
function samples(s: ConfigurationSpace, seed: number, n: number): Configuration[] {
  try {
    return s.sampleMany(Rng.seeded(seed), n);
  } catch (e) {
    if (SpaceError.is(e) && e.kind === 'forbidden') return [];
    throw e;
  }
}

/** The value `fn` returns or the kind of SpaceError it throws (a forbidden default, say). */
function outcome<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (e) {
    if (SpaceError.is(e)) return { error: e.kind };
    throw e;
  }
}

describe('writePcs', () => {
  test('the fixtures round-trip in their own format: read -> write -> read gives an equal space, and equal JSON', () => {
    for (const [text, format] of [
      [NEW, 'new'],
      [CLASSIC, 'classic'],
    ] as const) {
      const read = readPcs(text);
      const written = writePcs(read, { format });
      expectSameSpace(read, readPcs(written, { format }));
      expect(writePcs(readPcs(written), { format })).toBe(written);
    }
    // The classic space can be written in the new format too, and means the same there.
    expectSameSpace(readPcs(CLASSIC), readPcs(writePcs(readPcs(CLASSIC), { format: 'new' })));
  });

  test("writes ConfigSpace's layout: parameters, conditions, forbidden clauses, each block after a blank line", () => {
    const s = space({
      parameters: [
        new CategoricalHyperparameter('opt', ['sgd', 'adam'], { default: 'adam' }),
        new FloatHyperparameter('lr', 1e-5, 1, { log: true, default: 0.001 }),
        new IntegerHyperparameter('units', 16, 1024, { log: true, default: 64 }),
        new IntegerHyperparameter('layers', 1, 8, { default: 2 }),
        new OrdinalHyperparameter('bs', [16, 32, 64], { default: 32 }),
        new ConstantHyperparameter('loss', 'xent'),
      ],
      conditions: [
        equalsCondition('lr', 'opt', 'sgd'),
        orConditions(
          greaterThanCondition('units', 'layers', 1),
          andConditions(notEqualsCondition('units', 'opt', 'sgd'), inCondition('units', 'bs', [16, 32])),
        ),
      ],
      forbiddens: [forbiddenAnd(forbiddenEquals('opt', 'sgd'), forbiddenIn('layers', [7, 8])), forbiddenEquals('bs', 64)],
    });
    expect(writePcs(s)).toBe(
      [
        'opt categorical {sgd, adam} [adam]',
        'lr real [0.00001, 1] [0.001]log',
        'units integer [16, 1024] [64]log',
        'layers integer [1, 8] [2]',
        'bs ordinal {16, 32, 64} [32]',
        'loss categorical {xent} [xent]',
        '',
        'lr | opt == sgd',
        'units | layers > 1 || opt != sgd && bs in {16, 32}',
        '',
        '{opt=sgd, layers=7}',
        '{opt=sgd, layers=8}',
        '{bs=64}',
        '',
      ].join('\n'),
    );
    const classic = space({
      ...s,
      parameters: s.hyperparameters.filter((h) => h.name !== 'bs'),
      conditions: [s.conditions[0]!],
      forbiddens: [s.forbiddens[0]!],
    });
    expect(writePcs(classic, { format: 'classic' })).toBe(
      [
        'opt {sgd, adam} [adam]',
        'lr [0.00001, 1] [0.001]l',
        'units [16, 1024] [64]il',
        'layers [1, 8] [2]i',
        'loss {xent} [xent]',
        '',
        'lr | opt in {sgd}',
        '',
        '{opt=sgd, layers=7}',
        '{opt=sgd, layers=8}',
        '',
      ].join('\n'),
    );
  });

  test('an AND with OR parts is written one part per line, which reading joins by AND again', () => {
    const s = space({
      parameters: [new IntegerHyperparameter('a', 0, 9), new IntegerHyperparameter('b', 0, 9), new FloatHyperparameter('c', 0, 1)],
      conditions: [andConditions(greaterThanCondition('c', 'a', 2), orConditions(lessThanCondition('c', 'b', 3), equalsCondition('c', 'a', 7)))],
    });
    const text = writePcs(s);
    expect(text).toContain('c | a > 2\nc | b < 3 || a == 7\n');
    expectSameSpace(s, readPcs(text));
  });

  test('the classic format writes an AND as one line per part, read back as the same AND', () => {
    const s = space({
      parameters: [new CategoricalHyperparameter('a', ['x', 'y']), new CategoricalHyperparameter('b', ['x', 'y', 'z']), new FloatHyperparameter('c', 0, 1)],
      conditions: [andConditions(equalsCondition('c', 'a', 'x'), inCondition('c', 'b', ['x', 'z']))],
    });
    const text = writePcs(s, { format: 'classic' });
    expect(text).toContain('c | a in {x}\nc | b in {x, z}\n');
    expectSameSpace(s, readPcs(text));
  });

  test('what PCS cannot say is refused, naming the parameter, never dropped', () => {
    const x = new CategoricalHyperparameter('x', ['a', 'b']);
    const y = new FloatHyperparameter('y', 0, 1);
    expect(refusal(space({ parameters: [new CategoricalHyperparameter('w', ['a', 'b'], { weights: [1, 2] })] }), 'new').parameter).toBe('w');
    expect(refusal(space({ parameters: [new FloatHyperparameter('q', 0, 1, { q: 0.1 })] }), 'new').message).toContain('q');
    expect(refusal(space({ parameters: [new OrdinalHyperparameter('o', ['a', 'b'])] }), 'classic').parameter).toBe('o');
    expect(refusal(space({ parameters: [new CategoricalHyperparameter('has space', ['a'])] }), 'new').parameter).toBe('has space');
    expect(refusal(space({ parameters: [new CategoricalHyperparameter('v', ['a b', 'c'])] }), 'new').parameter).toBe('v');
    expect(refusal(space({ parameters: [new CategoricalHyperparameter('d', [1, '1'])] }), 'new').message).toContain('not distinct');
    for (const type of ['NEQ', 'LT', 'GT'] as const) {
      const s = space({ parameters: [new IntegerHyperparameter('n', 0, 5), y], conditions: [{ type, child: 'y', parent: 'n', value: 2 }] });
      expect(refusal(s, 'classic').parameter).toBe('y');
    }
    const or = space({ parameters: [x, y], conditions: [orConditions(equalsCondition('y', 'x', 'a'), equalsCondition('y', 'x', 'b'))] });
    expect(refusal(or, 'classic').parameter).toBe('y');
    const nested = space({
      parameters: [x, new CategoricalHyperparameter('z', ['a', 'b']), y],
      conditions: [
        orConditions(
          equalsCondition('y', 'x', 'a'),
          andConditions(equalsCondition('y', 'z', 'a'), orConditions(equalsCondition('y', 'x', 'b'), equalsCondition('y', 'z', 'b'))),
        ),
      ],
    });
    expect(refusal(nested, 'new').message).toContain('parentheses');
    const relation = space({
      parameters: [new IntegerHyperparameter('m', 0, 5), new IntegerHyperparameter('n', 0, 5)],
      forbiddens: [{ type: 'RELATION', relation: 'LESS', left: 'm', right: 'n' }],
    });
    expect(refusal(relation, 'new').parameter).toBe('m');
    expect(refusal(exampleSpace(), 'new').parameter).toBe('optimizer'); // weighted
    expect(() => writePcs(space({ parameters: [x] }), { format: 'json' as PcsFormat })).toThrow(/allowed: classic, new/);
  });

  test('a parameter spec with a field PCS has no spelling for (a prior, say) is refused', () => {
    const hp = new FloatHyperparameter('p', 0, 1);
    const withPrior = Object.create(hp, { spec: { value: { ...hp.spec, prior: { type: 'normal', mu: 0.5, sigma: 0.1 } } } }) as FloatHyperparameter;
    const e = refusal(space({ parameters: [withPrior] }), 'new');
    expect(e.parameter).toBe('p');
    expect(e.message).toContain('prior');
  });

  test('property: a generated space survives write -> read in either format, up to what PCS spells differently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), fc.constantFrom<PcsFormat>('new', 'classic'), (seed, format) => {
        const original = randomPcsSpace(seed, format);
        const text = writePcs(original, { format });
        const read = readPcs(text, { format });
        // Once read, the space is a fixed point: writing and reading again changes nothing.
        const again = writePcs(read, { format });
        expectSameSpace(read, readPcs(again));
        expect(writePcs(readPcs(again), { format })).toBe(again);
        expect(read.names).toEqual(original.names);
        // And it means the same: the same configurations are legal, active and allowed in both.
        for (const c of samples(original, seed, 20)) expect(read.validate(c)).toEqual(c);
        for (const c of samples(read, (seed + 1) >>> 0, 20)) expect(original.validate(c)).toEqual(c);
        expect(outcome(() => read.defaultConfiguration())).toEqual(outcome(() => original.defaultConfiguration()));
      }),
      { numRuns: 200 },
    );
  });
});
