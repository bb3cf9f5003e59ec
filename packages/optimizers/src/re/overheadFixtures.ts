import type { Observation, Optimizer, OptimizerContext, SearchSpace, Trial } from '@jahskit/core';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { categorical, ConfigurationSpace } from '@jahskit/spaces';

/** A NAS-Bench-201-shaped space: six edges, five operations each (no data needed). */
function cellLikeSpace(): SearchSpace {
  const ops = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'];
  return new ConfigurationSpace({ name: 'cell-like', parameters: Array.from({ length: 6 }, (_, i) => categorical(`edge${i}`, ops)) });
}

export function hartmannContext(seed = 1): OptimizerContext {
  const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
  return { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed };
}

export function cellContext(seed = 1): OptimizerContext {
  const fidelity = new ConfigurationSpace({ name: 'none', parameters: [] });
  return { space: cellLikeSpace(), fidelitySpace: fidelity, objectives: [{ name: 'loss', direction: 'minimize', cheap: false }], seed };
}

/** A cheap deterministic objective over any configuration: the encoded vector's distance to 0.3. */
export function pseudoValue(space: SearchSpace, trial: Trial): number {
  const x = space.encode(trial.config);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) s += (v - 0.3) ** 2;
  }
  return s;
}

/**
 * Drives a fresh optimizer from `make` until it has been told `count` results (one worker) and
 * returns a step (one ask+tell) for the bench. Every `window` steps the optimizer is rebuilt from
 * the state saved at `count`, so the measured history stays near `count` however many iterations the
 * bench runs; the amortised restore is part of the figure (an upper bound).
 */
export function warmUp(make: () => Optimizer, space: SearchSpace, count: number, window = 200): () => void {
  let optimizer = make();
  const step = (): void => {
    const [trial] = optimizer.ask(1);
    if (trial === undefined) return;
    const observation: Observation = { trial, status: 'ok', values: [pseudoValue(space, trial)], metrics: {}, cost: 1, constraints: [] };
    optimizer.tell([observation]);
  };
  for (let i = 0; i < count; i++) step();
  const snapshot = optimizer.state();
  let steps = 0;
  return () => {
    if (++steps > window) {
      steps = 0;
      optimizer = make();
      optimizer.restore(snapshot);
    }
    step();
  };
}
