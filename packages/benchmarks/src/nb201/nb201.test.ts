import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from '@jahskit/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { nb201ArchString, nb201FromIndex, nb201Index, nb201IsomorphismHash, nb201OpIndices, parseNb201ArchString } from '@jahskit/spaces';
import { createNb201Benchmark, type Nb201Options } from './createNb201Benchmark';
import { float32Decimal } from './float32Decimal';
import { nb201Descriptor } from './nb201Module';
import { loadNb201Table, NB201_CELLS, type Nb201Table } from './Nb201Table';
import { parseNb201Config } from './parseNb201Config';
import { expectTypedError } from '../internal/testing/expectTypedError';

// The source CSV the compact table was derived from: in shared/ beside the repository (CI lays a copy
// there) or this workplace's /work/shared. It is not shipped, so its absence is an error, not a skip.
const CSV_CANDIDATES = [fileURLToPath(new URL('../../../../../shared/data/nb201/nb201.csv', import.meta.url)), '/work/shared/data/nb201/nb201.csv'];
const ARCH_6111 = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|';
const ARCH_9930 = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|';

let table: Nb201Table;
const make = (options: Partial<Nb201Options> = {}): Benchmark =>
  createNb201Benchmark(table, { instance: 'cifar10', objectives: ['valid_error'], noise: 'mean', ...options });
const codeOfArch = (arch: string): number => nb201Index(parseNb201ArchString(arch));
const nb201ConfigOf = nb201FromIndex;

beforeAll(async () => {
  table = await loadNb201Table();
});

describe('nb201 table', () => {
  test('holds all 15,625 cells, each official index once', () => {
    expect(table.archIndex).toHaveLength(NB201_CELLS);
    expect(new Set(table.archIndex).size).toBe(NB201_CELLS);
  });

  test('best cifar10-valid validation accuracy at 200 epochs is 91.607, arch 6111', async () => {
    const benchmark = make();
    const optimum = benchmark.optimum!;
    expect((100 - optimum.values['valid_error']!).toFixed(3)).toBe('91.607');
    const code = codeOfArch(ARCH_6111);
    expect(table.archIndex[code]).toBe(6111);
    expect(optimum.config).toEqual(nb201ConfigOf(code));
    const [evaluation] = await benchmark.evaluate([{ config: optimum.config!, fidelity: { epoch: 200 }, seed: 0 }]);
    expect(evaluation!.metrics['valid_acc']).toBe(91.60667);
    expect(evaluation!.metrics['valid_error']).toBe(8.39333);
    expect(evaluation!.metrics['params_mb']).toBe(1.073466);
    expect(evaluation!.raw).toEqual({ arch_index: 6111, latency_recorded: 1 });
  });

  test('best cifar100 accuracy is 73.503, arch 9930', () => {
    const optimum = make({ instance: 'cifar100' }).optimum!;
    expect((100 - optimum.values['valid_error']!).toFixed(3)).toBe('73.503');
    expect(table.archIndex[codeOfArch(ARCH_9930)]).toBe(9930);
    expect(optimum.config).toEqual(nb201ConfigOf(codeOfArch(ARCH_9930)));
  });

  test('cifar10 error-vs-params front has reference point (16.870, 1.1808)', () => {
    const fronts = make().optimum!.paretoFronts!;
    const params = fronts.find((f) => f.objectives[1] === 'params_mb')!;
    expect(params.referencePoint![0]!.toFixed(3)).toBe('16.870');
    expect(params.referencePoint![1]!.toFixed(4)).toBe('1.1808');
    expect(fronts.map((f) => f.objectives[1])).toEqual(['params_mb', 'flops_m', 'latency_s']);
    for (const front of fronts) for (const point of front.points) expect(point.every(Number.isFinite)).toBe(true);
  });

  test('every row agrees with the source CSV (arch string, accuracy, time)', () => {
    const CSV = CSV_CANDIDATES.find((path) => existsSync(path));
    if (CSV === undefined)
      throw new Error(`the NAS-Bench-201 source CSV is missing: looked in ${CSV_CANDIDATES.join(', ')} (the shared data folder beside the repository)`);
    const lines = readFileSync(CSV, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string): number => header.indexOf(name);
    const [iArch, iAcc, iTime] = [col('arch_str'), col('ep200_cifar10valid_valid_acc_mean'), col('ep200_cifar10valid_train_time_s')];
    const valid = table.columns.get('cifar10.valid200')!;
    const time = table.columns.get('cifar10.time200')!;
    expect(lines).toHaveLength(NB201_CELLS + 1);
    for (let row = 0; row < NB201_CELLS; row++) {
      const cells = lines[row + 1]!.split(',');
      const code = codeOfArch(cells[iArch]!);
      expect(table.archIndex[code]).toBe(row);
      expect(nb201ArchString(nb201FromIndex(code))).toBe(cells[iArch]);
      expect(Math.abs(valid[code]! - Number(cells[iAcc]))).toBeLessThan(1e-4);
      expect(Math.abs(time[code]! - Number(cells[iTime])) / Number(cells[iTime])).toBeLessThan(1e-6);
    }
  });
});

