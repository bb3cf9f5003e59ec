import { Rng } from '@jahskit/core';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import type { ConfigurationSpace } from '../space/ConfigurationSpace';
import type { ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';
import { configSpaceJsonFormatOf, readConfigSpaceJson } from './readConfigSpaceJson';
import { writeConfigSpaceJson } from './writeConfigSpaceJson';
import { expectSameModel } from '../space/expectSameModel';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Every ConfigSpace JSON fixture, with the dialect it is in. */
const CORPUS: readonly [string, ConfigSpaceJsonFormat][] = [
  ['nb301_config_space_v2.json', '0.4'],
  ['nb301_style_priors.json', '0.4'],
  ['all_types_v0.2.json', '0.4'],
  ['all_types_v0.4.json', '0.4'],
  ['all_types_v1.json', '1'],
];

/** Numbers to 12 significant digits: a log-scale normal's mu and sigma change parametrisation between dialects. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function expectSameModelUpToRounding(a: ConfigurationSpace, b: ConfigurationSpace): void {
  expect(rounded(b.parameters)).toEqual(rounded(a.parameters));
  expect(b.conditions).toEqual(a.conditions);
  expect(b.forbiddens).toEqual(a.forbiddens);
}

function expectOneLineError(fn: () => unknown, parameter: string, ...fragments: string[]): void {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(SpaceError.is(e), String(e)).toBe(true);
    expect((e as SpaceError).kind).toBe('invalid-json');
    expect((e as SpaceError).parameter).toBe(parameter);
    expect((e as SpaceError).message).not.toContain('\n');
    for (const fragment of fragments) expect((e as SpaceError).message).toContain(fragment);
  }
}

describe.each(CORPUS)('%s', (file, format) => {
  const text = fixture(file);

  test('written back, it is the same content as the file (key order and whitespace aside)', () => {
    const space = readConfigSpaceJson(text);
    expect(configSpaceJsonFormatOf(space)).toBe(format);
    expect(JSON.parse(JSON.stringify(writeConfigSpaceJson(space)))).toEqual(JSON.parse(text));
  });

  test.each(['0.4', '1'] as const)('the writers alone (preserve: false) keep the model, in format %s', (target) => {
    const space = readConfigSpaceJson(text);
    const written = writeConfigSpaceJson(space, { format: target, preserve: false });
    expect(target === '1' ? 'format_version' in written : 'json_format_version' in written).toBe(true);
    const back = readConfigSpaceJson(JSON.stringify(written));
    expect(configSpaceJsonFormatOf(back)).toBe(target);
    if (target === format) expectSameModel(space, back);
    else expectSameModelUpToRounding(space, back);
  });

  test('converted to the other dialect, unknown keys are kept and the dialect keys change', () => {
    const space = readConfigSpaceJson(text);
    const other = format === '1' ? '0.4' : '1';
    const written = writeConfigSpaceJson(space, { format: other });
    const original = JSON.parse(text) as Record<string, unknown>;
    expect(written['python_module_version']).toBe(original['python_module_version']);
    const items = written['hyperparameters'] as Record<string, unknown>[];
    for (const item of items) {
      if (item['type'] === 'constant' || item['type'] === 'unparametrized') continue;
      expect(other === '1' ? 'default_value' in item : 'default' in item, JSON.stringify(item)).toBe(true);
      expect('probabilities' in item).toBe(false);
    }
    // And converting back gives the file's model again.
    expectSameModelUpToRounding(
      readConfigSpaceJson(text),
      readConfigSpaceJson(JSON.stringify(writeConfigSpaceJson(readConfigSpaceJson(JSON.stringify(written)), { format }))),
    );
  });

  test('samples are legal', () => {
    const space = readConfigSpaceJson(text);
    const rng = Rng.seeded(7);
    for (let i = 0; i < 200; i++) {
      const c = space.sample(rng);
      expect(space.validate(c)).toEqual(c);
    }
    expect(space.validate(space.defaultConfiguration())).toEqual(space.defaultConfiguration());
  });
});

describe('ConfigSpace JSON dialects', () => {
  test('the JAHS search_space.json (not ConfigSpace JSON) is refused in one line', () => {
    expectOneLineError(() => readConfigSpaceJson(fixture('jahs_search_space.json')), '(document)', '"hyperparameters" must be an array');
  });

  test('the NB301 paper-style space reads its normal priors and samples them', () => {
    const space = readConfigSpaceJson(fixture('nb301_style_priors.json'));
    const lr = space.get('Optimizer:sgd:learning_rate') as FloatHyperparameter;
    expect(lr.prior).toEqual({ kind: 'normal', mu: 0.025, sigma: 0.05 });
    expect(lr.log).toBe(true);
    // Unbounded before ConfigSpace 1.0: mu -+ 3 sigma on the log scale, widened to hold the default.
    expect(lr.lower).toBeCloseTo(0.025, 15);
    expect(lr.upper).toBeCloseTo(Math.exp(0.025 + 0.15), 12);
    expect(lr.default).toBe(0.025);
    const holes = space.get('Augment:cutout_holes') as IntegerHyperparameter;
    expect([holes.lower, holes.upper, holes.default]).toEqual([-1, 5, 2]);
    const rng = Rng.seeded(3);
    const draws = Array.from({ length: 2000 }, () => space.sample(rng)['Optimizer:sgd:learning_rate'] as number);
    const meanLog = draws.reduce((a, v) => a + Math.log(v), 0) / draws.length;
    expect(meanLog).toBeCloseTo(0.025, 1);
  });

  test('ConfigSpace 1.x log-scale normals: mu is a value, sigma spreads |log(lower + sigma)|', () => {
    const space = readConfigSpaceJson(fixture('all_types_v1.json'));
    const wd = space.get('wd') as FloatHyperparameter;
    expect(wd.prior).toEqual({ kind: 'normal', mu: Math.log(0.001), sigma: Math.abs(Math.log(1e-6 + 0.5)) });
    expect(wd.default).toBe(0.001);
    const dropout = space.get('dropout') as FloatHyperparameter;
    expect(dropout.prior).toEqual({ kind: 'beta', alpha: 2, beta: 5 });
  });

  test("defaults left out are the prior's, as ConfigSpace defines them", () => {
    const doc = (hp: object) => ({ hyperparameters: [hp], json_format_version: 0.4 });
    const read = (hp: object) => readConfigSpaceJson(doc(hp)).hyperparameters[0]!.default;
    expect(read({ name: 'n', type: 'normal_float', log: false, mu: 3, sigma: 1, lower: 0, upper: 10 })).toBe(3);
    expect(read({ name: 'n', type: 'normal_float', log: false, mu: 30, sigma: 1, lower: 0, upper: 10 })).toBe(10);
    expect(read({ name: 'n', type: 'normal_float', log: true, mu: Math.log(0.01), sigma: 1, lower: 1e-4, upper: 1 })).toBeCloseTo(0.01, 15);
    expect(read({ name: 'b', type: 'beta_float', log: false, alpha: 2, beta: 5, lower: 0, upper: 1 })).toBeCloseTo(0.2, 15);
    expect(read({ name: 'b', type: 'beta_float', log: false, alpha: 1, beta: 1, lower: 0, upper: 4 })).toBe(2);
    expect(read({ name: 'b', type: 'beta_int', log: false, alpha: 3, beta: 2, lower: 1, upper: 10 })).toBe(7);
    expect(read({ name: 'c', type: 'categorical', choices: ['x', 'y'], weights: [1, 4] })).toBe('y');
  });

  test('bad priors and weights: one line naming the item, the parameter and what is allowed', () => {
    const doc = (hp: object) => ({ hyperparameters: [hp], json_format_version: 0.4 });
    expectOneLineError(
      () => readConfigSpaceJson(doc({ name: 'n', type: 'normal_float', mu: 0, sigma: -1, lower: 0, upper: 1 })),
      'n',
      'hyperparameters[0]',
      'sigma',
      'allowed:',
    );
    expectOneLineError(
      () => readConfigSpaceJson(doc({ name: 'b', type: 'beta_float', alpha: 0, beta: 2, lower: 0, upper: 1 })),
      'b',
      'alpha must be a finite number > 0',
      'allowed:',
    );
    expectOneLineError(
      () => readConfigSpaceJson(doc({ name: 'c', type: 'categorical', choices: ['x', 'y'], weights: [1] })),
      'c',
      'hyperparameters[0]',
      'weights must be 2 finite non-negative numbers',
    );
    expectOneLineError(() => readConfigSpaceJson(doc({ name: 'c', type: 'categorical', choices: ['x', 'y'], weights: [1, -2] })), 'c', 'weights');
    expectOneLineError(() => readConfigSpaceJson(doc({ name: 'c', type: 'categorical', choices: ['x', 'y'], probabilities: [0, 0] })), 'c', 'positive sum');
    expectOneLineError(() => readConfigSpaceJson(doc({ name: 'z', type: 'zeta_float' })), 'z', 'unknown hyperparameter type "zeta_float"', 'beta_float');
    expectOneLineError(
      () =>
        readConfigSpaceJson({ hyperparameters: [{ name: 'w', type: 'normal_float', log: true, mu: -1, sigma: 1, lower: 0.1, upper: 1 }], format_version: 0.4 }),
      'w',
      'mu > 0',
    );
    expectOneLineError(
      () => writeConfigSpaceJson(readConfigSpaceJson(doc({ name: 'c', type: 'categorical', choices: ['x'] })), { format: '2' as never }),
      '(format)',
      'allowed: 0.4, 1',
    );
    // 1.x spreads a log-scale normal by |log(lower + sigma)|: from lower = 8 no sigma spreads by 0.7.
    const narrow = readConfigSpaceJson(doc({ name: 'u', type: 'normal_int', log: true, mu: 5, sigma: 0.7, lower: 8, upper: 1024 }));
    expectOneLineError(() => writeConfigSpaceJson(narrow, { format: '1' }), 'u', 'cannot be written in ConfigSpace 1.x JSON', "allowed: format '0.4'");
  });

  test('a space built in code is written in 0.4 by default, in 1.x on request', () => {
    const space = readConfigSpaceJson(fixture('all_types_v0.4.json'));
    const restricted = space.restrict({ opt: 'adam', kind: 'a' });
    expect(configSpaceJsonFormatOf(restricted)).toBeUndefined();
    expect('json_format_version' in writeConfigSpaceJson(restricted)).toBe(true);
    const modern = writeConfigSpaceJson(restricted, { format: '1' });
    expect(modern['name']).toBe('all-types-0.4');
    expect((modern['forbiddens'] as { type: string }[]).map((f) => f.type)).toEqual(['AND', 'IN', 'RELATION_GT']);
    expectSameModelUpToRounding(restricted, readConfigSpaceJson(modern));
  });
});
