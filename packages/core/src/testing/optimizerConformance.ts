import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Benchmark } from '../benchmark/Benchmark';
import type { Constraint } from '../expression/Constraint';
import { loadExpressionCompiler } from '../expression/loadExpressionCompiler';
import { optimizerContextFor } from '../optimizer/optimizerContextFor';
import type { Optimizer } from '../optimizer/Optimizer';
import type { OptimizerDescriptor } from '../plugin/PluginDescriptor';
import { validateOptions } from '../plugin/validateOptions';
import { simulate } from '../study/simulate';
import { Study } from '../study/Study';
import type { TrialRecord } from '../study/TrialRecord';
import type { SearchSpace } from '../space/SearchSpace';
import { conformanceBenchmark } from './conformanceBenchmark';
import { coreErrorOf } from './coreErrorOf';

/** The kinds of space beside the benchmark's own (numeric) one that the kit runs an optimizer over. */
export type ConformanceSpaceKind = 'categorical' | 'conditional' | 'mixed';

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
  /**
   * Spaces of other kinds to run the optimizer over (core has no space implementation, so the caller
   * brings them); each is wrapped in a deterministic benchmark with an epoch fidelity. Give them once
   * per plugin (the registry run does), not for every set of options.
   */
  readonly spaces?: Partial<Record<ConformanceSpaceKind, () => SearchSpace>>;
}

/**
 * The properties every optimizer plugin must have, as vitest tests, organised by capability (as
 * Optuna's sampler test suite is): the contract every optimizer keeps (legal proposals, determinism,
 * state round trips, typed errors), then one group per declared capability checked against
 * behaviour: the fidelities it proposes, the objective counts it accepts, results told out of order,
 * and whether its proposals depend on cost. Core's Study checks each proposal against the spaces, so
 * "asked configurations are legal" holds exactly when a run finishes without a CoreError of kind
 * 'optimizer-contract'.
 */
export function describeOptimizerConformance(config: OptimizerConformanceOptions): void {
  const { descriptor } = config;
  const evaluations = config.evaluations ?? 24;
  const numRuns = config.numRuns ?? 3;
  const make = (benchmark: Benchmark, seed: number, constraints: readonly Constraint[] = []): Optimizer =>
    descriptor.create(
      validateOptions(descriptor.options, config.options ?? {}, `optimizer "${descriptor.id}"`),
      optimizerContextFor(benchmark, seed, constraints),
    );
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
      const runs = await Promise.all(
        [0, 1].map(() => simulate({ benchmark, optimizer: make(benchmark, 7), seed: 7, workers: 2, mode, budget: { evaluations } })),
      );
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
      const newStudy = (): Study =>
        new Study({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, optimizer: make(benchmark, 11) });
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
      const study = new Study({
        space: benchmark.space,
        fidelitySpace: benchmark.fidelitySpace,
        objectives: benchmark.objectives,
        optimizer: make(benchmark, 3),
      });
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
        expect(coreErrorOf(() => study.tell(result as never)).kind).toBe('invalid-result');
      }
      study.tell({ trialId: trial!.id, status: 'failed' });
      const [next] = study.ask(1);
      if (next !== undefined) study.tell({ trialId: next.id, objectives: new Array(m).fill(0.5) });
      expect(study.records.length).toBeGreaterThanOrEqual(1);
    });

    describeCapabilities(config, make, evaluations);
    describeConstraints(config, make, evaluations);
  });
}

/**
 * Every optimizer handles constraints (issue 18): it runs, replays and restores with them, and, unless
 * its proposals ignore results altogether (random search), a constraint that binds changes what it
 * proposes. The conformance benchmark's metric `g` is the mean encoded value: `g >= 0.6` cuts off the
 * first objective's optimum (0.3 in every coordinate); `g >= -1` never binds.
 */
