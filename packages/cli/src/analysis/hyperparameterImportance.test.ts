import { createRegistry, Rng, type Configuration } from '@jahskit/core';
import { categorical, ConfigurationSpace, constant, float, integer, nb201FromIndex, ordinal } from '@jahskit/spaces';
import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { defaultModules } from '../defaultModules';
import { hyperparameterImportance } from './hyperparameterImportance';

/** A log-scale float, an integer, a categorical, an ordinal, a constant and a parameter active only with sgd (unless unconditional). */
function space(conditional = true): ConfigurationSpace {
  return new ConfigurationSpace({
    parameters: [
      float('lr', 1e-5, 1, { log: true }),
      integer('layers', 1, 8),
      categorical('optimizer', ['sgd', 'adam', 'rmsprop']),
      ordinal('batch', [16, 32, 64, 128]),
      constant('loss', 'xent'),
      float('momentum', 0, 1),
    ],
    conditions: conditional ? [{ type: 'EQ', child: 'momentum', parent: 'optimizer', value: 'sgd' }] : [],
  });
}

function sample(n: number, seed: number, conditional = true): Configuration[] {
  const rng = Rng.seeded(seed);
  const s = space(conditional);
  return Array.from({ length: n }, () => s.sample(rng));
}

describe('hyperparameterImportance', () => {
  test('a log-scale parameter is measured on its log scale: an objective of log(lr) gives lr nearly all the importance', () => {
    const configs = sample(600, 1);
    // Linear in log10(lr): its variance is spread evenly over the five decades the space samples uniformly.
    const result = hyperparameterImportance(
      space(),
      configs.map((config) => ({ config, value: Math.log10(config['lr'] as number) })),
    );
    expect(result.parameters.map((p) => p.name)).toHaveLength(5); // the constant is left out
    expect(result.parameters[0]).toMatchObject({ name: 'lr' });
    expect(result.parameters[0]!.importance).toBeGreaterThan(0.95);
    for (const p of result.parameters.slice(1)) expect(p.importance).toBeLessThan(0.02);
    expect(result.trees).toBe(16);
    expect(result.trials).toBe(600);
  });

  test("an additive objective: shares match the terms' variances under the space's measure", () => {
    // Without the condition: momentum's inactive state would tell sgd from the rest as well as the optimizer does (see below).
    const configs = sample(1500, 2, false);
    const effect: Record<string, number> = { sgd: 1, adam: 0, rmsprop: -1 };
    // log10(lr) uniform on [-5, 0]: variance 25/12. The optimizer's effect: (1 + 0 + 1)/3 = 2/3 (mean 0).
    // layers uniform on 1..8 as encoded: 0.5·layers has variance 0.25·(8² − 1)/12 = 1.3125.
    const result = hyperparameterImportance(
      space(false),
      configs.map((config) => ({
        config,
        value: Math.log10(config['lr'] as number) + effect[config['optimizer'] as string]! + 0.5 * (config['layers'] as number),
      })),
      { seed: 3 },
    );
    const total = 25 / 12 + 2 / 3 + 1.3125;
    const share = Object.fromEntries(result.parameters.map((p) => [p.name, p.importance]));
    expect(share['lr']).toBeCloseTo(25 / 12 / total, 1);
    expect(share['optimizer']).toBeCloseTo(2 / 3 / total, 1);
    expect(share['layers']).toBeCloseTo(1.3125 / total, 1);
    expect(share['batch']).toBeLessThan(0.02);
    expect(share['momentum']).toBeLessThan(0.02);
    for (const p of result.parameters) expect(p.std).toBeGreaterThanOrEqual(0);
  });

  test('a conditional parameter: its inactive state is a value of its own, so it explains what the condition does', () => {
    const configs = sample(800, 4);
    // Only momentum matters, and only where it is active: sgd runs are decided by it.
    const result = hyperparameterImportance(
      space(),
      configs.map((config) => ({ config, value: config['momentum'] === undefined ? 0 : 10 * (config['momentum'] as number) })),
      { pairs: 2 },
    );
    expect(result.parameters[0]!.name).toBe('momentum');
    // The optimizer decides whether momentum is on, so the two share the variance (with an interaction).
    expect(result.parameters.slice(0, 2).map((p) => p.name)).toEqual(['momentum', 'optimizer']);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]!.name).toBe('optimizer × momentum');
    const sum = result.parameters.reduce((s, p) => s + p.importance, 0) + result.pairs[0]!.importance;
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
  });

  property.prop(
    [
      fc.integer({ min: 0, max: 10_000 }),
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 20, max: 300 }),
    ],
    { numRuns: 15 },
  )('with conditional parameters too: every share is in [0, 1], and main effects and interactions sum to at most 1', (seed, c, n) => {
    const configs = sample(n, seed);
    const value = (config: Configuration): number =>
      c[0]! * Math.log10(config['lr'] as number) +
      c[1]! * (config['layers'] as number) * (config['optimizer'] === 'adam' ? 1 : -1) +
      c[2]! * (config['batch'] as number) ** 0.5 +
      c[3]! * ((config['momentum'] as number | undefined) ?? c[4]!) +
      c[5]! * Math.sin(config['layers'] as number);
    const result = hyperparameterImportance(
      space(),
      configs.map((config) => ({ config, value: value(config) })),
      { seed, pairs: 5, trees: 4 },
    );
    const shares = [...result.parameters, ...result.pairs].map((p) => p.importance);
    for (const share of shares) expect(share >= 0 && share <= 1 + 1e-9).toBe(true);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  test('deterministic by seed; no trial, one trial, a constant objective and non-finite values leave every share 0', () => {
    const configs = sample(100, 5);
    const trials = configs.map((config, i) => ({ config, value: (config['layers'] as number) + (i % 3) }));
    expect(hyperparameterImportance(space(), trials, { seed: 9 })).toEqual(hyperparameterImportance(space(), trials, { seed: 9 }));
    for (const few of [[], trials.slice(0, 1), trials.map((t) => ({ ...t, value: 2 })), trials.map((t) => ({ ...t, value: Number.NaN }))]) {
      const result = hyperparameterImportance(space(), few);
      expect(result.trees).toBe(0);
      expect(result.parameters.every((p) => p.importance === 0)).toBe(true);
    }
    expect(() => hyperparameterImportance(space(), trials, { pairs: -1 })).toThrow(expect.objectContaining({ kind: 'usage', parameter: 'pairs' }));
    expect(() => hyperparameterImportance(space(), trials, { trees: 1.5 })).toThrow(expect.objectContaining({ kind: 'usage', parameter: 'trees' }));
  });

  test('NAS-Bench-201 CIFAR-10: 1,000 random cells give the main effects of the whole 15,625-cell table within 0.05', async () => {
    const registry = createRegistry(defaultModules());
    const benchmark = await registry.createBenchmark('nb201', { instance: 'cifar10', objectives: ['valid_error'] }, { env: {} });
    try {
      const configs = Array.from({ length: 15_625 }, (_, i) => nb201FromIndex(i));
      const errors = (await benchmark.evaluate(configs.map((config) => ({ config, fidelity: { epoch: 200 }, seed: 0 })))).map((e) => e.metrics['valid_error']!);
      // The exact functional ANOVA of the table: the space is the table, every cell equally likely.
      const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
      const total = errors.reduce((a, v) => a + (v - mean) ** 2, 0) / errors.length;
      const exact = Object.fromEntries(
        benchmark.space.parameters.map((p) => {
          const byValue = new Map<unknown, number[]>();
          configs.forEach((c, i) => byValue.set(c[p.name], [...(byValue.get(c[p.name]) ?? []), errors[i]!]));
          const variance = [...byValue.values()].reduce(
            (a, vs) => a + ((vs.reduce((s, v) => s + v, 0) / vs.length - mean) ** 2 * vs.length) / errors.length,
            0,
          );
          return [p.name, variance / total];
        }),
      );
      const rng = Rng.seeded(11);
      const picked = Array.from({ length: 1000 }, () => rng.index(configs.length));
      const started = performance.now();
      const result = hyperparameterImportance(
        benchmark.space,
        picked.map((i) => ({ config: configs[i]!, value: errors[i]! })),
      );
      const ms = performance.now() - started;
      expect(result.parameters).toHaveLength(6);
      for (const p of result.parameters) expect(Math.abs(p.importance - exact[p.name]!), p.name).toBeLessThan(0.05);
      // The ranking's head agrees: the edge that matters most in the table matters most here.
      const top = Object.entries(exact).sort((a, b) => b[1] - a[1])[0]![0];
      expect(result.parameters[0]!.name).toBe(top);
      // Generous: the machine running the tests may be busy (about 60-150 ms of CPU when measured alone).
      expect(ms).toBeLessThan(5000);
    } finally {
      await benchmark.close?.();
    }
  });
});
