import { simulate, type Benchmark, type OptimizerDescriptor, type Rng } from '@jahskit/core';
import { Rng as SeededRng } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { conformanceSpaces } from '@jahskit/spaces/testing';
import { describe, expect, test } from 'vitest';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { createWith, hartmannEpochs } from '../internal/multifidelity/multiFidelityFixtures';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { hyperbandDescriptor } from '../hyperband/hyperbandModule';
import { CentredDistribution } from './CentredDistribution';
import { mutateIncumbent } from './mutateIncumbent';
import { priorOf, PRIOR_CONFIDENCE } from './PriorBand';
import { priorbandDescriptor as descriptor } from './priorbandModule';
import { PriorBandSampler } from './PriorBandSampler';
import { SpacePriorDistribution } from './SpacePriorDistribution';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';

describeOptimizerConformance({ descriptor, benchmark: () => hartmannEpochs(), evaluations: 30 });
describeOptimizerConformance({
  descriptor: { ...descriptor, id: 'priorband (prior configuration, high confidence, prior trained to the top first)' },
  benchmark: () => hartmannEpochs(),
  evaluations: 30,
  options: { prior: { x1: 0.2, x2: 0.15 }, priorConfidence: 'high', priorFirst: 'max-fidelity' },
});

/** Hartmann-6's optimum, and its far corner: a good and a misleading prior. */
const GOOD = { x1: 0.20169, x2: 0.150011, x3: 0.476874, x4: 0.275332, x5: 0.311652, x6: 0.6573 };
const MISLEADING = { x1: 1, x2: 1, x3: 0, x4: 1, x5: 1, x6: 0 };

const mixed = conformanceSpaces.mixed();

/** PriorBand's sampler on `benchmark` (seed 4) with a medium-confidence prior on Hartmann-6's optimum. */
function goodPriorSampler(benchmark: Benchmark, ladder: FidelityLadder): PriorBandSampler {
  const prior = priorOf(benchmark.space, { prior: GOOD, priorConfidence: 'medium' });
  return new PriorBandSampler(benchmark.space, 4, ladder, prior, { ...PRIOR_CONFIDENCE.medium, mutationRate: 0.5, mutationStd: 0.25, priorFirst: false });
}