function describeConstraints(
  config: OptimizerConformanceOptions,
  make: (benchmark: Benchmark, seed: number, constraints?: readonly Constraint[]) => Optimizer,
  evaluations: number,
): void {
  const { capabilities } = config.descriptor;
  const mode = capabilities.asynchronous ? 'async' : 'sync';
  const m = objectiveCounts(capabilities.objectives)[0]!;
  const constrained = async (text: string): Promise<Constraint[]> => {
    const names = [...Array.from({ length: m }, (_, j) => `f${j + 1}`), 'g'];
    return [(await loadExpressionCompiler()).constraint(text, names)];
  };
  const proposals = (records: readonly TrialRecord[]): string => JSON.stringify(records.map((r) => [r.trial.config, r.trial.fidelity, r.trial.continues]));

  describe('constraints', () => {
    test('with a constraint: legal proposals, one constraint value per observation, same seed same trace', async () => {
      const benchmark = conformanceBenchmark((await config.benchmark()).space, { objectives: m });
      const constraints = await constrained('g >= 0.6');
      const runs = await Promise.all(
        [0, 1].map(() => simulate({ benchmark, optimizer: make(benchmark, 7, constraints), seed: 7, workers: 2, mode, budget: { evaluations }, constraints })),
      );
      expect(runs[0]!.records.length).toBeGreaterThan(0);
      expect(proposals(runs[0]!.records)).toBe(proposals(runs[1]!.records));
      const best = runs[0]!.study.best();
      if (best !== undefined) expect(best.metrics['g']).toBeGreaterThanOrEqual(0.6);
    });

    test('with a constraint: state() then restore() continues identically', async () => {
      const benchmark = conformanceBenchmark((await config.benchmark()).space, { objectives: m });
      const constraints = await constrained('g >= 0.6');
      const newStudy = (): Study =>
        new Study({
          space: benchmark.space,
          fidelitySpace: benchmark.fidelitySpace,
          objectives: benchmark.objectives,
          optimizer: make(benchmark, 11, constraints),
          constraints,
        });
      const step = async (study: Study): Promise<void> => {
        const [trial] = study.ask(1);
        if (trial === undefined) return;
        const [evaluation] = await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: trial.id }]);
        const { g, ...objectives } = evaluation!.metrics;
        study.tell({ trialId: trial.id, objectives, metrics: { g: g! }, cost: evaluation!.cost });
      };
      const half = Math.max(2, Math.floor(evaluations / 2));
      const original = newStudy();
      for (let i = 0; i < half; i++) await step(original);
      const resumed = newStudy();
      resumed.restore(JSON.parse(JSON.stringify(original.state())));
      for (let i = 0; i < half; i++) {
        await step(original);
        await step(resumed);
      }
      expect(proposals(resumed.records)).toBe(proposals(original.records));
    });

    test('a binding constraint changes the proposals of an optimizer that reads results', async () => {
      const space = (await config.benchmark()).space;
      const benchmark = conformanceBenchmark(space, { objectives: m });
      const loose = await constrained('g >= -1');
      // Proposals that do not depend on results (random search) cannot depend on constraints either.
      if (!(await proposalsDiffer(make, [benchmark, loose], [conformanceBenchmark(space, { objectives: m, negate: true }), loose], 2 * evaluations))) return;
      const binding = await constrained('g >= 0.6');
      expect(await proposalsDiffer(make, [benchmark, loose], [benchmark, binding], 2 * evaluations), 'proposals ignore a binding constraint').toBe(true);
    });
  });
}

/** Objective counts a declaration allows, among the 1 to 3 the kit tries. */
function objectiveCounts(objectives: 'single' | 'multi' | 'any'): number[] {
  return objectives === 'single' ? [1] : objectives === 'multi' ? [2, 3] : [1, 2, 3];
}

