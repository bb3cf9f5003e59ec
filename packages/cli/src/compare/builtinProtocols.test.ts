import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry, Rng } from '@jahskit/core';
import { nb201FromIndex } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { readRunResult } from '../analysis/readRunResult';
import { freshDir } from '../cliRunFixtures';
import { defaultModules } from '../defaultModules';
import { BUILTIN_PROTOCOLS, JAHS_MEDIAN_SIZE_MB, NB201_MEDIAN_LATENCY_S } from './builtinProtocols';
import { compileTask, protocolExpressionErrors } from './compileTask';
import { compareIn } from './gridFixtures';
import { runBenchmarkOptions } from './resolveProtocolRun';

const registry = createRegistry(defaultModules());
/** The generated NAS-HPO-Bench-II pickles of the benchmarks package (official shapes, tiny content). */
const NASHPOBENCH2_FIXTURE_DIR = fileURLToPath(new URL('../../../benchmarks/src/nashpobench2/fixtures', import.meta.url));

describe('built-in protocols', () => {
  test('names are unique and every benchmark and option set is valid', async () => {
    expect(new Set(BUILTIN_PROTOCOLS.map((p) => p.name)).size).toBe(BUILTIN_PROTOCOLS.length);
    for (const protocol of BUILTIN_PROTOCOLS) {
      const descriptor = registry.get('benchmark', protocol.benchmark);
      expect(() => descriptor.options.parse(runBenchmarkOptions(protocol, 3)), protocol.name).not.toThrow();
      if (protocol.metric === 'hypervolume') {
        const objectives = protocol.benchmarkOptions['objectives'];
        expect(Array.isArray(objectives) && objectives.length === protocol.referencePoint?.length, protocol.name).toBe(true);
      }
      if (protocol.budget.meanEvaluations !== undefined) expect(protocol.meanEvaluationSeconds, protocol.name).toBeGreaterThan(0);
    }
  });

  // The budgets are stated in mean evaluation runtimes: the constants must be what they claim.
  test.each(BUILTIN_PROTOCOLS.filter((p) => p.meanEvaluationSeconds !== undefined && p.embedded).map((p) => [p.name, p] as const))(
    '%s: meanEvaluationSeconds is the mean full-fidelity runtime of 500 random configurations (seed 1)',
    async (_, protocol) => {
      const benchmark = await registry.createBenchmark(protocol.benchmark, runBenchmarkOptions(protocol, 0), { env: {} });
      try {
        const rng = Rng.seeded(1);
        const requests = Array.from({ length: 500 }, (_, i) => ({
          config: benchmark.space.sample(rng),
          fidelity: benchmark.fidelitySpace.defaultConfiguration(),
          seed: i,
        }));
        const costs = (await benchmark.evaluate(requests)).map((e) => e.cost);
        const mean = costs.reduce((a, b) => a + b, 0) / costs.length;
        if (protocol.seedOptions === undefined) expect(protocol.meanEvaluationSeconds! / mean).toBeCloseTo(1, 6);
        else expect(protocol.meanEvaluationSeconds! / mean).toBeGreaterThan(0.2);
      } finally {
        await benchmark.close?.();
      }
    },
  );

  test.each(BUILTIN_PROTOCOLS.filter((p) => p.embedded && (p.constraints !== undefined || p.objectives !== undefined)).map((p) => [p.name, p] as const))(
    '%s: its constraints and derived objectives compile against its benchmark',
    async (_, protocol) => {
      const benchmark = await registry.createBenchmark(protocol.benchmark, runBenchmarkOptions(protocol, 0), { env: {} });
      try {
        const task = await compileTask(benchmark, protocol, protocolExpressionErrors(protocol.name));
        expect(task.constraints.map((c) => c.expression)).toEqual(protocol.constraints ?? []);
      } finally {
        await benchmark.close?.();
      }
    },
  );

  test('nb201-latency: the bound is the median latency_s of the 15,625 cells, as the benchmark reports them', async () => {
    const benchmark = await registry.createBenchmark('nb201', { instance: 'cifar10' }, { env: {} });
    const requests = Array.from({ length: 15_625 }, (_, i) => ({ config: nb201FromIndex(i), fidelity: { epoch: 200 }, seed: 0 }));
    const latencies = (await benchmark.evaluate(requests)).map((e) => e.metrics['latency_s']!).sort((a, b) => a - b);
    expect(latencies[7812]).toBe(NB201_MEDIAN_LATENCY_S);
    expect(latencies.filter((v) => v <= NB201_MEDIAN_LATENCY_S)).toHaveLength(7813);
  });

  test('jahs-size: the bound lies between the middle two sizes of 10,000 random configurations (seed 0)', async () => {
    const benchmark = await registry.createBenchmark('jahs', { variant: 'joint', objectives: ['valid_error'] }, { env: {} });
    try {
      const rng = Rng.seeded(0);
      const fidelity = benchmark.fidelitySpace.defaultConfiguration();
      const requests = Array.from({ length: 10_000 }, (_, i) => ({ config: benchmark.space.sample(rng.stream('config', i)), fidelity, seed: 0 }));
      const sizes = (await benchmark.evaluate(requests)).map((e) => e.metrics['size_MB']!).sort((a, b) => a - b);
      expect(sizes[4999]).toBeLessThanOrEqual(JAHS_MEDIAN_SIZE_MB);
      expect(sizes[5000]).toBeGreaterThan(JAHS_MEDIAN_SIZE_MB);
    } finally {
      await benchmark.close?.();
    }
  });

  test('nashpobench2: regret at 12 epochs, and the 12- and 200-epoch test accuracy of the chosen configuration', async () => {
    const cwd = freshDir('protocol');
    const grid = await compareIn(
      cwd,
      { protocols: 'nashpobench2', optimizers: 'rs', seeds: 2, threads: 1, quiet: true, out: 'n' },
      { env: { JAHSKIT_NASHPOBENCH2_DIR: NASHPOBENCH2_FIXTURE_DIR } },
    );
    expect(grid.code, grid.err).toBe(0);
    const run = readRunResult(join(cwd, 'n', 'nashpobench2', 'rs', 'seed0.jsonl'))!;
    expect(run.header.benchmark).toBe('nashpobench2@12');
    expect(run.records.length).toBeLessThanOrEqual(500);
    expect(run.end.simulatedSeconds).toBeLessThanOrEqual(20_000);
    expect(run.records.every((r) => r.fidelity['epoch'] === 12)).toBe(true);
    const incumbent = run.end.incumbent!;
    expect(incumbent.value).toBeGreaterThanOrEqual(0);
    expect(Object.keys(incumbent.extras)).toEqual(['test accuracy @12 epochs (%)', 'test accuracy @200 epochs (%)']);
    const [at12, at200] = await (
      await registry.createBenchmark('nashpobench2', {}, { env: { JAHSKIT_NASHPOBENCH2_DIR: NASHPOBENCH2_FIXTURE_DIR } })
    ).evaluate([
      { config: incumbent.config, fidelity: { epoch: 12 }, seed: 0 },
      { config: incumbent.config, fidelity: { epoch: 200 }, seed: 0 },
    ]);
    expect(incumbent.extras['test accuracy @12 epochs (%)']).toBe(at12!.metrics['test_acc']);
    expect(incumbent.extras['test accuracy @200 epochs (%)']).toBe(at200!.metrics['test_acc']);
    expect(grid.out).toMatch(/regret of validation accuracy \(percentage points\)/);
  });

  test('nb201-paper: the presets run without options, search at 12 epochs for 12,000 s, and report the chosen cell at 200 epochs on the three datasets beside Table 5', async () => {
    const cwd = freshDir('protocol');
    const grid = await compareIn(cwd, {
      protocols: 'nb201-paper',
      optimizers: 'rs,re@nb201-paper,bohb@nb201-paper',
      seeds: 2,
      threads: 1,
      quiet: true,
      out: 'p',
    });
    expect(grid.code, grid.err).toBe(0);
    const re = readRunResult(join(cwd, 'p', 'nb201-paper', 're@nb201-paper', 'seed0.jsonl'))!;
    expect(re.header.benchmark).toBe('nb201/cifar10@12-nominal');
    expect(re.header.optimizerOptions).toEqual({ population: 10, sampleSize: 3 });
    expect(re.header.reference?.values['cifar10-valid validation accuracy @200 epochs (%)']).toEqual({ mean: 91.19, std: 0.31 });
    expect(re.end.simulatedSeconds).toBe(12_000);
    // About 110 evaluations of about 108 s (12 of a mean 1,800 s for 200 epochs).
    expect(re.records.length).toBeGreaterThan(80);
    expect(re.records.reduce((sum, r) => sum + r.cost, 0)).toBeLessThanOrEqual(12_000);
    const plain = await registry.createBenchmark('nb201', {}, { env: {} });
    const at12 = (await plain.evaluate([{ config: re.end.incumbent!.config, fidelity: { epoch: 12 }, seed: 0 }]))[0]!;
    expect(re.end.incumbent!.value).toBe(at12.metrics['valid_error']);
    for (const [instance, label] of [
      ['cifar10', 'cifar10-valid'],
      ['cifar100', 'cifar100'],
      ['ImageNet16-120', 'ImageNet16-120'],
    ] as const) {
      const benchmark = await registry.createBenchmark('nb201', { instance }, { env: {} });
      const [at200] = await benchmark.evaluate([{ config: re.end.incumbent!.config, fidelity: { epoch: 200 }, seed: 0 }]);
      expect(re.end.incumbent!.extras[`${label} validation accuracy @200 epochs (%)`]).toBe(at200!.metrics['valid_acc']);
    }
    // BOHB schedules the paper's budgets 22, 67, 200; only results at 200 choose its cell, as hpbandster's incumbent.
    const bohb = readRunResult(join(cwd, 'p', 'nb201-paper', 'bohb@nb201-paper', 'seed0.jsonl'))!;
    expect(new Set(bohb.records.map((r) => r.fidelity['epoch']))).toEqual(new Set([22, 67, 200]));
    const atTop = bohb.records.filter((r) => r.fidelity['epoch'] === 200).map((r) => r.objectives['valid_error']!);
    expect(bohb.end.incumbent!.value).toBe(Math.min(...atTop));
    expect(grid.out).toContain('### Beside the published values: Dong & Yang, ICLR 2020, Table 5');
    expect(grid.out).toMatch(/\| ImageNet16-120 validation accuracy @200 epochs \(%\) \| rs \| 44\.45 ± 1\.1 \(500\) \|/);
  });

  test('a preset given options is a usage error; --list-protocols prints every protocol with its source', async () => {
    const cwd = freshDir('protocol');
    const preset = await compareIn(cwd, {
      protocols: 'nb201-paper',
      optimizers: 're@nb201-paper',
      'optimizer-options': '{"re@nb201-paper": {"population": 20}}',
      out: 'x',
    });
    expect(preset.code).toBe(2);
    expect(preset.err).toMatch(/re@nb201-paper.*preset/);
    const list = await compareIn(cwd, { 'list-protocols': true });
    expect(list.code).toBe(0);
    for (const protocol of BUILTIN_PROTOCOLS) expect(list.out).toContain(`source: ${protocol.description}`);
  });
});
