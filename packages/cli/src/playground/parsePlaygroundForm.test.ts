import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { errorOf } from '@jahskit/core/testing';
import { CliError } from '../commandLineError';
import { RS_NB201_STUDY } from './playgroundFixtures';
import { MAX_PLAYGROUND_STUDIES, parsePlaygroundForm, parseSeedList, type PlaygroundForm } from './parsePlaygroundForm';

const form: PlaygroundForm = {
  benchmark: 'nb201',
  instance: 'cifar10',
  benchmarkOptions: '',
  optimizers: ['rs', 'tpe'],
  seeds: '3..4',
  budget: '50',
  workers: '1',
};

describe('parsePlaygroundForm', () => {
  test('one study per optimizer and seed, optimizers first, with the options run.ts would give', () => {
    const studies = parsePlaygroundForm(form);
    expect(studies.map((s) => `${s.optimizer}/${s.seed}`)).toEqual(['rs/3', 'rs/4', 'tpe/3', 'tpe/4']);
    expect(studies[0]).toEqual(RS_NB201_STUDY);
  });

  test('a budget in simulated seconds; no instance for a benchmark without any', () => {
    const [study] = parsePlaygroundForm({
      ...form,
      benchmark: 'jahs',
      instance: '',
      optimizers: ['rs'],
      seeds: '0',
      budget: '3600s',
      benchmarkOptions: '{"objectives": ["valid_error", "latency"]}',
    });
    expect(study).toMatchObject({ benchmarkOptions: { objectives: ['valid_error', 'latency'] }, budget: { simulatedSeconds: 3600 } });
  });

  test('the instance field goes last and wins over one in the JSON, as --instance does', () => {
    const [study] = parsePlaygroundForm({ ...form, optimizers: ['rs'], seeds: '0', benchmarkOptions: '{"instance": "cifar100", "noise": "seed"}' });
    expect(JSON.stringify(study!.benchmarkOptions)).toBe('{"noise":"seed","instance":"cifar10"}');
  });

  test.each([
    [{ optimizers: [] }, 'optimizers'],
    [{ seeds: '3..1' }, 'seeds'],
    [{ seeds: 'x' }, 'seeds'],
    [{ seeds: '1, 1' }, 'seeds'],
    [{ seeds: '4294967296' }, 'seeds'],
    [{ budget: '0' }, 'budget'],
    [{ budget: '1.5' }, 'budget'],
    [{ workers: '0' }, 'workers'],
    [{ benchmarkOptions: '[1]' }, '--benchmark-options'],
    [{ benchmarkOptions: '{' }, '--benchmark-options'],
    [{ seeds: `0..${MAX_PLAYGROUND_STUDIES - 1}` }, 'seeds'],
  ] as const)('%j is a usage error naming %s', (change, parameter) => {
    const error = errorOf(CliError, () => parsePlaygroundForm({ ...form, ...change }));
    expect(error.kind).toBe('usage');
    expect(error.parameter).toBe(parameter);
  });
});

describe('parseSeedList', () => {
  test.prop([fc.uniqueArray(fc.integer({ min: 0, max: 0xffff_ffff }), { minLength: 1, maxLength: 20 })])(
    'a list of distinct seeds reads back as written',
    (seeds) => {
      expect(parseSeedList(seeds.join(', '))).toEqual(seeds);
    },
  );

  test.prop([fc.integer({ min: 0, max: 0xffff_ffff - 63 }), fc.integer({ min: 0, max: 63 })])('a range a..b is a to b, inclusive', (first, extra) => {
    expect(parseSeedList(`${first}..${first + extra}`)).toEqual(Array.from({ length: extra + 1 }, (_, i) => first + i));
  });
});
