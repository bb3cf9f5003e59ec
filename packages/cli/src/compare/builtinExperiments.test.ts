import { describe, expect, test } from 'vitest';
import { createRegistry, validateOptions } from '@jahskit/core';
import { defaultModules } from '../defaultModules';
import { BUILTIN_EXPERIMENTS } from './builtinExperiments';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import { optimizerIdOf } from './optimizerVariant';

describe('BUILTIN_EXPERIMENTS', () => {
  const registry = createRegistry(defaultModules());

  test('names are unique, and each is the name of its page in docs/experiments', () => {
    expect(new Set(BUILTIN_EXPERIMENTS.map((e) => e.name)).size).toBe(BUILTIN_EXPERIMENTS.length);
  });

  test.each(BUILTIN_EXPERIMENTS.map((e) => [e.name, e] as const))('%s: its arms name known protocols and optimizers, with valid options, on one metric and axis', (_, experiment) => {
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
  });
});
