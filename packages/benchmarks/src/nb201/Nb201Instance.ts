import { decimalDifference, float32Decimal } from './float32Decimal';
import type { Nb201Table } from './Nb201Table';
import { NB201_CELLS } from './Nb201Table';

/** The datasets of NAS-Bench-201, by the names the official API uses (`cifar10` = its cifar10-valid split). */
export const NB201_INSTANCES = ['cifar10', 'cifar100', 'ImageNet16-120'] as const;
export type Nb201InstanceName = (typeof NB201_INSTANCES)[number];

const PREFIX: Readonly<Record<Nb201InstanceName, string>> = { cifar10: 'cifar10', cifar100: 'cifar100', 'ImageNet16-120': 'imagenet16' };

/** One cell's values in the units the benchmark reports (see {@link Nb201Columns}). */
interface Nb201Cell {
  readonly validAcc200: number;
  readonly validAcc12: number;
  readonly validError200: number;
  readonly validError12: number;
  readonly seedErrors: readonly [number, number, number];
  readonly seeds: readonly [number, number, number];
  readonly testAcc200: number;
  readonly testAcc12: number;
  readonly trainTime200: number;
  readonly trainTime12: number;
  readonly paramsMb: number;
  readonly flopsM: number;
  readonly latencyS: number;
  readonly latencyRecorded: 0 | 1;
}

/**
 * One dataset's columns, indexed by cell code, in the units the benchmark reports, each value the
 * shortest decimal of its float32 (see {@link float32Decimal}). Accuracies are the mean over the
 * recorded seeds; `seeds[s]` holds seed s's 200-epoch validation accuracy (NaN where a cell has only
 * two seeds); the errors are 100 minus the accuracies.
 */
export interface Nb201Columns {
  readonly validAcc200: Float64Array;
  readonly validAcc12: Float64Array;
  readonly validError200: Float64Array;
  readonly validError12: Float64Array;
  readonly seedErrors: readonly [Float64Array, Float64Array, Float64Array];
  readonly testAcc200: Float64Array;
  readonly testAcc12: Float64Array;
  /** Seconds to train 200 epochs. */
  readonly trainTime200: Float64Array;
  /** 12/200 of it: the 12-epoch runs train the same network for 12 epochs (rounded to 1e-8 s). */
  readonly trainTime12: Float64Array;
  readonly paramsMb: Float64Array;
  readonly flopsM: Float64Array;
  /** Desktop-CPU latency in seconds, imputed for the cells that have none (see `latencyRecorded`). */
  readonly latencyS: Float64Array;
  readonly latencyRecorded: Uint8Array;
  readonly seeds: readonly [Float64Array, Float64Array, Float64Array];
}

/**
 * One dataset of the table. Values are turned into decimals per cell when a cell is first asked
 * for, and into whole columns only when something needs them all (the optimum, the Pareto fronts):
 * a process that answers a few queries (`jahskit eval`) then converts a few cells, not 250,000 values.
 */
export interface Nb201Instance {
  readonly name: Nb201InstanceName;
  /** 2 or 3 recorded seeds per cell. */
  readonly seedCount: Uint8Array;
  /** One cell's values (cached). */
  cell(code: number): Nb201Cell;
  /** Every column (computed once). */
  columns(): Nb201Columns;
}

const cache = new Map<Nb201InstanceName, Nb201Instance>();

/**
 * One dataset's values from the table (once per process and dataset). For cifar100 and
 * ImageNet16-120 the 200-epoch sources record only "valtest", the accuracy on the union of the
 * valid and test halves; the 12-epoch value is made comparable as the mean of its equal-sized halves,
 * and the test accuracy is that same valtest value (there is no separate 200-epoch test figure).
 */
