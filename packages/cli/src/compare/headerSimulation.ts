import type { SimulationOptions } from '@jahskit/core';
import type { RunHeader } from './RunHeader';

/**
 * How the run a header describes is simulated: its seed, budget, workers and modes, read from the
 * header itself so that what runs is what the run file says ran (a resumed run, the playground's copy
 * of `jahskit run`).
 */
export function headerSimulation(header: RunHeader): Pick<SimulationOptions, 'seed' | 'budget' | 'workers' | 'mode' | 'fidelityMode'> {
  return { seed: header.seed, budget: header.budget, workers: header.workers, mode: header.mode, fidelityMode: header.fidelityMode };
}
