import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import {
  optimizerContextFor,
  simulate,
  validateOptions,
  type Benchmark,
  type Observation,
  type OptimizerContext,
  type OptimizerDescriptor,
} from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { gpboDescriptor } from '../gpbo/gpboModule';
import { caboDescriptor } from './caboModule';
import { costlyBranin, timeToReach } from './costFixtures';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { diskContext, expectDiskRoundTrip, expectMoreFeasibleThanRandom, expectUnconstrainedStateRestores } from '../internal/testing/constrainedDisk';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const small = { initialTrials: 5, randomCandidates: 30, mutationCandidates: 30 };
const create = (benchmark: Benchmark, seed: number, options: unknown = {}) =>
  caboDescriptor.create(validateOptions(caboDescriptor.options, options, 'cabo'), optimizerContextFor(benchmark, seed));

describeOptimizerConformance({ descriptor: caboDescriptor, benchmark: async () => costlyBranin(100), options: small });
describeOptimizerConformance({
  descriptor: { ...caboDescriptor, id: 'cabo (cooled)' },
  benchmark: async () => costlyBranin(100),
  options: { ...small, acquisition: 'cooled', budgetSeconds: 300 },
});
describeOptimizerConformance({
  descriptor: { ...caboDescriptor, id: 'cabo (cost-effective design)' },
  benchmark: async () => costlyBranin(100),
  options: { ...small, initialDesign: 'cost-effective', budgetSeconds: 300 },
});

