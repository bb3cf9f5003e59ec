import type { Benchmark, EvaluationRequest } from '../benchmark/Benchmark';
import { CoreError } from '../errors/CoreError';
import type { Observation } from '../optimizer/Observation';
import type { Optimizer } from '../optimizer/Optimizer';
import type { Trial } from '../optimizer/Trial';
import { Rng, type RngState } from '../random/Rng';
import type { Configuration } from '../space/Configuration';
import type { SearchSpace } from '../space/SearchSpace';

/**
 * Minimal hand-written spaces, benchmark and optimizer for core's own tests: core cannot depend on
 * @jahskit/spaces, and these keep the tests independent of it.
 */
export function unitIntervalSpace(name = 'x'): SearchSpace {
  const check = (config: unknown): Configuration => {
    if (typeof config !== 'object' || config === null) throw new CoreError('invalid-configuration', 'expected an object', { parameter: '(root)' });
    const record = config as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== name) throw new CoreError('invalid-configuration', `unknown parameter "${key}"`, { parameter: key, allowed: name });
    }
    const value = record[name];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new CoreError('invalid-configuration', `parameter "${name}": ${String(value)} is not in [0, 1]`, { parameter: name, allowed: '[0, 1]' });
    }
    return { [name]: value };
  };
  const space: SearchSpace = {
    parameters: [{ type: 'float', name, lower: 0, upper: 1, log: false, default: 0.5 }],
    sample: (rng) => ({ [name]: rng.uniform() }),
    validate: check,
    isActive: () => true,
    encode: (config) => Float64Array.of(config[name] as number),
    decode: (vector) => ({ [name]: vector[0] as number }),
    neighbours: (config, rng) => [{ [name]: Math.min(1, Math.max(0, (config[name] as number) + rng.normal(0, 0.1))) }],
    defaultConfiguration: () => ({ [name]: 0.5 }),
    restrict: () => space,
  };
  return space;
}

/** Epochs in 1..max as a one-parameter fidelity space. */
export function epochSpace(max = 9): SearchSpace {
  const space: SearchSpace = {
    parameters: [{ type: 'integer', name: 'epoch', lower: 1, upper: max, log: false, default: max }],
    sample: (rng) => ({ epoch: rng.integer(1, max) }),
    validate(config: unknown) {
      const value = (config as Record<string, unknown> | null)?.['epoch'];
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
        throw new CoreError('invalid-configuration', `parameter "epoch": ${String(value)} is not an integer in [1, ${max}]`, { parameter: 'epoch' });
      }
      return { epoch: value as number };
    },
    isActive: () => true,
    encode: (config) => Float64Array.of(((config['epoch'] as number) - 1) / (max - 1)),
    decode: (vector) => ({ epoch: 1 + Math.round((vector[0] as number) * (max - 1)) }),
    neighbours: () => [],
    defaultConfiguration: () => ({ epoch: max }),
    restrict: () => space,
  };
  return space;
}

/** f(x) = (x - 0.3)^2 + noise/epoch; cost = epoch seconds; continuation supported. */
export function quadraticBenchmark(): Benchmark {
  const space = unitIntervalSpace();
  const fidelitySpace = epochSpace();
  return {
    id: 'quadratic',
    space,
    fidelitySpace,
    objectives: [{ name: 'loss', direction: 'minimize', cheap: false }],
    metrics: ['epochs'],
    supportsContinuation: true,
    evaluate: async (requests: readonly EvaluationRequest[]) =>
      requests.map(({ config, fidelity, seed }) => {
        const x = space.validate(config)['x'] as number;
        const epoch = fidelitySpace.validate(fidelity)['epoch'] as number;
        const noise = Rng.seeded(seed).uniform() * 0.01;
        return { metrics: { loss: (x - 0.3) ** 2 + noise / epoch, epochs: epoch }, cost: epoch };
      }),
  };
}

/** Random sampling at the maximum fidelity, one independent stream per trial. */
export function fixtureRandomOptimizer(space: SearchSpace, fidelity: Configuration, seed: number): Optimizer {
  let next = 0;
  const root = Rng.seeded(seed);
  return {
    capabilities: { objectives: 'any', multiFidelity: false, asynchronous: true },
    ask(n: number): Trial[] {
      return Array.from({ length: n }, () => {
        const id = next++;
        return { id, config: space.sample(root.stream('trial', id)), fidelity };
      });
    },
    tell(_observations: readonly Observation[]): void {},
    state: () => ({ next, rng: root.state() as unknown as { key: number; words: number[] } }),
    restore(state) {
      next = (state as { next: number }).next;
      void Rng.fromState((state as unknown as { rng: RngState }).rng);
    },
  };
}