export function nb201Instance(table: Nb201Table, name: Nb201InstanceName): Nb201Instance {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const p = PREFIX[name];
  const col = (key: string): Float32Array => {
    const c = table.columns.get(`${p}.${key}`);
    if (c === undefined) throw new Error(`nb201 table: no column ${p}.${key}`);
    return c;
  };
  const [val12, test12, valid200, time200, params, flops, seed0, seed1, seed2] = [
    'val12',
    'test12',
    'valid200',
    'time200',
    'params',
    'flops',
    'seed0',
    'seed1',
    'seed2',
  ].map(col) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  // Only cifar10-valid has a separate 200-epoch test figure.
  const test200 = name === 'cifar10' ? col('test200') : undefined;
  const latency = table.columns.get('latency')!;
  // Disconnected cells (no path from input to output) have no recorded latency: they get the smallest
  // recorded latency, so every evaluation reports a number and these cells never define a front.
  let minLatency = Infinity;
  for (const v of latency) if (v < minLatency) minLatency = v;
  const seedCount = new Uint8Array(NB201_CELLS);
  for (let i = 0; i < NB201_CELLS; i++) seedCount[i] = Number.isNaN(seed2[i]!) ? 2 : 3;

  const validAcc12 = (i: number): number =>
    name === 'cifar10' ? float32Decimal(val12[i]!) : Number(((float32Decimal(val12[i]!) + float32Decimal(test12[i]!)) / 2).toFixed(10));
  const computeCell = (i: number): Nb201Cell => {
    const acc12 = validAcc12(i);
    const acc200 = float32Decimal(valid200[i]!);
    const seeds = [float32Decimal(seed0[i]!), float32Decimal(seed1[i]!), float32Decimal(seed2[i]!)] as const;
    const trainTime200 = float32Decimal(time200[i]!);
    const v = latency[i]!;
    return {
      validAcc200: acc200,
      validAcc12: acc12,
      validError200: decimalDifference(100, acc200),
      validError12: decimalDifference(100, acc12),
      seedErrors: [decimalDifference(100, seeds[0]), decimalDifference(100, seeds[1]), decimalDifference(100, seeds[2])],
      seeds,
      testAcc200: test200 !== undefined ? float32Decimal(test200[i]!) : acc200,
      testAcc12: name === 'cifar10' ? float32Decimal(test12[i]!) : acc12,
      trainTime200,
      trainTime12: Number(((trainTime200 * 12) / 200).toFixed(8)),
      paramsMb: float32Decimal(params[i]!),
      flopsM: float32Decimal(flops[i]!),
      latencyS: float32Decimal(Number.isNaN(v) ? minLatency : v),
      latencyRecorded: Number.isNaN(v) ? 0 : 1,
    };
  };
  const cells = new Array<Nb201Cell | undefined>(NB201_CELLS);
  const cell = (i: number): Nb201Cell => cells[i] ?? (cells[i] = computeCell(i));
  let columns: Nb201Columns | undefined;
  const computeColumns = (): Nb201Columns => {
    const f64 = (value: (c: Nb201Cell) => number): Float64Array => {
      const out = new Float64Array(NB201_CELLS);
      for (let i = 0; i < NB201_CELLS; i++) out[i] = value(cell(i));
      return out;
    };
    return {
      validAcc200: f64((c) => c.validAcc200),
      validAcc12: f64((c) => c.validAcc12),
      validError200: f64((c) => c.validError200),
      validError12: f64((c) => c.validError12),
      seedErrors: [f64((c) => c.seedErrors[0]), f64((c) => c.seedErrors[1]), f64((c) => c.seedErrors[2])],
      testAcc200: f64((c) => c.testAcc200),
      testAcc12: f64((c) => c.testAcc12),
      trainTime200: f64((c) => c.trainTime200),
      trainTime12: f64((c) => c.trainTime12),
      paramsMb: f64((c) => c.paramsMb),
      flopsM: f64((c) => c.flopsM),
      latencyS: f64((c) => c.latencyS),
      latencyRecorded: Uint8Array.from({ length: NB201_CELLS }, (_, i) => cell(i).latencyRecorded),
      seeds: [f64((c) => c.seeds[0]), f64((c) => c.seeds[1]), f64((c) => c.seeds[2])],
    };
  };
  const instance: Nb201Instance = { name, seedCount, cell, columns: () => (columns ??= computeColumns()) };
  cache.set(name, instance);
  return instance;
}
