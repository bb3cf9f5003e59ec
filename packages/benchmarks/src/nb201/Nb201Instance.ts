import { decimalDifference, float32Decimal } from './float32Decimal';
import type { Nb201Table } from './Nb201Table';
import { NB201_CELLS } from './Nb201Table';

/** The datasets of NAS-Bench-201, by the names the official API uses (`cifar10` = its cifar10-valid split). */
export const NB201_INSTANCES = ['cifar10', 'cifar100', 'ImageNet16-120'] as const;
export type Nb201InstanceName = (typeof NB201_INSTANCES)[number];

const PREFIX: Readonly<Record<Nb201InstanceName, string>> = { cifar10: 'cifar10', cifar100: 'cifar100', 'ImageNet16-120': 'imagenet16' };

/**
 * One dataset's columns, indexed by cell code, in the units the benchmark reports, each value the
 * shortest decimal of its float32 (see {@link float32Decimal}). Accuracies are the mean over the
 * recorded seeds; `seeds[s]` holds seed s's 200-epoch validation accuracy (NaN where a cell has only
 * two seeds); the errors are 100 minus the accuracies.
 */
export interface Nb201Instance {
  readonly name: Nb201InstanceName;
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
  /** 2 or 3. */
  readonly seedCount: Uint8Array;
}

const cache = new Map<Nb201InstanceName, Nb201Instance>();

/**
 * Derives one dataset's columns from the table (once per process and dataset). For cifar100 and
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
  const f64 = (key: string): Float64Array => Float64Array.from(col(key), float32Decimal);
  const errors = (acc: Float64Array): Float64Array => acc.map((a) => decimalDifference(100, a));
  const val12 = col('val12');
  const test12 = col('test12');
  const validAcc12 = new Float64Array(NB201_CELLS);
  const testAcc12 = new Float64Array(NB201_CELLS);
  for (let i = 0; i < NB201_CELLS; i++) {
    if (name === 'cifar10') {
      validAcc12[i] = float32Decimal(val12[i]!);
      testAcc12[i] = float32Decimal(test12[i]!);
    } else {
      validAcc12[i] = Number(((float32Decimal(val12[i]!) + float32Decimal(test12[i]!)) / 2).toFixed(10));
      testAcc12[i] = validAcc12[i]!;
    }
  }
  const validAcc200 = f64('valid200');
  const trainTime200 = f64('time200');
  const latency = table.columns.get('latency')!;
  // Disconnected cells (no path from input to output) have no recorded latency: they get the smallest
  // recorded latency, so every evaluation reports a number and these cells never define a front.
  let minLatency = Infinity;
  for (const v of latency) if (v < minLatency) minLatency = v;
  const latencyS = new Float64Array(NB201_CELLS);
  const latencyRecorded = new Uint8Array(NB201_CELLS);
  const seeds = [f64('seed0'), f64('seed1'), f64('seed2')] as const;
  const seedCount = new Uint8Array(NB201_CELLS);
  for (let i = 0; i < NB201_CELLS; i++) {
    const v = latency[i]!;
    latencyRecorded[i] = Number.isNaN(v) ? 0 : 1;
    latencyS[i] = float32Decimal(Number.isNaN(v) ? minLatency : v);
    seedCount[i] = Number.isNaN(seeds[2][i]!) ? 2 : 3;
  }
  const instance: Nb201Instance = {
    name,
    validAcc200,
    validAcc12,
    validError200: errors(validAcc200),
    validError12: errors(validAcc12),
    seedErrors: [errors(seeds[0]), errors(seeds[1]), errors(seeds[2])],
    testAcc200: name === 'cifar10' ? f64('test200') : validAcc200,
    testAcc12,
    trainTime200,
    trainTime12: trainTime200.map((t) => Number(((t * 12) / 200).toFixed(8))),
    paramsMb: f64('params'),
    flopsM: f64('flops'),
    latencyS,
    latencyRecorded,
    seeds,
    seedCount,
  };
  cache.set(name, instance);
  return instance;
}
