import { describe, expect, test } from 'vitest';
import { headerSimulation } from './headerSimulation';
import type { RunHeader } from './RunHeader';

const header = {
  task: 'run',
  title: 'nb201',
  benchmark: 'nb201/cifar10',
  benchmarkOptions: {},
  optimizer: 'rs',
  optimizerOptions: {},
  seed: 7,
  budget: { simulatedSeconds: 3600 },
  workers: 4,
  mode: 'sync',
  fidelityMode: 'retrain',
  objectives: [{ name: 'valid_error', direction: 'minimize', cheap: false }],
  fullFidelity: {},
  metric: 'best',
  axis: 'simulated-seconds',
} satisfies RunHeader;

describe('headerSimulation', () => {
  test("the simulation is the header's: seed, budget, workers and modes", () => {
    expect(headerSimulation(header)).toEqual({ seed: 7, budget: { simulatedSeconds: 3600 }, workers: 4, mode: 'sync', fidelityMode: 'retrain' });
  });

  test("modes a header leaves out stay out, so that simulate's defaults apply as they did when it was written", () => {
    const { mode: _mode, fidelityMode: _fidelityMode, ...older } = header;
    const simulation = headerSimulation(older);
    expect(simulation.mode).toBeUndefined();
    expect(simulation.fidelityMode).toBeUndefined();
  });
});
