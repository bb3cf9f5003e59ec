import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, optimizerContextFor, type Benchmark, type JahskitError } from '@jahskit/core';
import { describeBenchmarkConformance } from '@jahskit/core/testing';
import { BenchmarkError } from '@jahskit/benchmarks';
import { randomSearchModule } from '@jahskit/optimizers';
import type { CliIo } from '@jahskit/cli';
import { describe, expect, test } from 'vitest';
import { askTellLoop, createToyMlpBenchmark, simulateToyMlp, toyMlpCli, toyMlpModule } from './write-a-benchmark';

const registry = createRegistry([toyMlpModule, randomSearchModule]);
const toyMlp = (options: object = {}) => (): Promise<Benchmark> => registry.createBenchmark('toy-mlp', options, { env: {} });

// The same properties every shipped benchmark passes: noise-free, noisy, and as a two-objective task.
describeBenchmarkConformance({ name: 'toy-mlp', benchmark: toyMlp() });
describeBenchmarkConformance({ name: 'toy-mlp noisy', benchmark: toyMlp({ noise: 0.5 }) });
describeBenchmarkConformance({ name: 'toy-mlp two objectives', benchmark: toyMlp({ objectives: ['valid_acc', 'params_k'], maxEpoch: 5 }) });

describe('the guide benchmark', () => {
  test('its known optimum is what it evaluates to, and nothing random beats it', async () => {
    const benchmark = await toyMlp()();
    const optimum = benchmark.optimum!;
    const [atOptimum] = await benchmark.evaluate([{ config: optimum.config!, fidelity: benchmark.fidelitySpace.defaultConfiguration(), seed: 0 }]);
    expect(atOptimum!.metrics['valid_acc']).toBe(optimum.values['valid_acc']);
    const study = await askTellLoop(benchmark, registry.createOptimizer('rs', {}, optimizerContextFor(benchmark, 3)), 200);
    expect(study.best()!.objectives['valid_acc']).toBeLessThanOrEqual(optimum.values['valid_acc']!);
  });

  test('noise comes from the seed: equal seeds equal values, and one seed is one offset along a learning curve', async () => {
    const benchmark = await toyMlp({ noise: 1 })();
    const config = { lr: 0.01, width: 32, optimizer: 'adam' };
    const at = (epoch: number, seed: number) => ({ config, fidelity: { epoch }, seed });
    const [a, b, c, low, lowOther] = await benchmark.evaluate([at(50, 7), at(50, 7), at(50, 8), at(5, 7), at(5, 8)]);
    expect(a).toEqual(b);
    expect(a!.metrics['valid_acc']).not.toBe(c!.metrics['valid_acc']);
    // The same offset at every epoch: the difference between two runs does not depend on the epoch.
    expect(a!.metrics['valid_acc']! - c!.metrics['valid_acc']!).toBeCloseTo(low!.metrics['valid_acc']! - lowOther!.metrics['valid_acc']!, 10);
    expect(low!.cost).toBeLessThan(a!.cost);
  });

  test('bad input is a typed error naming what is wrong', async () => {
    const benchmark = await toyMlp()();
    const request = { config: { lr: 0.01, width: 32, optimizer: 'adam' }, fidelity: { epoch: 50 }, seed: 0 };
    const errorOf = (call: () => Promise<unknown>) => Promise.resolve().then(call).then(() => undefined, (error: unknown) => error as JahskitError);
    expect((await errorOf(() => benchmark.evaluate([{ ...request, config: { ...request.config, optimizer: 'rmsprop' } }])))?.parameter).toBe('optimizer');
    expect((await errorOf(() => benchmark.evaluate([{ ...request, fidelity: { epoch: 51 } }])))?.parameter).toBe('epoch');
    // The registry checks options against the schema; a direct call checks them itself.
    const option = await errorOf(() => registry.createBenchmark('toy-mlp', { maxEpoch: 1 }, { env: {} }));
    expect([option?.kind, option?.parameter]).toEqual(['invalid-option', 'maxEpoch']);
    expect(() => createToyMlpBenchmark({ objectives: ['accuracy' as never], maxEpoch: 50, noise: 0 })).toThrow(BenchmarkError);
  });

  test('random search and TPE run on it on simulated time; TPE gets closer to the optimum', async () => {
    const optimum = (await toyMlp()()).optimum!.values['valid_acc']!;
    const gaps = { rs: [] as number[], tpe: [] as number[] };
    for (const id of ['rs', 'tpe'] as const) {
      for (const seed of [0, 1, 2, 3, 4]) {
        const run = await simulateToyMlp(id, seed, 60);
        expect(run.stopReason).toBe('evaluations');
        expect(run.records).toHaveLength(60);
        const best = run.study.best()!;
        gaps[id].push(optimum - best.objectives['valid_acc']!);
        // Single-fidelity optimizers train every trial fully, for the simulated seconds the benchmark charged.
        expect(run.records.every((r) => r.trial.fidelity['epoch'] === 50)).toBe(true);
        expect(run.simulatedSeconds).toBeCloseTo(run.records.reduce((sum, r) => sum + r.cost, 0), 6);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(gaps.tpe)).toBeLessThan(mean(gaps.rs));
    expect(mean(gaps.tpe)).toBeLessThan(3);
  });

  test('the CLI lists it, checks its data, evaluates and runs it when its module is loaded', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-toy-mlp-'));
    let out = '';
    const io: CliIo = {
      stdout: (text) => void (out += text),
      stderr: () => undefined,
      readStdin: async () => '',
      stdinChunks: async function* () {},
      cwd,
      env: { CI: '1' },
    };
    expect(await toyMlpCli(['list', 'benchmarks'], io)).toBe(0);
    expect(out).toMatch(/toy-mlp\s+a one-hidden-layer network/);
    expect(out).toContain('--maxEpoch: integer (>= 2, <= 1000) = 50');
    out = '';
    expect(await toyMlpCli(['data', 'check', '--benchmark', 'toy-mlp'], io)).toBe(0);
    expect(out).toMatch(/toy-mlp\s+ok\s+no data files/);
    out = '';
    writeFileSync(join(cwd, 'queries.jsonl'), `${JSON.stringify({ config: { lr: 0.001, width: 128, optimizer: 'adam' }, fidelity: { epoch: 50 }, seed: 0 })}\n`);
    expect(await toyMlpCli(['eval', '--benchmark', 'toy-mlp', 'queries.jsonl'], io)).toBe(0);
    expect(JSON.parse(out).objectives.valid_acc).toBeCloseTo(94, 2);
    out = '';
    expect(await toyMlpCli(['run', '--benchmark', 'toy-mlp', '--optimizer', 'tpe', '--budget', '30', '--quiet', '--out', 'runs'], io)).toBe(0);
    const lines = readFileSync(join(cwd, 'runs', 'toy-mlp-tpe-seed0.jsonl'), 'utf8').trim().split('\n');
    // A header, 30 trials, an end line.
    expect(lines).toHaveLength(32);
  });
});

test('every code block of the guide but the first (the contract) is an excerpt of the example or its test', () => {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const source = new Set([...read('./write-a-benchmark.ts').split('\n'), ...read('./write-a-benchmark.test.ts').split('\n')].map((line) => line.trim()));
  const blocks = [...read('../guides/write-a-benchmark.md').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThan(4);
  const missing = blocks.slice(1).flatMap((block) => block.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !source.has(line)));
  expect(missing).toEqual([]);
});
