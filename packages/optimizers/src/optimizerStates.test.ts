import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { Rng, validateOptions, type Benchmark, type JsonValue, type Observation, type Optimizer, type OptimizerDescriptor } from '@jahskit/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from './errors/OptimizerError';
import * as exported from './index';

/**
 * Two promises every optimizer of this package keeps, checked over all of them (a new optimizer is
 * covered as soon as index.ts exports its descriptor):
 * - the capabilities are declared once: the descriptor's equal the instance's;
 * - a saved state is versioned and kind-tagged, and a damaged one is refused by `restore` with an
 *   OptimizerError 'invalid-state' naming the field, or, when the damage leaves a state that makes
 *   sense, the optimizer goes on proposing legal trials: it never fails later.
 */
const descriptors = Object.values(exported).filter(
  (value): value is OptimizerDescriptor => typeof value === 'object' && value !== null && 'create' in value && 'capabilities' in value && 'id' in value,
);

const benchmarks = new Map<string, Benchmark>();
function benchmarkFor(descriptor: OptimizerDescriptor): Benchmark {
  const instance = descriptor.capabilities.objectives === 'multi' ? 'zdt1' : 'branin';
  let benchmark = benchmarks.get(instance);
  if (benchmark === undefined) benchmarks.set(instance, (benchmark = createSyntheticBenchmark({ instance, maxEpoch: 27, noise: 0, secondsPerEpoch: 1 })));
  return benchmark;
}

/** Small settings, so that models start within the few trials of a test. */
const SMALL: Record<string, unknown> = {
  re: { population: 4, sampleSize: 2 },
  de: { population: 4 },
  tpe: { startupTrials: 4 },
  ls: { initialSamples: 3 },
  gpbo: { initialTrials: 4, randomCandidates: 20, mutationCandidates: 20 },
  bananas: { initialTrials: 4, members: 2, trainingSteps: 20, candidates: 10, randomCandidates: 10 },
  nsga2: { population: 4 },
  smsemoa: { population: 4 },
  motpe: { startupTrials: 4 },
  parego: { startupTrials: 4, randomCandidates: 20, mutationCandidates: 20 },
  msehvi: { startupTrials: 4, randomCandidates: 20, mutationCandidates: 20 },
  mobananas: { startupTrials: 4, members: 2, steps: 20 },
  bulkcut: { initialTrials: 3, phaseLength: 3 },
};

function create(descriptor: OptimizerDescriptor, benchmark: Benchmark, seed: number): Optimizer {
  return descriptor.create(validateOptions(descriptor.options, SMALL[descriptor.id] ?? {}, descriptor.id), {
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    seed,
  });
}

/** Asks and tells `steps` trials one at a time (deterministic objectives), checking each trial; the last stays pending. */
async function drive(optimizer: Optimizer, benchmark: Benchmark, steps: number, seen = new Set<number>()): Promise<void> {
  for (let i = 0; i < steps; i++) {
    const trials = optimizer.ask(1);
    for (const trial of trials) {
      expect(benchmark.space.validate(trial.config)).toEqual(trial.config);
      expect(benchmark.fidelitySpace.validate(trial.fidelity)).toEqual(trial.fidelity);
      expect(seen.has(trial.id)).toBe(false);
      seen.add(trial.id);
    }
    if (i === steps - 1) return;
    const evaluations = await benchmark.evaluate(trials.map((t) => ({ config: t.config, fidelity: t.fidelity, seed: 0 })));
    const observations: Observation[] = trials.map((trial, k) => ({
      trial,
      status: 'ok',
      values: benchmark.objectives.map((o) => (o.direction === 'maximize' ? -1 : 1) * (evaluations[k]!.metrics[o.name] as number)),
      metrics: {},
      cost: 1,
      constraints: [],
    }));
    optimizer.tell(observations);
  }
}

/** Every place in a JSON value, as a path of keys. */
function paths(value: JsonValue, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

const DAMAGE = ['a string', -1, 1.5, 1e9, null, true, {}, [], 'delete'] as const;

function damaged(state: JsonValue, path: readonly (string | number)[], damage: (typeof DAMAGE)[number]): JsonValue {
  const copy = JSON.parse(JSON.stringify(state)) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (damage === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = damage;
  return copy as unknown as JsonValue;
}

describe.each(descriptors.map((d) => [d.id, d] as const))('optimizer %s', (_id, descriptor) => {
  test('declares its capabilities once: the descriptor and the instance agree', () => {
    const optimizer = create(descriptor, benchmarkFor(descriptor), 1);
    expect(optimizer.capabilities).toEqual(descriptor.capabilities);
  });

  test('its state is kind-tagged and versioned; a damaged state is refused by name or continues legally', async () => {
    const benchmark = benchmarkFor(descriptor);
    const original = create(descriptor, benchmark, 3);
    await drive(original, benchmark, 14);
    const state = original.state();
    expect(state).toMatchObject({ kind: expect.any(String), version: 1 });
    const places = paths(state);
    const rng = Rng.seeded(descriptor.id.length);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: places.length - 1 }), fc.constantFrom(...DAMAGE), async (at, damage) => {
        const bad = damaged(state, places[at]!, damage);
        const resumed = create(descriptor, benchmark, 3);
        try {
          resumed.restore(bad);
        } catch (error) {
          expect(OptimizerError.is(error) && error.kind === 'invalid-state', String(error)).toBe(true);
          expect((error as OptimizerError).parameter).toMatch(/^state\b/);
          return;
        }
        // Accepted: the damage left a meaningful state; the optimizer must go on proposing legal trials.
        await drive(resumed, benchmark, 4);
      }),
      { numRuns: 40, seed: rng.nextUint32() },
    );
  });
});
