import { describe, expect, test } from 'vitest';
import { cliCommandOf } from './cliCommandOf';
import { RS_NB201_STUDY } from './playgroundFixtures';

describe('cliCommandOf', () => {
  test('the flags of jahskit run, defaults left out', () => {
    expect(cliCommandOf(RS_NB201_STUDY)).toBe('jahskit run --benchmark nb201 --instance cifar10 --optimizer rs --seed 3 --budget 50');
  });

  test('other options as shell-quoted JSON, a budget in seconds, workers', () => {
    const command = cliCommandOf({
      benchmark: 'synthetic',
      benchmarkOptions: { note: "it's", instance: 'zdt1' },
      optimizer: 'nsga2',
      optimizerOptions: {},
      seed: 0,
      budget: { simulatedSeconds: 400 },
      workers: 4,
    });
    expect(command).toBe(
      `jahskit run --benchmark synthetic --benchmark-options '{"note":"it'\\''s"}' --instance zdt1 --optimizer nsga2 --seed 0 --budget 400s --workers 4`,
    );
  });
});