describe('cabo', () => {
  test('golden traces (eipu and cooled)', async () => {
    const benchmark = costlyBranin(100);
    await expectGoldenTrace({
      benchmark,
      optimizer: create(benchmark, 1, small),
      seed: 1,
      evaluations: 25,
      file: new URL('./__golden__/cabo.json', import.meta.url).pathname,
    });
    await expectGoldenTrace({
      benchmark,
      optimizer: create(benchmark, 1, { ...small, acquisition: 'cooled', budgetEvaluations: 25 }),
      seed: 1,
      evaluations: 25,
      file: new URL('./__golden__/cabo-cooled.json', import.meta.url).pathname,
    });
  });

  test('declares itself cost-aware, and keeps gpbo options and defaults', () => {
    expect(caboDescriptor.capabilities).toEqual({ objectives: 'single', multiFidelity: false, asynchronous: true, costAware: true });
    const defaults = validateOptions(caboDescriptor.options, {}, 'cabo');
    expect(defaults).toMatchObject({
      ...(validateOptions(gpboDescriptor.options, {}, 'gpbo') as object),
      acquisition: 'eipu',
      budgetSeconds: null,
      budgetEvaluations: null,
      initialDesign: 'prior',
      initialBudgetFraction: null,
    });
  });

  test('rejects bad options, naming them', () => {
    expectOptionErrors(caboDescriptor, { acquisition: 'ei' }, { budgetSeconds: 0 }, { budgetEvaluations: 2.5 }, { budget: 10 });
    const benchmark = costlyBranin(100);
    const neither = optimizerErrorOf(() => create(benchmark, 0, { acquisition: 'cooled' }));
    expect(neither?.kind).toBe('invalid-option');
    expect(neither?.parameter).toBe('budgetSeconds');
    expect(neither?.message).toMatch(/neither/);
    expect(optimizerErrorOf(() => create(benchmark, 0, { acquisition: 'cooled', budgetSeconds: 10, budgetEvaluations: 10 }))?.message).toMatch(/both/);
    expect(optimizerErrorOf(() => create(benchmark, 0, { budgetEvaluations: 10 }))?.parameter).toBe('budgetEvaluations');
    expect(optimizerErrorOf(() => create(benchmark, 0, { randomCandidates: 0, mutationCandidates: 0 }))?.parameter).toBe('randomCandidates');
  });

  test('a cost-effective design needs exactly one budget, and its share is read by it only', () => {
    expectOptionErrors(caboDescriptor, { initialDesign: 'lhs' }, { initialBudgetFraction: 0 }, { initialBudgetFraction: 1.5 });
    const benchmark = costlyBranin(100);
    const neither = optimizerErrorOf(() => create(benchmark, 0, { initialDesign: 'cost-effective' }));
    expect(neither?.kind).toBe('invalid-option');
    expect(neither?.parameter).toBe('budgetSeconds');
    expect(neither?.message).toMatch(/initialDesign "cost-effective" needs the budget.*neither/);
    expect(optimizerErrorOf(() => create(benchmark, 0, { initialDesign: 'cost-effective', budgetSeconds: 9, budgetEvaluations: 9 }))?.message).toMatch(/both/);
    const unread = optimizerErrorOf(() => create(benchmark, 0, { initialBudgetFraction: 0.25 }));
    expect(unread?.kind).toBe('invalid-option');
    expect(unread?.parameter).toBe('initialBudgetFraction');
    // With eipu the budget is read by the design alone, and allowed.
    expect(() => create(benchmark, 0, { initialDesign: 'cost-effective', budgetEvaluations: 9, initialBudgetFraction: 0.5 })).not.toThrow();
  });

  test('the cost-effective design spends its share of the budget on cheaper, spread points, then the model takes over', async () => {
    const benchmark = costlyBranin(100);
    const design = async (options: object) => {
      const optimizer = create(benchmark, 6, { ...small, initialTrials: 2, ...options });
      const run = await simulate({ benchmark, optimizer, seed: 6, budget: { evaluations: 30 } });
      return run.records.map((r) => ({ cost: r.cost, model: r.trial.tags?.['ei'] !== undefined }));
    };
    const cheap = await design({ initialDesign: 'cost-effective', budgetEvaluations: 30, initialBudgetFraction: 0.5 });
    // Half of 30 evaluations: 15 design points (no EI), the model from the 16th on.
    expect(cheap.findIndex((r) => r.model)).toBe(15);
    const prior = await design({ initialDesign: 'cost-effective', budgetEvaluations: 30, initialBudgetFraction: 0.5, randomCandidates: 1 });
    // With one candidate per pick there is no choice: prior samples. Choosing by spread per second costs less.
    const mean = (rs: typeof cheap) => rs.slice(2, 15).reduce((s, r) => s + r.cost, 0) / 13;
    expect(mean(cheap)).toBeLessThan(mean(prior));
  });

  test('with every trial costing the same, it proposes what gpbo proposes', async () => {
    // Equal costs make EI per second a constant multiple of EI: the same argmax, the same run.
    const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    const flat: Benchmark = { ...benchmark, evaluate: async (r) => (await benchmark.evaluate(r)).map((e) => ({ ...e, cost: 3 })) };
    const configs = async (descriptor: OptimizerDescriptor) => {
      const optimizer = descriptor.create(validateOptions(descriptor.options, small, descriptor.id), optimizerContextFor(flat, 5));
      return (await simulate({ benchmark: flat, optimizer, seed: 5, budget: { evaluations: 15 } })).records.map((r) => r.trial.config);
    };
    expect(await configs(caboDescriptor)).toEqual(await configs(gpboDescriptor));
  });

  test('prefers the cheap region once costs are known: EI per second over a 100x cost range', () => {
    const benchmark = costlyBranin(100);
    const optimizer = create(benchmark, 2, small);
    // A flat objective: EI is about the same everywhere, so the cost decides.
    const tell = (x1: number, x2: number, id: number): Observation => ({
      trial: { id, config: { x1, x2 }, fidelity: {} },
      status: 'ok',
      values: [10 + 0.01 * id],
      metrics: {},
      cost: Math.pow(100, (x1 + 5) / 15),
      constraints: [],
    });
    const first = optimizer.ask(8);
    optimizer.tell(first.map((t, i) => tell(-5 + (15 * i) / 7, 1 + i, t.id)));
    const picks = optimizer.ask(4);
    for (const trial of picks) {
      expect(trial.config['x1'] as number).toBeLessThan(2.5);
      expect(trial.tags?.['predictedSeconds']).toBeGreaterThan(0);
    }
  });

  test('cooling: alpha is 1 when the model takes over and falls to 0 as the budget is spent', () => {
    const benchmark = costlyBranin(100);
    const optimizer = create(benchmark, 3, { ...small, acquisition: 'cooled', budgetEvaluations: 12 });
    const alphas: number[] = [];
    for (let i = 0; i < 14; i++) {
      const [trial] = optimizer.ask(1);
      if (typeof trial!.tags?.['alpha'] === 'number') alphas.push(trial!.tags['alpha']);
      const c = trial!.config;
      optimizer.tell([
        {
          trial: trial!,
          status: 'ok',
          values: [(c['x1'] as number) ** 2 + (c['x2'] as number)],
          metrics: {},
          cost: 1 + (c['x1'] as number) + 5,
          constraints: [],
        },
      ]);
    }
    expect(alphas[0]).toBe(1);
    expect(alphas.at(-1)).toBe(0);
    for (let i = 1; i < alphas.length; i++) expect(alphas[i]!).toBeLessThanOrEqual(alphas[i - 1]!);
  });

  test('a state with length scales that do not fit the space is refused by name', () => {
    const benchmark = costlyBranin(100);
    const optimizer = create(benchmark, 4, { ...small, initialTrials: 2, refitEvery: 1 });
    for (let i = 0; i < 4; i++) {
      const [trial] = optimizer.ask(1);
      optimizer.tell([{ trial: trial!, status: 'ok', values: [i], metrics: {}, cost: 1 + i, constraints: [] }]);
    }
    const state = optimizer.state() as { costHyperparameters: { logLengthScales: number[] } | null };
    expect(state.costHyperparameters).not.toBeNull();
    state.costHyperparameters!.logLengthScales.push(0);
    const error = optimizerErrorOf(() => create(benchmark, 4, small).restore(state as never));
    expect(error?.kind).toBe('invalid-state');
    expect(error?.parameter).toBe('state.costHyperparameters.logLengthScales');
  });

  /**
   * The figures of docs/plugins/cabo.md: `JAHSKIT_CABO_REPORT=10 npx vitest run
   * packages/optimizers/src/cabo/CostAwareGpbo.test.ts` prints them for 10 seeds.
   */
  test('on Branin with a 100x cost range it reaches y <= 1 in less simulated time than gpbo', async () => {
    const seeds = Array.from({ length: Number(process.env['JAHSKIT_CABO_REPORT'] ?? 5) }, (_, i) => i + 1);
    const benchmark = costlyBranin(100);
    const pools = { initialTrials: 5, randomCandidates: 50, mutationCandidates: 50 };
    const horizon = 600;
    const variants: [string, OptimizerDescriptor, object][] = [
      ['gpbo', gpboDescriptor, pools],
      ['cabo eipu', caboDescriptor, pools],
      ['cabo cooled', caboDescriptor, { ...pools, acquisition: 'cooled', budgetSeconds: horizon }],
    ];
    const times = new Map<string, number[]>();
    for (const [name, descriptor, options] of variants) {
      const list: number[] = [];
      for (const seed of seeds) {
        const optimizer = descriptor.create(validateOptions(descriptor.options, options, name), optimizerContextFor(benchmark, seed));
        const run = await simulate({ benchmark, optimizer, seed, budget: { simulatedSeconds: horizon } });
        list.push(timeToReach(run.records, 1));
      }
      times.set(name, list);
    }
    if (process.env['JAHSKIT_CABO_REPORT'] !== undefined) {
      for (const [name, list] of times)
        console.log(
          `${name}: reached ${list.filter(Number.isFinite).length}/${list.length}; median ${median(list)} s; times ${list.map((t) => (Number.isFinite(t) ? t.toFixed(0) : '-')).join(' ')}`,
        );
    }
    const gp = times.get('gpbo')!;
    const eipu = times.get('cabo eipu')!;
    expect(eipu.filter(Number.isFinite).length).toBeGreaterThanOrEqual(gp.filter(Number.isFinite).length);
    expect(median(eipu)).toBeLessThan(median(gp));
  }, 60_000);
});

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('cabo with constraints (constrained EI per cost)', () => {
  const constrained = (context: OptimizerContext, options: object = {}) =>
    caboDescriptor.create(
      validateOptions(caboDescriptor.options, { initialTrials: 8, randomCandidates: 30, mutationCandidates: 30, ...options }, 'cabo'),
      context,
    );

  test("the unconstrained optimum is infeasible: more proposals land in the feasible disk than random search's (eipu and cooled)", async () => {
    await expectMoreFeasibleThanRandom(constrained, { evaluations: 30, skip: 8 });
    await expectMoreFeasibleThanRandom((context) => constrained(context, { acquisition: 'cooled', budgetEvaluations: 30 }), {
      evaluations: 30,
      skip: 8,
      rejectInfeasible: true,
    });
  });

  test('state round trip keeps the constraint values and models; a state for another number of constraints is refused by name', () => {
    const state = expectDiskRoundTrip(constrained, 14, 4, { rejectInfeasible: true }) as { history: { rejected?: unknown[] }; constraintModels?: unknown[] };
    expect(state.history.rejected?.length).toBeGreaterThan(0);
    expect(state.constraintModels).toHaveLength(1);
    const error = optimizerErrorOf(() => constrained(diskContext(5)).restore({ ...state, constraintModels: [] } as never));
    expect(error?.parameter).toBe('state.constraintModels');
    expect((expectUnconstrainedStateRestores(constrained) as { constraintModels?: unknown }).constraintModels).toBeUndefined();
  });
});
