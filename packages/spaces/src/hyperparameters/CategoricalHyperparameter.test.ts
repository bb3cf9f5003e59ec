import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { categorical } from './CategoricalHyperparameter';
import { describeHyperparameterContract } from './hyperparameterFixtures';

describe('categorical', () => {
  describeHyperparameterContract('strings', () => categorical('op', ['none', 'skip_connect', 'nor_conv_1x1']));
  describeHyperparameterContract('mixed, weighted', () => categorical('m', [1, 'a', true], { weights: [1, 0, 2] }));
  describeHyperparameterContract('single choice', () => categorical('s', ['only']));

  test('index encoding, all other choices as neighbours, strict equality', () => {
    const hp = categorical('op', ['a', 'b', 'c', 1]);
    expect(hp.encode('c')).toBe(2);
    expect(hp.decode(1.4)).toBe('b');
    expect(hp.neighbours('b')).toEqual(['a', 'c', 1]);
    expect(hp.isLegal('1')).toBe(false);
    expect(() => hp.canonicalize('1')).toThrow('parameter "op": "1" is not a choice; allowed: a, b, c, 1');
    expect(hp.spec).toEqual({ type: 'categorical', name: 'op', choices: ['a', 'b', 'c', 1], default: 'a' });
  });

  test('weights: zero-weight choices are never drawn; default is the heaviest', () => {
    const hp = categorical('w', ['x', 'y', 'z'], { weights: [0, 1, 2] });
    expect(hp.default).toBe('z');
    const rng = Rng.seeded(1);
    for (let i = 0; i < 1000; i++) expect(hp.sample(rng)).not.toBe('x');
    expect(() => categorical('w', ['x'], { weights: [-1] })).toThrow(/weights/);
  });
});
