import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, Configuration } from '@jahskit/core';
import { nashpobench2FlatIndex, parseNashpobench2CellCode } from '@jahskit/spaces';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { createNashpobench2Benchmark, type Nashpobench2Noise } from './createNashpobench2Benchmark';
import { parseNashpobench2Config } from './parseNashpobench2Config';
import { nashpobench2CacheFiles, nashpobench2CacheKey, readNashpobench2Cache } from './nashpobench2Cache';
import { NASHPOBENCH2_FIXTURE_DIR, temporaryCacheDir } from './nashpobench2Fixtures';
import { nashpobench2Descriptor } from './nashpobench2Module';
import { loadNashpobench2 } from './loadNashpobench2';
import type { Nashpobench2Table } from './Nashpobench2Table';
import { unpickle } from './unpickle';
import { sha256File } from '../internal/sha256File';
import { expectTypedError } from '../internal/testing/expectTypedError';

type Columns = Record<string, Record<string, number>>;
const read = (name: string): Record<string, unknown> => unpickle(readFileSync(join(NASHPOBENCH2_FIXTURE_DIR, name)), name) as Record<string, unknown>;
const bench12 = read('bench12.pkl') as Columns;
const hashOf = read('cellinfo.pkl')['hash'] as Record<string, string>;
const avg = read('avgaccs200.pkl')['avg_acc'] as Record<string, number>;

const cacheDir = temporaryCacheDir();
let table: Nashpobench2Table;
const make = (noise: Nashpobench2Noise = 'mean'): Benchmark => createNashpobench2Benchmark(table, { noise });
const config = (cellcode: string, lr: number, batch_size: number): Configuration => ({ ...parseNashpobench2CellCode(cellcode), lr, batch_size });
const one = async (benchmark: Benchmark, c: Configuration, epoch: number, seed = 0) =>
  (await benchmark.evaluate([{ config: c, fidelity: { epoch }, seed }]))[0]!;

const scratch = [cacheDir];
beforeAll(async () => {
  table = await loadNashpobench2(NASHPOBENCH2_FIXTURE_DIR, cacheDir);
});
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('nashpobench2 data', () => {
  test('maps every cellcode; the untrained class has no results', () => {
    expect(table.hashes).toHaveLength(2);
    expect(table.seeds).toEqual([222, 555, 888]);
    expect(Array.from(table.cellHash).filter((h) => h < 0)).toHaveLength(64);
  });

  test("writes a cache keyed by the files' SHA-256 and reads it back identically", async () => {
    const digests = await Promise.all(['bench12.pkl', 'cellinfo.pkl', 'avgaccs200.pkl'].map((f) => sha256File(join(NASHPOBENCH2_FIXTURE_DIR, f))));
    const key = nashpobench2CacheKey(digests.map((d) => d!.sha256));
    const files = nashpobench2CacheFiles(cacheDir, key);
    expect(existsSync(files.data)).toBe(true);
    expect(await readNashpobench2Cache(cacheDir, key)).toEqual(table);
    expect(await readNashpobench2Cache(cacheDir, 'another key')).toBeUndefined();
    // A truncated cache is ignored (and the pickles read again), never served.
    const other = temporaryCacheDir();
    scratch.push(other);
    const copy = nashpobench2CacheFiles(other, key);
    writeFileSync(copy.header, readFileSync(files.header));
    writeFileSync(copy.data, readFileSync(files.data).subarray(0, 1000));
    expect(await readNashpobench2Cache(other, key)).toBeUndefined();
  });
});

