import { CoreError, simulate, type Configuration, type Observation, type Trial } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test, vi } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { createWith, hartmannEpochs } from '../internal/multifidelity/multiFidelityFixtures';
import { RefittedGp } from '../internal/gp/RefittedGp';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { dyhpoDescriptor as descriptor } from './dyhpoModule';

/** Small pools, so a test's models are cheap; the behaviour is the defaults'. */
const small = { initialTrials: 5, randomCandidates: 30, mutationCandidates: 20 };

describeOptimizerConformance({ descriptor, benchmark: () => hartmannEpochs(), evaluations: 30 });

/** Asks one trial, evaluates it on hartmann6 at its epoch and tells it back (and into `told`). */
async function step(optimizer: ReturnType<typeof createWith>, benchmark: Awaited<ReturnType<typeof hartmannEpochs>>, told: Observation[] = []): Promise<Trial> {
  const [trial] = optimizer.ask(1);
  const [e] = await benchmark.evaluate([{ config: trial!.config, fidelity: trial!.fidelity, seed: 0 }]);
  const observation: Observation = { trial: trial!, status: 'ok', values: [e!.metrics['y']!], metrics: {}, cost: e!.cost, constraints: [] };
  optimizer.tell([observation]);
  told.push(observation);
  return trial!;
}

/** The rung of a model input on hartmannEpochs' default ladder (epochs 1, 3, 9, 27: budget coordinates 0, 1/3, 2/3, 1). */
const rungOf = (input: Configuration): number => Math.round((input['$budget'] as number) * 3);

/** The configuration of a model input, without the coordinates DyHPO adds. */
const configOf = (input: Configuration): string => {
  const { $budget: _budget, $curve: _curve, ...config } = input;
  return JSON.stringify(config);
};

/** The inputs and values of the model fitted for the next proposal, after `steps` steps of a DyHPO with `options`. */
async function lastFit(seed: number, options: object, steps: number): Promise<{ told: Observation[]; inputs: readonly Configuration[]; y: readonly number[] }> {
  const benchmark = await hartmannEpochs();
  const optimizer = createWith(descriptor, benchmark, seed, { ...small, ...options });
  const told: Observation[] = [];
  for (let i = 0; i < steps; i++) await step(optimizer, benchmark, told);
  const fit = vi.spyOn(RefittedGp.prototype, 'fit');
  try {
    optimizer.ask(1);
    const [inputs, y] = fit.mock.calls[0]!;
    return { told, inputs, y };
  } finally {
    fit.mockRestore();
  }
}

