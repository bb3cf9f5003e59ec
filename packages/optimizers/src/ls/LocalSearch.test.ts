import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { type Benchmark, type Observation, type Trial } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { cellContext, pseudoValue } from '../re/overheadFixtures';
import { LocalSearch } from './LocalSearch';
import { localSearchDescriptor } from './localSearchModule';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const create = (benchmark: Benchmark, seed: number, options: unknown = {}) => makeOptimizer(localSearchDescriptor, benchmark, seed, options);
const ok = (trial: Trial, value: number): Observation => ({ trial, status: 'ok', values: [value], metrics: {}, cost: 1, constraints: [] });

// Default options run through the conformance kit once, with every registered plugin (cli/src/conformance*.test.ts).
describeOptimizerConformance({ descriptor: localSearchDescriptor, benchmark: branin, options: { initialSamples: 1, numericNeighbours: 1 } });

describe('local search', () => {
  test('golden trace', async () =>
    expectPluginGoldenTrace(localSearchDescriptor, await branin(), { initialSamples: 3, numericNeighbours: 2 }, import.meta.url));

  test('rejects bad options, naming them', () => {
    expectOptionErrors(localSearchDescriptor, { initialSamples: 0 }, { numericNeighbours: 1.5 }, { restarts: 2 });
  });

  test('evaluates the whole neighbourhood of the best start, never a configuration twice', () => {
    const context = cellContext(3);
    const optimizer = new LocalSearch({ initialSamples: 4, numericNeighbours: 1 }, context);
    const start = optimizer.ask(10);
    expect(start).toHaveLength(4); // waits for the start results before choosing a centre
    optimizer.tell(start.map((t) => ok(t, pseudoValue(context.space, t))));
    const centre = [...start].sort((a, b) => pseudoValue(context.space, a) - pseudoValue(context.space, b))[0]!.config;
    const neighbourhood = optimizer.ask(100);
    expect(neighbourhood.length).toBeLessThanOrEqual(24);
    expect(neighbourhood.length).toBeGreaterThanOrEqual(20);
    for (const trial of neighbourhood) {
      expect(Object.keys(centre).filter((k) => centre[k] !== trial.config[k])).toHaveLength(1);
    }
    expect(optimizer.ask(5)).toHaveLength(0); // neighbourhood in flight: wait
  });

  test('descends to the optimum of a separable categorical function and restarts there', () => {
    const context = cellContext(4);
    const optimizer = new LocalSearch({ initialSamples: 1, numericNeighbours: 1 }, context);
    const seen = new Set<string>();
    let best = Infinity;
    for (let i = 0; i < 150; i++) {
      const [trial] = optimizer.ask(1);
      const key = JSON.stringify(trial!.config);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const value = pseudoValue(context.space, trial!);
      best = Math.min(best, value);
      optimizer.tell([ok(trial!, value)]);
    }
    // Indices 0..4 against 0.3: the optimum puts every edge on index 0 (value 6 * 0.09).
    expect(best).toBeCloseTo(0.54, 10);
  });

  test('constraints: the centre is the best feasible start, and an infeasible centre moves to a less infeasible or feasible neighbour (Deb)', () => {
    const context = cellContext(3);
    const withConstraint = (trial: Trial, value: number, violation: number): Observation => ({ ...ok(trial, value), constraints: [violation] });
    const differsInOne = (a: Trial['config'], b: Trial['config']) => Object.keys(a).filter((k) => a[k] !== b[k]).length === 1;
    const optimizer = new LocalSearch({ initialSamples: 4, numericNeighbours: 1 }, context);
    const start = optimizer.ask(4);
    // The two lowest values break the constraint: the best standing is start[2] (feasible), not start[0].
    optimizer.tell([withConstraint(start[0]!, -10, 1), withConstraint(start[1]!, -5, 0.5), withConstraint(start[2]!, 3, 0), withConstraint(start[3]!, 4, 0)]);
    const resumed = new LocalSearch({ initialSamples: 4, numericNeighbours: 1 }, context);
    resumed.restore(JSON.parse(JSON.stringify(optimizer.state())));
    for (const o of [optimizer, resumed]) expect(o.ask(100).every((t) => differsInOne(t.config, start[2]!.config))).toBe(true);

    // Everything infeasible: the least infeasible start is the centre; a feasible neighbour beats it whatever its value.
    const other = new LocalSearch({ initialSamples: 3, numericNeighbours: 1 }, context);
    const first = other.ask(3);
    other.tell([withConstraint(first[0]!, -10, 3), withConstraint(first[1]!, 50, 0.2), withConstraint(first[2]!, 0, 1)]);
    const neighbours = other.ask(100);
    expect(neighbours.every((t) => differsInOne(t.config, first[1]!.config))).toBe(true);
    other.tell(neighbours.map((t, i) => withConstraint(t, i === 5 ? 1000 : -100, i === 5 ? 0 : 0.5)));
    expect(other.ask(100).every((t) => differsInOne(t.config, neighbours[5]!.config))).toBe(true);
  });

  test('beats random search on hartmann6 (best of 150 evaluations)', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    await expectBestBeatsRandomSearch((seed) => create(benchmark, seed), benchmark, { evaluations: 150 });
  });
});