function describeCapabilities(config: OptimizerConformanceOptions, make: (benchmark: Benchmark, seed: number) => Optimizer, evaluations: number): void {
  const { capabilities } = config.descriptor;
  const mode = capabilities.asynchronous ? 'async' : 'sync';
  const counts = objectiveCounts(capabilities.objectives);
  const fidelitiesAsDeclared = (benchmark: Benchmark, records: readonly TrialRecord[]): void => {
    const top = JSON.stringify(benchmark.fidelitySpace.defaultConfiguration());
    const atTop = records.filter((r) => JSON.stringify(r.trial.fidelity) === top).length;
    // Declared multi-fidelity: it picks fidelities itself, so some are below the top. Declared
    // single-fidelity: it always trains fully, at the fidelity space's default.
    if (capabilities.multiFidelity) expect(atTop, 'a multi-fidelity optimizer proposes only the top fidelity').toBeLessThan(records.length);
    else expect(atTop, 'a single-fidelity optimizer proposes a fidelity other than the default').toBe(records.length);
  };
  const run = async (benchmark: Benchmark, seed: number, workers: number) => {
    const result = await simulate({ benchmark, optimizer: make(benchmark, seed), seed, workers, mode, budget: { evaluations } });
    expect(result.records.length).toBeGreaterThan(0);
    return result.records;
  };

  describe('capabilities match behaviour', () => {
    const kinds: [string, () => Promise<SearchSpace>][] = [
      ['numeric', async () => (await config.benchmark()).space],
      ...Object.entries(config.spaces ?? {}).map(([kind, space]): [string, () => Promise<SearchSpace>] => [kind, async () => space!()]),
    ];
    for (const [kind, space] of kinds) {
      test(`${kind} space: legal proposals, fidelities as declared (multiFidelity: ${capabilities.multiFidelity})`, async () => {
        const benchmark = conformanceBenchmark(await space(), { objectives: counts[0]! });
        fidelitiesAsDeclared(benchmark, await run(benchmark, 5, 2));
      });
    }

    test(`objectives '${capabilities.objectives}': accepts ${counts.join(', ')} objective(s)`, async () => {
      const space = (await config.benchmark()).space;
      // The first count already ran in the numeric-space test above.
      for (const m of counts.slice(1)) {
        const benchmark = conformanceBenchmark(space, { objectives: m });
        const records = await run(benchmark, 6, 1);
        expect(records.every((r) => r.status !== 'ok' || Object.keys(r.objectives).length === m)).toBe(true);
      }
    });

    test(`results told in reverse order are accepted${capabilities.asynchronous ? ' (asked one at a time, as asynchronous workers do)' : ' (asked as a batch)'}`, async () => {
      const benchmark = conformanceBenchmark((await config.benchmark()).space, { objectives: counts[0]! });
      const study = new Study({
        space: benchmark.space,
        fidelitySpace: benchmark.fidelitySpace,
        objectives: benchmark.objectives,
        optimizer: make(benchmark, 9),
      });
      for (let round = 0; round < 2; round++) {
        // Asynchronous workers ask one trial at a time while others run; a synchronous optimizer is
        // asked for a batch. Either may propose fewer while it waits (ls with one start point does),
        // but not nothing at all with nothing pending.
        const pending = capabilities.asynchronous ? [0, 1, 2].map(() => study.ask(1)).flat() : study.ask(3);
        expect(pending.length).toBeGreaterThan(0);
        const evaluations = await benchmark.evaluate(pending.map((t) => ({ config: t.config, fidelity: t.fidelity, seed: t.id })));
        for (let i = pending.length - 1; i >= 0; i--) {
          study.tell({ trialId: pending[i]!.id, objectives: benchmark.objectives.map((o) => evaluations[i]!.metrics[o.name]!), cost: evaluations[i]!.cost });
        }
      }
      expect(study.ask(1).length).toBeLessThanOrEqual(1);
    });

    test(`costAware: ${capabilities.costAware === true}: proposals ${capabilities.costAware === true ? 'change' : 'do not change'} with the cost of evaluations`, async () => {
      const space = (await config.benchmark()).space;
      // One worker, so cost changes nothing but the reported costs: a cost-unaware optimizer must
      // propose the same configurations; a cost-aware one must react to a cost that grows steeply
      // along the first encoded dimension.
      const flat = conformanceBenchmark(space, { objectives: counts[0]! });
      const steep = conformanceBenchmark(space, { objectives: counts[0]!, costFactor: (v) => Math.exp(2 * (Number.isFinite(v[0]) ? v[0]! : 0)) });
      const configs = (records: readonly TrialRecord[]): string => JSON.stringify(records.map((r) => [r.trial.config, r.trial.fidelity]));
      const [a, b] = [configs(await run(flat, 4, 1)), configs(await run(steep, 4, 1))];
      if (capabilities.costAware === true) expect(a).not.toBe(b);
      else expect(a).toBe(b);
    });
  });
}

/**
 * Whether two studies (a benchmark and its constraints each, the same seed, one trial at a time) ever
 * propose different trials within `trials` trials. They run in lockstep and stop at the first
 * difference, so a model-based optimizer that reacts at once costs a few trials, not a whole run; up to
 * `trials` (twice the usual budget) lets population-based optimizers get past a random first generation.
 */
async function proposalsDiffer(
  make: (benchmark: Benchmark, seed: number, constraints?: readonly Constraint[]) => Optimizer,
  a: readonly [Benchmark, readonly Constraint[]],
  b: readonly [Benchmark, readonly Constraint[]],
  trials: number,
): Promise<boolean> {
  const open = ([benchmark, constraints]: readonly [Benchmark, readonly Constraint[]]) => ({
    benchmark,
    study: new Study({
      space: benchmark.space,
      fidelitySpace: benchmark.fidelitySpace,
      objectives: benchmark.objectives,
      optimizer: make(benchmark, 4, constraints),
      constraints,
    }),
  });
  const sides = [open(a), open(b)];
  for (let t = 0; t < trials; t++) {
    const asked = sides.map(({ study }) => study.ask(1)[0]);
    const [first, second] = asked.map((trial) => JSON.stringify(trial && [trial.config, trial.fidelity, trial.continues]));
    if (first !== second) return true;
    if (asked[0] === undefined) return false;
    for (const [i, { benchmark, study }] of sides.entries()) {
      const trial = asked[i]!;
      const [evaluation] = await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: trial.id }]);
      const { g, ...objectives } = evaluation!.metrics;
      study.tell({ trialId: trial.id, objectives, metrics: { g: g! }, cost: evaluation!.cost });
    }
  }
  return false;
}