/** Best top-fidelity value of each seed after `seconds` of simulated time. */
async function bestAt(
  benchmark: Benchmark,
  options: unknown,
  seeds: readonly number[],
  seconds: number,
  id: OptimizerDescriptor = descriptor as OptimizerDescriptor,
): Promise<number[]> {
  const out: number[] = [];
  for (const seed of seeds) {
    const run = await simulate({ benchmark, optimizer: createWith(id, benchmark, seed, options), seed, budget: { simulatedSeconds: seconds } });
    out.push(Math.min(...run.records.filter((r) => r.status === 'ok' && r.trial.fidelity['epoch'] === 27).map((r) => r.objectives['y'] as number)));
  }
  return out;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('priorband', () => {
  test('golden traces (default prior; a prior configuration, past the first bracket)', async () => {
    const benchmark = await hartmannEpochs();
    await expectPluginGoldenTrace(descriptor, benchmark, {}, import.meta.url);
    await expectGoldenTrace({
      benchmark,
      optimizer: createWith(descriptor, benchmark, 1, { prior: GOOD }),
      seed: 1,
      evaluations: 70,
      file: new URL('./__golden__/priorband-good.json', import.meta.url).pathname,
    });
  });

  test('options are typed errors naming the option', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { priorConfidence: 'extreme' })).toThrow(/priorConfidence/);
    expect(() => createWith(descriptor, benchmark, 1, { mutationRate: 0 })).toThrow(/mutationRate/);
    expect(() => createWith(descriptor, benchmark, 1, { mutationStd: 2 })).toThrow(/mutationStd/);
    expect(() => createWith(descriptor, benchmark, 1, { prior: 'uniform' })).toThrow(/prior/);
    expect(() => createWith(descriptor, benchmark, 1, { eta: 1 })).toThrow(/eta/);
    const noPriors = optimizerErrorOf(() => createWith(descriptor, benchmark, 1, { prior: 'space' }));
    expect([noPriors?.kind, noPriors?.parameter]).toEqual(['invalid-option', 'prior']);
    expect(optimizerErrorOf(() => createWith(descriptor, benchmark, 1, { prior: { x9: 0.5 } }))?.parameter).toBe('prior.x9');
    const outside = optimizerErrorOf(() => createWith(descriptor, benchmark, 1, { prior: { x1: 5 } }));
    expect([outside?.kind, outside?.parameter]).toEqual(['invalid-option', 'prior.x1']);
  });

  test('a prior configuration is completed with defaults; inactive defaults are left out', () => {
    const prior = priorOf(mixed, { prior: { op: 'pool', width: 64 }, priorConfidence: 'medium' });
    expect(prior.mode).toEqual({ op: 'pool', lr: mixed.defaultConfiguration()['lr'], layers: mixed.defaultConfiguration()['layers'], width: 64 });
    expect(prior).toBeInstanceOf(CentredDistribution);
  });

  test("'auto' reads the space's priors when it has them, else centres on the default configuration", () => {
    const withPriors = new ConfigurationSpace({
      parameters: [float('lr', 1e-4, 1, { log: true, prior: { kind: 'normal', mu: Math.log(1e-2), sigma: 0.3 } }), float('wd', 0, 1)],
    });
    expect(priorOf(withPriors, { prior: 'auto', priorConfidence: 'medium' })).toBeInstanceOf(SpacePriorDistribution);
    const plain = priorOf(mixed, { prior: 'auto', priorConfidence: 'medium' });
    expect(plain).toBeInstanceOf(CentredDistribution);
    expect(plain.mode).toEqual(mixed.defaultConfiguration());
  });

  test('a centred prior draws legal configurations near its centre, more tightly with more confidence, and scores them alike', () => {
    const centre = { op: 'conv', lr: 1e-2, layers: 3, width: 32, dropout: 0.1 };
    const spread = (confidence: 'low' | 'high') => {
      const { sd, centreWeight } = PRIOR_CONFIDENCE[confidence];
      const d = new CentredDistribution(mixed, centre, sd, centreWeight);
      const rng = SeededRng.seeded(3);
      const draws = Array.from({ length: 2000 }, () => d.sample(rng));
      for (const c of draws.slice(0, 200)) expect(mixed.validate(c)).toEqual(c);
      // The centre is the most likely point, and every draw has a finite density.
      for (const c of draws.slice(0, 20)) expect(d.logDensity(c)).toBeLessThanOrEqual(d.logDensity(centre) + 1e-9);
      expect(draws.every((c) => Number.isFinite(d.logDensity(c)))).toBe(true);
      return { conv: draws.filter((c) => c['op'] === 'conv').length / 2000, lr: mean(draws.map((c) => Math.abs(Math.log10(c['lr'] as number) + 2))) };
    };
    const low = spread('low');
    const high = spread('high');
    expect(low.conv).toBeCloseTo(0.5, 1); // 2 / (2 + 1 + 1)
    expect(high.conv).toBeCloseTo(0.75, 1); // 6 / 8
    expect(high.lr).toBeLessThan(low.lr);
  });

  test('incumbent draws are legal local changes of it (at least one parameter changes)', () => {
    const incumbent = mixed.validate({ op: 'conv', lr: 1e-2, layers: 3, width: 32, dropout: 0.1 });
    const rng: Rng = SeededRng.seeded(5);
    for (let i = 0; i < 200; i++) {
      const child = mutateIncumbent(mixed, incumbent, rng, 0.5, 0.25);
      expect(mixed.validate(child)).toEqual(child);
      expect(child).not.toEqual(incumbent);
    }
  });

  test('the mixture: uniform and prior only until one bracket is done, then the incumbent joins', async () => {
    const benchmark = await hartmannEpochs();
    const ladder = FidelityLadder.resolve(benchmark.fidelitySpace, { eta: 3 });
    const sampler = goodPriorSampler(benchmark, ladder);
    const sources = (rung: number) => {
      const counts = { uniform: 0, prior: 0, incumbent: 0, mode: 0 };
      for (let id = 0; id < 2000; id++) counts[sampler.draw(id, rung).source]++;
      return counts;
    };
    const before = sources(0);
    expect(before.incumbent).toBe(0);
    expect(before.uniform / 2000).toBeCloseTo(0.5, 1);
    expect(sources(2).uniform / 2000).toBeCloseTo(0.1, 1);
    // One bracket's results at the sizes of the most aggressive bracket (27, 9, 3, 1), the good ones
    // near a corner far from the prior: the incumbent, which explains them, takes most of the prior's share.
    const rng = SeededRng.seeded(8);
    const corner = benchmark.space.validate(MISLEADING);
    const near = new CentredDistribution(benchmark.space, corner, 0.05, 1);
    let id = 0;
    [27, 9, 3, 1].forEach((n, rung) => {
      for (let i = 0; i < n; i++) {
        const good = i < n / 3;
        sampler.observe(id++, good ? near.sample(rng) : benchmark.space.sample(rng), rung, good ? -3 + i * 0.1 : 0);
      }
    });
    const after = sampler.weights(0);
    expect(after.incumbent).toBeDefined();
    expect(after.weights.uniform).toBe(0.5);
    expect(after.weights.incumbent).toBeGreaterThan(0.45);
    expect(sources(0).incumbent / 2000).toBeGreaterThan(0.4);
    // Told nothing but the first rung (no top-fidelity result yet), it stays off.
    const fresh = goodPriorSampler(benchmark, ladder);
    for (let i = 0; i < 81; i++) fresh.observe(i, benchmark.space.sample(rng), 0, i);
    expect(fresh.weights(0).incumbent).toBeUndefined();
  });

  test('the prior/incumbent split scores at least eta top results: a prior that explains the runners-up keeps a share', async () => {
    const benchmark = await hartmannEpochs();
    const ladder = FidelityLadder.resolve(benchmark.fidelitySpace, { eta: 3 });
    const sampler = goodPriorSampler(benchmark, ladder);
    const rng = SeededRng.seeded(9);
    const prior = benchmark.space.validate(GOOD);
    let id = 0;
    // One bracket's worth of budget, with 5 results at the top rung (floor(5 / 3) = 1): the best far from
    // the prior (the incumbent), the next two at the prior's centre.
    [27, 9, 3].forEach((n, rung) => {
      for (let i = 0; i < n; i++) sampler.observe(id++, benchmark.space.sample(rng), rung, 0);
    });
    const far = benchmark.space.validate({ x1: 0.75, x2: 0.75, x3: 0.75, x4: 0.75, x5: 0.75, x6: 0.25 });
    sampler.observe(id++, far, 3, -3);
    sampler.observe(id++, prior, 3, -2.9);
    sampler.observe(id++, prior, 3, -2.8);
    for (let i = 0; i < 2; i++) sampler.observe(id++, benchmark.space.sample(rng), 3, 0);
    const { weights, incumbent } = sampler.weights(0);
    expect(incumbent).toEqual(far);
    // Scored on the incumbent alone, its own density would take all of the prior's share (prior about 1e-5).
    expect(weights.prior).toBeGreaterThan(0.1);
  });

  test('constraints: the incumbent is the best feasible top-rung result (Deb), also after a restore', async () => {
    const benchmark = await hartmannEpochs();
    const ladder = FidelityLadder.resolve(benchmark.fidelitySpace, { eta: 3 });
    const make = () => goodPriorSampler(benchmark, ladder);
    const sampler = make();
    const rng = SeededRng.seeded(9);
    const told = (id: number, value: number, constraint: number) => ({
      trial: { id, config: {}, fidelity: {} },
      status: 'ok' as const,
      values: [value],
      metrics: {},
      cost: 1,
      constraints: [constraint],
    });
    let id = 0;
    [27, 9, 3].forEach((n, rung) => {
      for (let i = 0; i < n; i++) sampler.observe(id, benchmark.space.sample(rng), rung, 0, told(id++, 0, 0));
    });
    const far = benchmark.space.validate({ x1: 0.75, x2: 0.75, x3: 0.75, x4: 0.75, x5: 0.75, x6: 0.25 });
    const near = benchmark.space.validate(GOOD);
    const other = benchmark.space.validate({ ...GOOD, x1: 0.9 });
    // The lowest value breaks the constraint: the incumbent is the best feasible one.
    sampler.observe(id, far, 3, -3, told(id++, -3, 1));
    sampler.observe(id, other, 3, -1, told(id++, -1, 0.5));
    sampler.observe(id, near, 3, -2, told(id++, -2, 0));
    const resumed = make();
    resumed.restore(resumed.stateSchema.parse(JSON.parse(JSON.stringify(sampler.state()))));
    for (const s of [sampler, resumed]) expect(s.weights(0).incumbent).toEqual(near);
  });

  test("priorFirst 'max-fidelity': the prior's mode is trained to the top epoch first, then Hyperband's brackets run from the most aggressive", async () => {
    const benchmark = await hartmannEpochs();
    const optimizer = createWith(descriptor, benchmark, 3, { prior: GOOD, priorFirst: 'max-fidelity' });
    const [lead] = optimizer.ask(2);
    // The brackets wait for the lead, as they wait for a rung.
    expect(optimizer.ask(1)).toEqual([]);
    expect([lead!.id, lead!.fidelity['epoch'], lead!.continues, lead!.tags?.['rung']]).toEqual([0, 27, undefined, 3]);
    expect(lead!.config).toEqual(priorOf(benchmark.space, { prior: GOOD, priorConfidence: 'medium' }).mode);
    const [told] = await benchmark.evaluate([{ config: lead!.config, fidelity: lead!.fidelity, seed: 3 }]);
    optimizer.tell([{ trial: lead!, status: 'ok', values: [told!.metrics['y'] as number], metrics: told!.metrics, cost: 1, constraints: [] }]);
    // Then a state round trip, and the first bracket (s = 3: 27 configurations at epoch 1).
    const restored = createWith(descriptor, benchmark, 3, { prior: GOOD, priorFirst: 'max-fidelity' });
    restored.restore(JSON.parse(JSON.stringify(optimizer.state())));
    const bracket = restored.ask(40);
    expect(bracket).toHaveLength(27);
    expect(new Set(bracket.map((t) => t.fidelity['epoch']))).toEqual(new Set([1]));
    expect(bracket.map((t) => t.id)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(() => createWith(descriptor, benchmark, 1, { priorFirst: 'top' })).toThrow(/priorFirst/);
  });

  test('a good prior trained to the top first is the incumbent from the first result on; a misleading one costs one full training (hartmann6, 6 seeds)', async () => {
    const benchmark = await hartmannEpochs();
    const seeds = [1, 2, 3, 4, 5, 6];
    // One full training of ~1-2 s per epoch takes at most 54 s.
    const goodFirst = await bestAt(benchmark, { prior: GOOD, priorFirst: 'max-fidelity' }, seeds, 60);
    for (const best of goodFirst) expect(best).toBeLessThan(-3.2);
    const late = 1500;
    const misleadingFirst = mean(await bestAt(benchmark, { prior: MISLEADING, priorFirst: 'max-fidelity' }, seeds, late));
    const hyperbandLate = mean(await bestAt(benchmark, {}, seeds, late, hyperbandDescriptor));
    expect(misleadingFirst).toBeLessThan(hyperbandLate + 0.3);
  });

  test('a good prior: better than hyperband after the first bracket; a misleading one: not far behind it by the end (hartmann6, 6 seeds)', async () => {
    const benchmark = await hartmannEpochs();
    const seeds = [1, 2, 3, 4, 5, 6];
    // One bracket of 27 + 9 + 3 + 1 trials pays 27 + 18 + 18 + 18 = 81 epochs of ~1-2 s each.
    const early = 150;
    const hyperbandEarly = mean(await bestAt(benchmark, {}, seeds, early, hyperbandDescriptor));
    const goodEarly = mean(await bestAt(benchmark, { prior: GOOD }, seeds, early));
    expect(goodEarly).toBeLessThan(hyperbandEarly - 0.3);
    const late = 1500;
    const hyperbandLate = mean(await bestAt(benchmark, {}, seeds, late, hyperbandDescriptor));
    const misleadingLate = mean(await bestAt(benchmark, { prior: MISLEADING }, seeds, late));
    expect(misleadingLate).toBeLessThan(hyperbandLate + 0.3);
  });
});
