import fc from 'fast-check';
import { createRegistry, JahskitError, optimizerContextFor, Study, type Benchmark, type JsonValue, type PluginRegistry } from '@jahskit/core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { defaultModules } from '../defaultModules';
import { applyJsonEdits, fuzzTest, jsonEdit } from './fuzzFixtures';

/**
 * Study.restore over mutated states of every optimizer: a real state (a dozen trials told, two pending)
 * with one to three edits anywhere in it (history, pending trials, the optimizer's own state). A state
 * that is refused is refused whole (CoreError 'invalid-state' naming the field) and leaves the study as
 * it was; a state that is accepted must leave a study that can go on asking and telling, failing only
 * with typed errors.
 */
const registry: PluginRegistry = createRegistry(defaultModules());
const benchmarks = new Map<string, Benchmark>();

function freshStudy(id: string): { study: Study; benchmark: Benchmark } {
  const benchmark = benchmarks.get(registry.get('optimizer', id).capabilities.objectives === 'multi' ? 'zdt1' : 'branin')!;
  const optimizer = registry.createOptimizer(id, {}, optimizerContextFor(benchmark, 7));
  return { study: new Study({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, optimizer }), benchmark };
}

/** Asks `n` trials one at a time and tells each but the last `keep` of them. */
async function advance(study: Study, benchmark: Benchmark, n: number, keep = 0): Promise<void> {
  const asked = [];
  for (let i = 0; i < n; i++) asked.push(...study.ask(1));
  const told = asked.slice(0, asked.length - keep);
  const evaluations = await benchmark.evaluate(told.map((t) => ({ config: t.config, fidelity: t.fidelity, seed: 0 })));
  study.tell(
    told.map((t, i) => ({
      trialId: t.id,
      objectives: Object.fromEntries(study.objectives.map((o) => [o.name, evaluations[i]!.metrics[o.name]!])),
      cost: evaluations[i]!.cost,
    })),
  );
}

/** Runs `body`; any error it throws must be a typed jahskit error. */
async function typed(body: () => unknown): Promise<boolean> {
  try {
    await body();
    return true;
  } catch (error) {
    expect(JahskitError.isJahskitError(error), String((error as Error)?.stack ?? error)).toBe(true);
    return false;
  }
}

describe('Study.restore over mutated states', () => {
  beforeAll(async () => {
    for (const instance of ['branin', 'zdt1']) benchmarks.set(instance, await registry.createBenchmark('synthetic', { instance, maxEpoch: 9 }, { env: {} }));
  });
  afterAll(async () => {
    for (const benchmark of benchmarks.values()) await benchmark.close?.();
  });

  const states = new Map<string, JsonValue>();
  beforeAll(async () => {
    for (const { id } of registry.list('optimizer')) {
      const { study, benchmark } = freshStudy(id);
      await advance(study, benchmark, 14, 2);
      states.set(id, study.state());
    }
  });

  for (const { id } of registry.list('optimizer')) {
    fuzzTest(id, [fc.array(jsonEdit, { minLength: 1, maxLength: 3 })], 25, async (edits) => {
      const state = states.get(id)!;
      const mutated = applyJsonEdits(state, edits);
      const { study, benchmark } = freshStudy(id);
      await advance(study, benchmark, 2);
      const before = JSON.stringify(study.state());
      const start = performance.now();
      let restored = true;
      try {
        study.restore(mutated);
      } catch (error) {
        restored = false;
        expect(JahskitError.isJahskitError(error) && error.kind === 'invalid-state', String((error as Error)?.stack ?? error)).toBe(true);
        expect((error as JahskitError).parameter).toBeTypeOf('string');
        expect(JSON.stringify(study.state()), 'a refused state changed the study').toBe(before);
      }
      if (restored) {
        // Accepted: the study goes on (its proposals are checked by Study; errors must be typed).
        if (await typed(() => advance(study, benchmark, 3))) expect(study.records.length).toBeGreaterThan(0);
      }
      expect(performance.now() - start).toBeLessThan(5000);
    });
  }
});