describe('nashpobench2 benchmark (official API semantics)', () => {
  const cellcode = '0|12|301';
  const key = (lr: number, bs: number, seed: number): string => `${hashOf[cellcode]},${lr},${bs},${seed}`;

  test("seed 222 ('official'): accuracy after epoch e and the train+valid time up to e", async () => {
    const benchmark = make('official');
    const c = config(cellcode, 0.025, 64);
    const k = key(0.025, 64, 222);
    for (const epoch of [1, 5, 11]) {
      const result = await one(benchmark, c, epoch);
      expect(result.metrics['valid_acc']).toBe(bench12[`valid_acc_${epoch - 1}`]![k]);
      expect(result.metrics['train_acc']).toBe(bench12[`train_acc_${epoch - 1}`]![k]);
      expect(result.metrics['test_acc']).toBe(bench12[`test_acc_${epoch - 1}`]![k]);
      expect(result.metrics['valid_error']).toBeCloseTo(100 - bench12[`valid_acc_${epoch - 1}`]![k]!, 12);
      let cost = 0;
      for (let i = 0; i < epoch; i++) cost += bench12[`train_time_${i}`]![k]! + bench12[`valid_time_${i}`]![k]!;
      expect(result.cost).toBeCloseTo(cost, 3);
    }
    expect((await one(benchmark, c, 12)).cost).toBe(bench12['total_trainval_time']![k]);
    const full = await one(benchmark, c, 200);
    expect(full.metrics['valid_acc']).toBe(avg[`${hashOf[cellcode]},0.025,64`]);
    expect(full.cost).toBeCloseTo((200 / 12) * bench12['total_trainval_time']![k]!, 9);
  });

  test("'mean' averages the three seeds; 'seed' returns one of them", async () => {
    const c = config(cellcode, 0.4, 512);
    const values = [222, 555, 888].map((s) => bench12['valid_acc_11']![key(0.4, 512, s)]!);
    const mean = await one(make('mean'), c, 12);
    expect(mean.metrics['valid_acc']).toBeCloseTo((values[0]! + values[1]! + values[2]!) / 3, 12);
    const seen = new Set<number>();
    for (let seed = 0; seed < 20; seed++) seen.add((await one(make('seed'), c, 12, seed)).metrics['valid_acc']!);
    for (const v of seen) expect(values).toContain(v);
    expect(seen.size).toBeGreaterThan(1);
  });

  test("a cell without results is 'failed' at no cost", async () => {
    const result = await one(make(), config('1|23|333', 0.1, 256), 12);
    expect(result.status).toBe('failed');
    expect(result.cost).toBe(0);
  });

  test('parseConfig reads cellcodes and flat indices like the API', () => {
    const c = config('2|03|112', 0.0125, 128);
    expect(parseNashpobench2Config({ cellcode: '2|03|112', lr: 0.0125, batch_size: 128 })).toEqual(c);
    expect(parseNashpobench2Config({ index: nashpobench2FlatIndex(c), epoch: 3 })).toEqual({ ...c, epoch: 3 });
    expect(nashpobench2FlatIndex(c)).toBe((2 * 1024 + 0 * 256 + 3 * 64 + 1 * 16 + 1 * 4 + 2) * 48 + 2 * 6 + 3);
  });

  test('bad input: typed errors naming the parameter and the allowed values', async () => {
    const benchmark = make();
    const c = config(cellcode, 0.1, 256);
    await expectTypedError(() => parseNashpobench2Config({ cellcode: '4|00|000', lr: 0.1, batch_size: 256 }), 'cellcode', 'A|BC|DEF');
    await expectTypedError(() => benchmark.evaluate([{ config: { ...c, lr: 0.3 }, fidelity: { epoch: 12 }, seed: 0 }]), 'lr', '0.003125');
    await expectTypedError(() => benchmark.evaluate([{ config: { ...c, batch_size: 100 }, fidelity: { epoch: 12 }, seed: 0 }]), 'batch_size', '512');
    await expectTypedError(() => benchmark.evaluate([{ config: c, fidelity: { epoch: 13 }, seed: 0 }]), 'epoch', '200');
  });
});

