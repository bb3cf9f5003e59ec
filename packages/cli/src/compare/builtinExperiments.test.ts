import { describe, expect, test } from 'vitest';
import { createRegistry, validateOptions, type Configuration } from '@jahskit/core';
import { defaultModules } from '../defaultModules';
import { BUILTIN_EXPERIMENTS } from './builtinExperiments';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import { optimizerIdOf } from './optimizerVariant';

describe('BUILTIN_EXPERIMENTS', () => {
  const registry = createRegistry(defaultModules());

  test('names are unique, and each is the name of its page in docs/experiments', () => {
    expect(new Set(BUILTIN_EXPERIMENTS.map((e) => e.name)).size).toBe(BUILTIN_EXPERIMENTS.length);
  });

  test.each(BUILTIN_EXPERIMENTS.map((e) => [e.name, e] as const))(
    '%s: its arms name known protocols and optimizers, with valid options, on one metric and axis',
    (_, experiment) => {
      const protocols = experiment.arms.map((arm) => BUILTIN_PROTOCOLS.find((p) => p.name === arm.protocol));
      expect(protocols.every((p) => p !== undefined)).toBe(true);
      expect(new Set(protocols.map((p) => `${p!.metric} over ${p!.axis}`)).size).toBe(1);
      expect(new Set(experiment.arms.map((a) => a.label)).size).toBe(experiment.arms.length);
      for (const arm of experiment.arms) {
        const descriptor = registry.get('optimizer', optimizerIdOf(arm.optimizer));
        const options = experiment.optimizerOptions?.[arm.optimizer];
        // A variant has options of its own; a plain id takes its defaults.
        expect(options !== undefined, arm.optimizer).toBe(arm.optimizer.includes('@'));
        validateOptions(descriptor.options, options ?? {}, `optimizer "${arm.optimizer}"`);
      }
      for (const fraction of experiment.checkpoints ?? []) expect(fraction > 0 && fraction < 1).toBe(true);
    },
  );

  // The page says how the priors were found: the best and a worst of 5,000 random configurations at full fidelity.
  test('jahs-priors: the good and the misleading prior are configurations of the joint JAHS space at the values the page states', async () => {
    const experiment = BUILTIN_EXPERIMENTS.find((e) => e.name === 'jahs-priors')!;
    const options = experiment.optimizerOptions!;
    const good = options['tpe@good-prior']!['prior'] as Configuration;
    const misleading = options['tpe@misleading-prior']!['prior'] as Configuration;
    expect(options['priorband@good-prior']).toEqual({ fidelity: 'epoch', prior: good });
    expect(options['priorband@misleading-prior']).toEqual({ fidelity: 'epoch', prior: misleading });
    expect(options['priorband@good-prior-first']).toEqual({ fidelity: 'epoch', prior: good, priorFirst: 'max-fidelity' });
    expect(options['priorband@misleading-prior-first']).toEqual({ fidelity: 'epoch', prior: misleading, priorFirst: 'max-fidelity' });
    const jahs = await registry.createBenchmark('jahs', { variant: 'joint', objectives: ['valid_error'] }, { env: {} });
    try {
      const fidelity = jahs.fidelitySpace.defaultConfiguration();
      const [atGood, atMisleading] = await jahs.evaluate([
        { config: jahs.space.validate(good), fidelity, seed: 0 },
        { config: jahs.space.validate(misleading), fidelity, seed: 0 },
      ]);
      expect(atGood!.metrics['valid_error']).toBeCloseTo(0.63, 2);
      expect(atMisleading!.metrics['valid_error']).toBe(100);
    } finally {
      await jahs.close?.();
    }
    // Each prior-guided arm has its prior-free counterpart in the same grid.
    expect(experiment.arms.map((a) => a.optimizer)).toEqual(
      expect.arrayContaining(['tpe', 'hyperband@epoch', 'tpe@good-prior', 'tpe@misleading-prior', 'priorband@good-prior', 'priorband@misleading-prior']),
    );
  });

  test('nb301-learning-curves: every arm on the nb301 time protocol, the multi-fidelity ones on its epochs', () => {
    const experiment = BUILTIN_EXPERIMENTS.find((e) => e.name === 'nb301-learning-curves')!;
    expect(new Set(experiment.arms.map((a) => a.protocol))).toEqual(new Set(['nb301']));
    const protocol = BUILTIN_PROTOCOLS.find((p) => p.name === 'nb301')!;
    expect(protocol.benchmark).toBe('nb301');
    expect(protocol.axis).toBe('mean-evaluations');
    for (const arm of experiment.arms.filter((a) => a.optimizer.includes('@')))
      expect(experiment.optimizerOptions![arm.optimizer]).toEqual({ fidelity: 'epoch' });
  });
});

describe('hardware-aware', () => {
  test('runs every arm on both bounded protocols, labelled by protocol, under one metric label', () => {
    const experiment = BUILTIN_EXPERIMENTS.find((e) => e.name === 'hardware-aware')!;
    expect(new Set(experiment.arms.map((a) => a.protocol))).toEqual(new Set(['nb201-latency', 'jahs-size']));
    for (const protocol of ['nb201-latency', 'jahs-size']) {
      expect(experiment.arms.filter((a) => a.protocol === protocol).map((a) => a.optimizer)).toEqual([
        'rs',
        're@pop20',
        'ls',
        'reinforce',
        'tpe',
        'gpbo',
        'bananas',
      ]);
    }
    expect(experiment.arms.every((a) => a.label.startsWith(`${a.protocol}: `))).toBe(true);
    expect(experiment.metricLabel).toMatch(/within the bound/);
  });
});
