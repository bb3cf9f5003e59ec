import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Benchmark } from '../benchmark/Benchmark';
import { CoreError } from '../errors/CoreError';
import { optimizerContextFor } from '../optimizer/optimizerContextFor';
import type { Optimizer } from '../optimizer/Optimizer';
import type { OptimizerDescriptor } from '../plugin/PluginDescriptor';
import { validateOptions } from '../plugin/validateOptions';
import { simulate } from '../study/simulate';
import { Study } from '../study/Study';
import type { TrialRecord } from '../study/TrialRecord';

export interface OptimizerConformanceOptions {
  readonly descriptor: OptimizerDescriptor;
  /** A benchmark whose task fits the optimizer's capabilities (fresh or shared; it must be deterministic). */
  readonly benchmark: () => Promise<Benchmark>;
  /** Plugin options; default `{}` (every plugin must work with its defaults). */
  readonly options?: unknown;
  /** Trials per run; default 24. */
  readonly evaluations?: number;
  /** fast-check runs for the seeded properties; default 3 (each run is a whole study). */
  readonly numRuns?: number;
}

/**
 * The properties every optimizer plugin must have, as vitest tests. Core's Study checks each
 * proposal against the spaces, so "asked configurations are legal" holds exactly when a run finishes
 * without a CoreError of kind 'optimizer-contract'.
 */
export function describeOptimizerConformance(config: OptimizerConformanceOptions): void {
  const { descriptor } = config;
  const evaluations = config.evaluations ?? 24;
  const numRuns = config.numRuns ?? 3;
  const make = (benchmark: Benchmark, seed: number): Optimizer =>
    descriptor.create(validateOptions(descriptor.options, config.options ?? {}, `optimizer "${descriptor.id}"`), optimizerContextFor(benchmark, seed));
  const trace = (records: readonly TrialRecord[]): string => JSON.stringify(records.map((r) => [r.trial, r.status, r.objectives]));

  describe(`optimizer "${descriptor.id}" conformance`, () => {
    test('declares its capabilities', () => {
      expect(['single', 'multi', 'any']).toContain(descriptor.capabilities.objectives);
      expect(typeof descriptor.capabilities.multiFidelity).toBe('boolean');
      expect(typeof descriptor.capabilities.asynchronous).toBe('boolean');
    });

    test('asked trials are legal and telling them back never throws (1 and 3 workers)', async () => {
      const benchmark = await config.benchmark();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(1, 3), async (seed, workers) => {
          const mode = descriptor.capabilities.asynchronous ? 'async' : 'sync';
          const run = await simulate({ benchmark, optimizer: make(benchmark, seed), seed, workers, mode, budget: { evaluations } });
          expect(run.records.length).toBeGreaterThan(0);
          for (const record of run.records) {
            expect(benchmark.space.validate(record.trial.config)).toEqual(record.trial.config);
            expect(benchmark.fidelitySpace.validate(record.trial.fidelity)).toEqual(record.trial.fidelity);
          }
        }),
        { numRuns, seed: 42 },
      );
    });

    test('the same seed gives the same trace', async () => {
      const benchmark = await config.benchmark();
      const mode = descriptor.capabilities.asynchronous ? 'async' : 'sync';
      const runs = await Promise.all([0, 1].map(() => simulate({ benchmark, optimizer: make(benchmark, 7), seed: 7, workers: 2, mode, budget: { evaluations } })));
      expect(trace(runs[0]!.records)).toBe(trace(runs[1]!.records));
    });

    test('state() then restore() continues identically', async () => {
      const benchmark = await config.benchmark();
      const half = Math.max(2, Math.floor(evaluations / 2));
      const step = async (study: Study): Promise<void> => {
        const [trial] = study.ask(1);
        if (trial === undefined) return;
        const [evaluation] = await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: trial.id }]);
        const names = new Set(study.objectives.map((o) => o.name));
        const objectives = Object.fromEntries(Object.entries(evaluation!.metrics).filter(([k]) => names.has(k)));
        study.tell({ trialId: trial.id, status: evaluation!.status ?? 'ok', objectives, cost: evaluation!.cost });
      };
      const newStudy = (): Study => new Study({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, optimizer: make(benchmark, 11) });
      const original = newStudy();
      for (let i = 0; i < half; i++) await step(original);
      const saved = JSON.parse(JSON.stringify(original.state()));
      const resumed = newStudy();
      resumed.restore(saved);
      for (let i = 0; i < half; i++) {
        await step(original);
        await step(resumed);
      }
      expect(trace(resumed.records)).toBe(trace(original.records));
    });

    test('an unknown trial or a malformed result is a typed error and leaves the optimizer usable', async () => {
      const benchmark = await config.benchmark();
      const study = new Study({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, optimizer: make(benchmark, 3) });
      const [trial] = study.ask(1);
      expect(trial).toBeDefined();
      const m = benchmark.objectives.length;
      const bad: unknown[] = [
        { trialId: 987_654, objectives: new Array(m).fill(1) },
        { trialId: trial!.id, objectives: new Array(m).fill(Number.NaN) },
        { trialId: trial!.id, objectives: new Array(m + 1).fill(1) },
        { trialId: trial!.id, status: 'exploded' },
      ];
      for (const result of bad) {
        const error = captureError(() => study.tell(result as never));
        expect(CoreError.is(error) && error.kind === 'invalid-result').toBe(true);
      }
      study.tell({ trialId: trial!.id, status: 'failed' });
      const [next] = study.ask(1);
      if (next !== undefined) study.tell({ trialId: next.id, objectives: new Array(m).fill(0.5) });
      expect(study.records.length).toBeGreaterThanOrEqual(1);
    });
  });
}

function captureError(body: () => unknown): unknown {
  try {
    body();
  } catch (error) {
    return error;
  }
  return undefined;
}