describe("nashpobench2 option 'epochs' (a single training length)", () => {
  const c = config('0|12|301', 0.025, 64);

  test('restricts the fidelity space to that epoch, which is its default; single-fidelity; own id', async () => {
    for (const epochs of [1, 12, 200]) {
      const benchmark = createNashpobench2Benchmark(table, { noise: 'mean', epochs });
      expect(benchmark.id).toBe(`nashpobench2@${epochs}`);
      expect(benchmark.fidelitySpace.defaultConfiguration()).toEqual({ epoch: epochs });
      expect(benchmark.fidelitySpace.parameters.map((p) => p.type)).toEqual(['constant']);
      expect(benchmark.supportsContinuation).toBe(false);
      // The same answers as the unrestricted benchmark at that epoch, cost included.
      expect(await one(benchmark, c, epochs)).toEqual(await one(make(), c, epochs));
    }
    expect(make().id).toBe('nashpobench2');
    expect(make().supportsContinuation).toBe(true);
  });

  test('refuses every other epoch: the final 200-epoch check needs an unrestricted instance', async () => {
    const benchmark = createNashpobench2Benchmark(table, { noise: 'mean', epochs: 12 });
    for (const epoch of [200, 11, 13]) {
      await expectTypedError(() => benchmark.evaluate([{ config: c, fidelity: { epoch }, seed: 0 }]), 'epoch', '12');
    }
    expect(() => benchmark.fidelitySpace.validate({ epoch: 200 })).toThrow(/epoch/);
  });

  test('an epoch the table lacks is refused, by the plugin schema and by the factory', async () => {
    for (const epochs of [0, 13, 100, 12.5]) {
      let caught: unknown;
      try {
        createNashpobench2Benchmark(table, { noise: 'mean', epochs });
      } catch (error) {
        caught = error;
      }
      expect(BenchmarkError.is(caught) && caught.kind).toBe('invalid-definition');
      expect((caught as BenchmarkError).parameter).toBe('epochs');
      expect((caught as BenchmarkError).allowed).toContain('12, 200');
      expect(nashpobench2Descriptor.options.safeParse({ epochs }).success).toBe(false);
    }
    expect(nashpobench2Descriptor.options.parse({ epochs: 12 })).toEqual({ noise: 'mean', epochs: 12 });
    const benchmark = await nashpobench2Descriptor.create({ noise: 'mean', cacheDir, dataDir: NASHPOBENCH2_FIXTURE_DIR, epochs: 12 }, { env: {} });
    expect(benchmark.id).toBe('nashpobench2@12');
  });
});

describe('nashpobench2 plugin', () => {
  test('without data: missing-data naming where to download and what to set', async () => {
    let caught: unknown;
    try {
      await nashpobench2Descriptor.create({ noise: 'mean' }, { env: {} });
    } catch (error) {
      caught = error;
    }
    expect(BenchmarkError.is(caught) && caught.kind).toBe('missing-data');
    const message = (caught as Error).message;
    for (const part of ['1sxnBo5A6WXxt44WQG8f8WlYYicKd9g-h', 'yoichii/nashpobench2api', 'JAHSKIT_NASHPOBENCH2_DIR', 'dataDir']) expect(message).toContain(part);
    await expect(nashpobench2Descriptor.create({ noise: 'mean', dataDir: join(cacheDir, 'nowhere') }, { env: {} })).rejects.toThrow(
      /bench12\.pkl, cellinfo\.pkl, avgaccs200\.pkl not found/,
    );
  });

  test('reads the folder from the environment variable', async () => {
    const benchmark = await nashpobench2Descriptor.create({ noise: 'mean', cacheDir }, { env: { JAHSKIT_NASHPOBENCH2_DIR: NASHPOBENCH2_FIXTURE_DIR } });
    expect(benchmark.id).toBe('nashpobench2');
  });

  test('checkData reports each file with its SHA-256, unverified; and what is missing', async () => {
    const status = await nashpobench2Descriptor.checkData!({ dataDir: NASHPOBENCH2_FIXTURE_DIR } as never, { env: {} });
    expect(status.ready).toBe(true);
    expect(status.files).toHaveLength(3);
    for (const file of status.files!) expect(file.detail).toMatch(/SHA-256 [0-9a-f]{64} .*unverified/);
    const none = await nashpobench2Descriptor.checkData!({} as never, { env: {} });
    expect(none.ready).toBe(false);
    expect(none.detail).toContain('JAHSKIT_NASHPOBENCH2_DIR');
  });
});