describe('nb201 benchmark', () => {
  test('12 epochs cost 12/200 of the 200-epoch training time; no continuation', async () => {
    const benchmark = make({ instance: 'ImageNet16-120' });
    const config = nb201ConfigOf(codeOfArch(ARCH_6111));
    const [full, short] = await benchmark.evaluate([
      { config, fidelity: { epoch: 200 }, seed: 0 },
      { config, fidelity: { epoch: 12 }, seed: 0 },
    ]);
    expect(short!.cost).toBeCloseTo((full!.cost * 12) / 200, 6);
    expect(benchmark.supportsContinuation).toBe(false);
    expect(benchmark.fidelitySpace.defaultConfiguration()).toEqual({ epoch: 200 });
  });

  test("noise 'seed' returns one recorded seed, chosen by the request's seed", async () => {
    const benchmark = make({ noise: 'seed' });
    const code = codeOfArch(ARCH_6111);
    const config = nb201ConfigOf(code);
    const recorded = [0, 1, 2].map((s) => float32Decimal(table.columns.get(`cifar10.seed${s}`)![code]!));
    const evaluations = await benchmark.evaluate(Array.from({ length: 20 }, (_, seed) => ({ config, fidelity: { epoch: 200 }, seed })));
    const seen = new Set(evaluations.map((e) => e.metrics['valid_acc']));
    for (const value of seen) expect(recorded).toContain(value);
    expect(seen.size).toBeGreaterThan(1);
    expect(await benchmark.evaluate([{ config, fidelity: { epoch: 200 }, seed: 7 }])).toEqual([evaluations[7]]);
  });

  test('reports the chosen objectives; the others are metrics; latency is never NaN', async () => {
    const benchmark = make({ objectives: ['valid_error', 'latency_s'] });
    expect(benchmark.objectives.map((o) => o.name)).toEqual(['valid_error', 'latency_s']);
    expect(benchmark.metrics).toEqual(['params_mb', 'flops_m', 'valid_acc', 'test_acc']);
    const configs = Array.from({ length: NB201_CELLS }, (_, code) => ({ config: nb201ConfigOf(code), fidelity: { epoch: 200 }, seed: 0 }));
    const evaluations = await benchmark.evaluate(configs);
    expect(evaluations.every((e) => Number.isFinite(e.metrics['latency_s']))).toBe(true);
    expect(Array.from(table.columns.get('latency')!).filter(Number.isNaN)).toHaveLength(341);
  });

  test('parseConfig reads the official string and keeps other keys; round trip', () => {
    const config = parseNb201Config({ arch: ARCH_6111, epoch: 12 }) as Record<string, unknown>;
    expect(config['epoch']).toBe(12);
    expect(config['op_0_1']).toBe('nor_conv_3x3');
    expect(config['op_2_3']).toBe('nor_conv_1x1');
    expect(parseNb201Config({ op_0_1: 'none' })).toEqual({ op_0_1: 'none' });
    for (const code of [0, 1, 777, 15_624]) expect(codeOfArch(nb201ArchString(nb201FromIndex(code)))).toBe(code);
  });

  test('bad input gives typed errors naming the parameter and what is allowed', async () => {
    const benchmark = make();
    const config = nb201ConfigOf(0);
    await expectTypedError(() => parseNb201Config({ arch: '|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|' }), 'op_0_1', 'nor_conv_3x3');
    await expectTypedError(() => parseNb201Config({ arch: 42 }), 'arch', 'nor_conv_3x3');
    await expectTypedError(() => parseNb201Config({ arch: 'resnet' }), 'arch', 'avg_pool_3x3');
    await expectTypedError(() => benchmark.evaluate([{ config: { ...config, op_1_2: 'conv' }, fidelity: { epoch: 200 }, seed: 0 }]), 'op_1_2', 'skip_connect');
    await expectTypedError(() => benchmark.evaluate([{ config, fidelity: { epoch: 13 }, seed: 0 }]), 'epoch', '200');
  });

  test('6,466 cells up to isomorphism over the table rows', () => {
    const hashes = new Set<string>();
    for (let code = 0; code < NB201_CELLS; code++) hashes.add(nb201IsomorphismHash(nb201OpIndices(nb201FromIndex(code))));
    expect(hashes.size).toBe(6466);
  });

  test('checkData reports the bundled table intact', async () => {
    const status = await nb201Descriptor.checkData!({} as never, { env: {} });
    expect(status.ready).toBe(true);
    expect(status.files?.[0]?.ok).toBe(true);
  });
});

