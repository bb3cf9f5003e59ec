import { describe, expect, test } from 'vitest';
import { CliError } from '../commandLineError';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import { presetOptions, protocolPresets } from './presetOptions';

describe('presetOptions', () => {
  test('fills in the options of the presets named, and keeps the options given for other labels', () => {
    const options = presetOptions(['rs', 're@nb201-paper', 'reinforce@nb201-paper', 're@pop20'], { 're@pop20': { population: 20 } }, BUILTIN_PROTOCOLS);
    expect(options).toEqual({
      're@nb201-paper': { population: 10, sampleSize: 3 },
      'reinforce@nb201-paper': { learningRate: 0.5, baselineDecay: 0.9 },
      're@pop20': { population: 20 },
    });
    expect(presetOptions(['bohb@nb201-paper'], {}, BUILTIN_PROTOCOLS)['bohb@nb201-paper']).toMatchObject({
      minBudget: 12,
      maxBudget: 200,
      eta: 3,
      randomFraction: 0,
      numSamples: 4,
    });
  });

  test('options given for a preset label are a usage error naming it', () => {
    let caught: unknown;
    try {
      presetOptions(['re@nb201-paper'], { 're@nb201-paper': { population: 50 } }, BUILTIN_PROTOCOLS);
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof CliError && caught.kind === 'usage' && caught.parameter === 'optimizer-options').toBe(true);
    expect((caught as Error).message).toMatch(/re@nb201-paper.*preset/);
  });

  test('preset labels are unique over the shipped protocols', () => {
    const labels = BUILTIN_PROTOCOLS.flatMap((p) => (p.presets ?? []).map((preset) => preset.label));
    expect(new Set(labels).size).toBe(labels.length);
    expect(protocolPresets(BUILTIN_PROTOCOLS).size).toBe(labels.length);
  });
});