describe('dyhpo', () => {
  test('golden trace (2 workers)', async () => {
    const benchmark = await hartmannEpochs();
    await expectGoldenTrace({
      benchmark,
      optimizer: createWith(descriptor, benchmark, 1, small),
      seed: 1,
      evaluations: 40,
      workers: 2,
      file: new URL('./__golden__/dyhpo.json', import.meta.url).pathname,
    });
  });

  test('a continued trial names the finished trial of the rung below; configurations climb to the top rung paying only the increment', async () => {
    const benchmark = await hartmannEpochs();
    const run = await simulate({ benchmark, optimizer: createWith(descriptor, benchmark, 3, small), seed: 3, workers: 1, budget: { evaluations: 60 } });
    const byId = new Map(run.records.map((r) => [r.trial.id, r]));
    const epochs = [1, 3, 9, 27];
    const continued = run.records.filter((r) => r.trial.continues !== undefined);
    expect(continued.length).toBeGreaterThan(10);
    for (const r of continued) {
      const parent = byId.get(r.trial.continues!)!;
      expect(parent.trial.config).toEqual(r.trial.config);
      expect(epochs.indexOf(r.trial.fidelity['epoch'] as number)).toBe(epochs.indexOf(parent.trial.fidelity['epoch'] as number) + 1);
      expect(parent.end!).toBeLessThanOrEqual(r.start!);
      // Only the training added since the parent is charged.
      const [full, before] = await benchmark.evaluate([r.trial, parent.trial].map((t) => ({ config: t.config, fidelity: t.fidelity, seed: 0 })));
      expect(r.end! - r.start!).toBeCloseTo(full!.cost - before!.cost, 9);
    }
    // New configurations start at the lowest rung; a configuration reaches the top through every rung.
    for (const r of run.records.filter((r) => r.trial.continues === undefined)) expect(r.trial.fidelity['epoch']).toBe(1);
    const top = continued.find((r) => r.trial.fidelity['epoch'] === 27)!;
    const chain: number[] = [];
    for (let id: number | undefined = top.trial.id; id !== undefined; id = byId.get(id)!.trial.continues)
      chain.unshift(byId.get(id)!.trial.fidelity['epoch'] as number);
    expect(chain).toEqual(epochs);
  });

  test('a batch of asynchronous picks never holds a configuration twice nor continues a running one', async () => {
    const benchmark = await hartmannEpochs();
    const optimizer = createWith(descriptor, benchmark, 4, small);
    for (let i = 0; i < 20; i++) await step(optimizer, benchmark);
    const first = optimizer.ask(3);
    const second = optimizer.ask(3);
    const batch = [...first, ...second];
    expect(batch.every((t) => typeof t.tags?.['ei'] === 'number')).toBe(true);
    const keys = batch.map((t) => JSON.stringify(t.config));
    expect(new Set(keys).size).toBe(batch.length);
    const running = new Set(batch.map((t) => t.id));
    expect(batch.some((t) => t.continues !== undefined && running.has(t.continues))).toBe(false);
  });

  test('racing a fixed set (no new candidates): the best configuration is continued first', async () => {
    const optimizer = createWith(descriptor, await hartmannEpochs(), 5, { initialTrials: 4, randomCandidates: 0, mutationCandidates: 0 });
    const first = optimizer.ask(4);
    optimizer.tell(first.map((trial, i): Observation => ({ trial, status: 'ok', values: [i === 2 ? -3 : 0], metrics: {}, cost: 1, constraints: [] })));
    const [next] = optimizer.ask(1);
    expect(next!.config).toEqual(first[2]!.config);
    expect(next!.continues).toBe(first[2]!.id);
    expect(next!.fidelity['epoch']).toBe(3);
    expect(next!.tags?.['rung']).toBe(1);
  });

  test('constraints: a configuration that breaks one at its latest rung is continued only when nothing else is left (Deb), also after a restore', async () => {
    const benchmark = await hartmannEpochs();
    const make = () => createWith(descriptor, benchmark, 5, { initialTrials: 4, randomCandidates: 0, mutationCandidates: 0 });
    const optimizer = make();
    const first = optimizer.ask(4);
    // Trial 2 has the best value but breaks the constraint; trial 1 is the best feasible one.
    const values = [0, -1, -3, 0];
    optimizer.tell(
      first.map((trial, i): Observation => ({ trial, status: 'ok', values: [values[i]!], metrics: {}, cost: 1, constraints: [i === 2 ? 1 : -1] })),
    );
    const resumed = make();
    resumed.restore(JSON.parse(JSON.stringify(optimizer.state())));
    for (const o of [optimizer, resumed]) expect(o.ask(1)[0]!.continues).toBe(first[1]!.id);

    // Everything infeasible: the race goes on among them.
    const other = make();
    const all = other.ask(4);
    other.tell(all.map((trial, i): Observation => ({ trial, status: 'ok', values: [values[i]!], metrics: {}, cost: 1, constraints: [1] })));
    expect(all.map((t) => t.id)).toContain(other.ask(1)[0]!.continues);
  });

  test('a failed rung ends its configuration: it is never continued', async () => {
    const optimizer = createWith(descriptor, await hartmannEpochs(), 6, { ...small, initialTrials: 3 });
    const first = optimizer.ask(3);
    optimizer.tell(
      first.map((trial, i): Observation =>
        i === 0
          ? { trial, status: 'failed', values: [], metrics: {}, cost: 1, constraints: [] }
          : { trial, status: 'ok', values: [i], metrics: {}, cost: 1, constraints: [] },
      ),
    );
    for (let i = 0; i < 10; i++) {
      const [next] = optimizer.ask(1);
      expect(next!.continues).not.toBe(first[0]!.id);
      optimizer.tell([{ trial: next!, status: 'ok', values: [5 + i], metrics: {}, cost: 1, constraints: [] }]);
    }
  });

  test('the model holds at most maxTrainingPoints points, so a long run stays fast', async () => {
    const benchmark = await hartmannEpochs();
    const optimizer = createWith(descriptor, benchmark, 10, { ...small, maxTrainingPoints: 12 });
    const fit = vi.spyOn(RefittedGp.prototype, 'fit');
    try {
      for (let i = 0; i < 30; i++) await step(optimizer, benchmark);
      const sizes = fit.mock.calls.map(([configs]) => configs.length);
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.max(...sizes)).toBe(12);
      // The schedule counts every point seen, not just those kept.
      expect(Math.max(...fit.mock.calls.map(([, , count]) => count))).toBeGreaterThan(12);
    } finally {
      fit.mockRestore();
    }
  });

  test.each([
    ['defaults', small],
    ['learningCurve and rungNormalised', { ...small, learningCurve: true, rungNormalised: true }],
  ])('state round trip (%s): a restored optimizer proposes what the original does', async (_, options) => {
    const benchmark = await hartmannEpochs();
    const original = createWith(descriptor, benchmark, 7, options);
    for (let i = 0; i < 25; i++) await step(original, benchmark);
    const pending = original.ask(2);
    const saved = JSON.parse(JSON.stringify(original.state()));
    expect(saved).toMatchObject({ kind: 'dyhpo', version: 1 });
    const resumed = createWith(descriptor, benchmark, 7, options);
    resumed.restore(saved);
    for (const optimizer of [original, resumed])
      optimizer.tell(pending.map((trial): Observation => ({ trial, status: 'ok', values: [0.5], metrics: {}, cost: 1, constraints: [] })));
    for (let i = 0; i < 10; i++) {
      const [a] = original.ask(1);
      const [b] = resumed.ask(1);
      expect(b).toEqual(a);
      for (const optimizer of [original, resumed]) optimizer.tell([{ trial: a!, status: 'ok', values: [i / 10], metrics: {}, cost: 1, constraints: [] }]);
    }
  });

  test('a damaged state is refused by name before anything changes', async () => {
    const benchmark = await hartmannEpochs();
    const optimizer = createWith(descriptor, benchmark, 8, { ...small, refitEvery: 1 });
    for (let i = 0; i < 12; i++) await step(optimizer, benchmark);
    const state = optimizer.state() as {
      scheduler: { next: number; lineages: [unknown, [number, unknown][]][]; hyperparameters: { logLengthScales: number[] } };
    };
    const damage = (edit: (s: typeof state) => void): OptimizerError | undefined => {
      const copy = JSON.parse(JSON.stringify(state)) as typeof state;
      edit(copy);
      return optimizerErrorOf(() => createWith(descriptor, benchmark, 8, small).restore(copy as never));
    };
    expect(damage((s) => s.scheduler.hyperparameters.logLengthScales.push(0))?.parameter).toBe('state.scheduler.hyperparameters.logLengthScales');
    const twice = damage((s) => (s.scheduler.lineages[1]![1][0]![0] = s.scheduler.lineages[0]![1][0]![0]));
    expect(twice?.kind).toBe('invalid-state');
    expect(twice?.message).toMatch(/twice/);
    expect(damage((s) => (s.scheduler.next = 3))?.parameter).toMatch(/^state\.scheduler\.lineages\[\d+\]\[1\]\[0\]\[0\]$/);
    expect(
      damage(
        (s) =>
          (s.scheduler.lineages[0]![1] = [
            [0, null],
            [99, 1],
          ]),
      )?.message,
    ).toMatch(/running or failed/);
    expect(damage((s) => s.scheduler.lineages[0]![1].push([100, 1], [101, 1], [102, 1], [103, 1]))?.parameter).toBe('state.scheduler.lineages[0][1]');
    expect(damage((s) => (s.scheduler.lineages[0]![0] = { x0: 7 }))?.parameter).toBe('state.scheduler.lineages[0][0]');
  });

  test('bad options are typed errors naming the option', async () => {
    const benchmark = await hartmannEpochs();
    const option = (options: object): string | undefined => {
      try {
        createWith(descriptor, benchmark, 1, options);
      } catch (error) {
        if (CoreError.is(error) || OptimizerError.is(error)) return error.parameter;
        throw error;
      }
      return undefined;
    };
    expect(option({ eta: 1 })).toBe('eta');
    expect(option({ minBudget: 27, maxBudget: 3 })).toBe('minBudget');
    expect(option({ maxBudget: 100 })).toBe('maxBudget');
    expect(option({ fidelity: 'depth' })).toBe('fidelity');
    expect(option({ initialTrials: 0 })).toBe('initialTrials');
    expect(option({ randomCandidates: -1 })).toBe('randomCandidates');
    expect(option({ mutationCandidates: 1e9 })).toBe('mutationCandidates');
    expect(option({ xi: -0.1 })).toBe('xi');
    expect(option({ maxTrainingPoints: 1 })).toBe('maxTrainingPoints');
    expect(option({ refitEvery: 0.5 })).toBe('refitEvery');
    expect(option({ surrogate: 'deep-kernel' })).toBe('surrogate');
    expect(option({ learningCurve: 'yes' })).toBe('learningCurve');
    expect(option({ rungNormalised: 1 })).toBe('rungNormalised');
  });

  test('with eta 2 on epoch 1..16, a fixed set climbs all five rungs of the ladder, one rung per trial', async () => {
    const benchmark = await hartmannEpochs(16);
    const optimizer = createWith(descriptor, benchmark, 9, { initialTrials: 5, randomCandidates: 0, mutationCandidates: 0, eta: 2 });
    const climbs = new Map<string, number[]>();
    for (let i = 0; i < 25; i++) {
      const trial = await step(optimizer, benchmark);
      const key = JSON.stringify(trial.config);
      climbs.set(key, [...(climbs.get(key) ?? []), trial.fidelity['epoch'] as number]);
    }
    expect([...climbs.values()]).toEqual(Array.from({ length: 5 }, () => [1, 2, 4, 8, 16]));
    // Every configuration is at the top: the next trial is a new one at the lowest rung.
    const [next] = optimizer.ask(1);
    expect(next!.continues).toBeUndefined();
    expect(next!.fidelity['epoch']).toBe(1);
  });

  test("learningCurve: each point the model fits carries where its configuration's result at the rung below stands among that rung's results", async () => {
    const { told, inputs } = await lastFit(11, { learningCurve: true }, 30);
    const results = told.map((o) => ({ config: JSON.stringify(o.trial.config), rung: o.trial.tags!['rung'] as number, value: o.values[0]! }));
    expect(inputs.length).toBe(told.length);
    const rungs = new Set(inputs.map(rungOf));
    expect(rungs.size).toBeGreaterThan(1);
    for (const input of inputs) {
      const rung = rungOf(input);
      if (rung === 0) {
        expect(input['$curve']).toBe(0.5);
        continue;
      }
      const below = results.filter((r) => r.rung === rung - 1);
      const own = below.find((r) => r.config === configOf(input))!.value;
      const midRank = (below.filter((r) => r.value < own).length + 0.5 * below.filter((r) => r.value === own).length) / below.length;
      expect(input['$curve']).toBe(midRank);
    }
    // Without the option the model has no curve input.
    expect((await lastFit(11, { learningCurve: false }, 5)).inputs.every((input) => !('$curve' in input))).toBe(true);
  });

  test('rungNormalised: the values the model fits at each rung have median 0 and interquartile range 1.349 (one standard deviation of a normal)', async () => {
    const { inputs, y } = await lastFit(12, { rungNormalised: true }, 30);
    const byRung = new Map<number, number[]>();
    inputs.forEach((input, i) => byRung.set(rungOf(input), [...(byRung.get(rungOf(input)) ?? []), y[i]!]));
    const full = [...byRung.values()].filter((v) => v.length >= 4);
    expect(full.length).toBeGreaterThan(1);
    for (const values of full) {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (p: number): number => sorted[Math.floor(p * (sorted.length - 1))]!;
      expect(at(0.5)).toBeCloseTo(0, 12);
      expect(at(0.75) - at(0.25)).toBeCloseTo(1.349, 12);
    }
  });
});