describe("nb201 options 'epochs' and 'nominalEpochs' (one training length)", () => {
  const config = (): Record<string, unknown> => nb201ConfigOf(codeOfArch(ARCH_6111));

  test('epochs: a single-fidelity task answering as the unrestricted benchmark at that length, with its own optimum', async () => {
    for (const epochs of [12, 200] as const) {
      const benchmark = make({ epochs });
      expect(benchmark.id).toBe(`nb201/cifar10@${epochs}`);
      expect(benchmark.fidelitySpace.defaultConfiguration()).toEqual({ epoch: epochs });
      const [fixed] = await benchmark.evaluate([{ config: config() as never, fidelity: { epoch: epochs }, seed: 0 }]);
      const [free] = await make().evaluate([{ config: config() as never, fidelity: { epoch: epochs }, seed: 0 }]);
      expect(fixed).toEqual(free);
    }
    const other = make({ epochs: 12 });
    await expect(other.evaluate([{ config: config() as never, fidelity: { epoch: 200 }, seed: 0 }])).rejects.toMatchObject({ parameter: 'epoch' });
    // The best cell by 12-epoch validation accuracy, by brute force over the table.
    const all = await make().evaluate(Array.from({ length: NB201_CELLS }, (_, code) => ({ config: nb201ConfigOf(code), fidelity: { epoch: 12 }, seed: 0 })));
    const best = Math.min(...all.map((e) => e.metrics['valid_error']!));
    expect(make({ epochs: 12 }).optimum!.values['valid_error']).toBe(best);
    expect(make({ epochs: 200 }).optimum).toEqual(make().optimum);
  });

  test("nominalEpochs: every budget of 12..200 answers with the 12-epoch result and cost, as the NB201 paper's BOHB worker", async () => {
    const benchmark = make({ epochs: 12, nominalEpochs: true });
    expect(benchmark.id).toBe('nb201/cifar10@12-nominal');
    expect(benchmark.fidelitySpace.defaultConfiguration()).toEqual({ epoch: 200 });
    expect(benchmark.fidelitySpace.parameters[0]).toMatchObject({ type: 'integer', lower: 12, upper: 200 });
    const [at12] = await make().evaluate([{ config: config() as never, fidelity: { epoch: 12 }, seed: 0 }]);
    const answers = await benchmark.evaluate([12, 22, 67, 200].map((epoch) => ({ config: config() as never, fidelity: { epoch }, seed: 0 })));
    for (const answer of answers) expect(answer).toEqual(at12);
    await expect(benchmark.evaluate([{ config: config() as never, fidelity: { epoch: 201 }, seed: 0 }])).rejects.toMatchObject({ parameter: 'epoch' });
  });

  test('bad combinations are typed errors naming the option', () => {
    expect(() => make({ nominalEpochs: true })).toThrow(expect.objectContaining({ parameter: 'nominalEpochs' }));
    expect(() => make({ epochs: 13 as never })).toThrow(expect.objectContaining({ parameter: 'epochs', allowed: '12, 200' }));
    expect(nb201Descriptor.options.safeParse({ nominalEpochs: true }).success).toBe(false);
    expect(nb201Descriptor.options.safeParse({ epochs: 100 }).success).toBe(false);
    expect(nb201Descriptor.options.parse({ epochs: 12, nominalEpochs: true })).toEqual({
      instance: 'cifar10',
      objectives: ['valid_error'],
      noise: 'mean',
      epochs: 12,
      nominalEpochs: true,
    });
  });
});
