import { hashSeed, type Benchmark, type Configuration, type Evaluation, type EvaluationRequest, type KnownOptimum, type Objective } from '@jahskit/core';
import { NASHPOBENCH2_BATCH_SIZES, NASHPOBENCH2_EDGE_NAMES, NASHPOBENCH2_LRS, nashpobench2Space } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import { NASHPOBENCH2_EPOCHS, nashpobench2FidelitySpace } from './nashpobench2FidelitySpace';
import { nashpobench2Optimum } from './nashpobench2Optimum';
import { NASHPOBENCH2_SEED_COUNT, type Nashpobench2Table } from './Nashpobench2Table';
import { parseNashpobench2Config } from './parseNashpobench2Config';

export type Nashpobench2Noise = 'mean' | 'seed' | 'official';

export interface Nashpobench2Options {
  /** Folder with bench12.pkl, cellinfo.pkl and avgaccs200.pkl; default: $JAHSKIT_NASHPOBENCH2_DIR. */
  readonly dataDir?: string | undefined;
  /** Folder for the converted cache; default `<dataDir>/.jahskit-cache`, else `~/.cache/jahskit`. */
  readonly cacheDir?: string | undefined;
  /** 'mean' over the seeds, 'seed' drawn from the request's seed, or 'official' (the API's default seed, 222). */
  readonly noise: Nashpobench2Noise;
  /**
   * A single training length (one of 1..12, 200): the benchmark becomes the single-fidelity task
   * `nashpobench2@<epochs>`, whose fidelity space holds only that epoch. Default: every epoch.
   */
  readonly epochs?: number | undefined;
}

export const NASHPOBENCH2_OBJECTIVES: readonly Objective[] = [
  { name: 'valid_error', direction: 'minimize', cheap: false, unit: '%', description: '100 - validation accuracy (CIFAR-10)' },
];
const METRICS = ['valid_acc', 'train_acc', 'test_acc'] as const;

/**
 * NAS-HPO-Bench-II on a converted table, with the official API's semantics for validation queries:
 * at epoch e <= 12 the validation accuracy after e epochs, costing the run's train+valid time up to
 * e (`total_trainval_time` at 12); at 200 the API's `avgaccs200` value, costing 200/12 x the 12-epoch
 * `total_trainval_time` (the API returns no cost there). A configuration whose cell or key has no
 * result in the files reports status 'failed' with NaN metrics and no cost.
 *
 * With `options.epochs` the fidelity space is restricted to that one epoch (so it is also the
 * default a single-fidelity optimizer uses), any other epoch is refused, and the id is
 * `nashpobench2@<epochs>`. `optimum` is the best seed-mean ('mean' noise) validation error at that
 * epoch, or at 200 without `epochs`, computed on first read.
 */
export function createNashpobench2Benchmark(table: Nashpobench2Table, options: Nashpobench2Options): Benchmark {
  const single = options.epochs;
  if (single !== undefined && !(NASHPOBENCH2_EPOCHS as readonly number[]).includes(single)) {
    throw new BenchmarkError(
      'invalid-definition',
      `nashpobench2: option "epochs" is ${String(single)}; the table has epochs ${NASHPOBENCH2_EPOCHS.join(', ')}`,
      {
        parameter: 'epochs',
        allowed: NASHPOBENCH2_EPOCHS.join(', '),
      },
    );
  }
  const space = nashpobench2Space();
  const fidelitySpace = single === undefined ? nashpobench2FidelitySpace() : nashpobench2FidelitySpace().restrict({ epoch: single });
  const { acc, epochTime, totals, avg200, present, cellHash } = table;
  const [e0, e1, e2, e3, e4, e5] = NASHPOBENCH2_EDGE_NAMES;
  const lrIndex = new Map<unknown, number>(NASHPOBENCH2_LRS.map((v, i) => [v, i]));
  const bsIndex = new Map<unknown, number>(NASHPOBENCH2_BATCH_SIZES.map((v, i) => [v, i]));
  const seedCount = table.seeds.length;
  const digit = (v: unknown): number => (v === 0 || v === 1 || v === 2 || v === 3 ? v : -1);

  /** Block index (h * 48 + l * 6 + b) of a legal configuration, -1 for no results, -2 when illegal. */
  const blockOf = (config: Configuration): number => {
    const a = digit(config[e0]);
    const b = digit(config[e1]);
    const c = digit(config[e2]);
    const d = digit(config[e3]);
    const e = digit(config[e4]);
    const f = digit(config[e5]);
    const l = lrIndex.get(config['lr']);
    const s = bsIndex.get(config['batch_size']);
    let keys = 0;
    for (const _ in config) keys++;
    if ((a | b | c | d | e | f) < 0 || l === undefined || s === undefined || keys !== 8) return -2;
    const h = cellHash[((((a * 4 + b) * 4 + c) * 4 + d) * 4 + e) * 4 + f]!;
    return h < 0 ? -1 : h * 48 + l * 6 + s;
  };

  const epochOf = (fidelity: Configuration): number => {
    const epoch = fidelity['epoch'];
    let keys = 0;
    for (const _ in fidelity) keys++;
    if (
      keys === 1 &&
      typeof epoch === 'number' &&
      (single === undefined ? (Number.isInteger(epoch) && epoch >= 1 && epoch <= 12) || epoch === 200 : epoch === single)
    )
      return epoch;
    // The restricted space refuses every other epoch, naming 'epoch'.
    return fidelitySpace.validate(fidelity)['epoch'] as number;
  };

  /** Validation cost of a run up to epoch e, as the API's query_by_key(mode='valid', iepoch=e). */
  const validCost = (row: number, e: number): number => {
    if (e === 12) return totals[row * 3 + 1]!;
    let cost = 0;
    for (let i = 0; i < e; i++) cost += epochTime[row * 36 + i]! + epochTime[row * 36 + 12 + i]!;
    return cost;
  };

  const failed: Evaluation = Object.freeze({
    metrics: Object.freeze({ valid_error: NaN, valid_acc: NaN, train_acc: NaN, test_acc: NaN }),
    cost: 0,
    status: 'failed' as const,
  });

  const evaluateOne = (request: EvaluationRequest): Evaluation => {
    const block = blockOf(request.config);
    if (block === -2) {
      space.validate(request.config);
      throw new BenchmarkError('invalid-query', 'nashpobench2: configuration rejected', { parameter: 'config' });
    }
    const epoch = epochOf(request.fidelity);
    if (block < 0) return failed;
    // The runs this evaluation averages over: every present seed, or one.
    const first = block * NASHPOBENCH2_SEED_COUNT;
    let pick = -1;
    if (options.noise === 'official') pick = 0;
    else if (options.noise === 'seed') {
      let count = 0;
      for (let s = 0; s < seedCount; s++) count += present[first + s]!;
      if (count === 0) return failed;
      let k = hashSeed(request.seed, ['nashpobench2-seed']) % count;
      for (let s = 0; s < seedCount; s++) if (present[first + s] === 1 && k-- === 0) pick = s;
    }
    return answer(block, epoch, pick);
  };

  /** The result of a (hash class, lr, batch size) block at a legal epoch, over seed index `pick` or every present seed (-1). */
  const answer = (block: number, epoch: number, pick: number): Evaluation => {
    const first = block * NASHPOBENCH2_SEED_COUNT;
    let n = 0;
    let valid = 0;
    let train = 0;
    let test = 0;
    let cost = 0;
    for (let s = 0; s < seedCount; s++) {
      if ((pick >= 0 && s !== pick) || present[first + s] !== 1) continue;
      const row = first + s;
      n++;
      if (epoch <= 12) {
        train += acc[row * 36 + epoch - 1]!;
        valid += acc[row * 36 + 12 + epoch - 1]!;
        test += acc[row * 36 + 24 + epoch - 1]!;
        cost += validCost(row, epoch);
      } else cost += (200 / 12) * totals[row * 3 + 1]!;
    }
    if (n === 0) return failed;
    if (epoch === 200) {
      // The API's 200-epoch value has no seed and no mode: it is every accuracy reported there.
      valid = train = test = avg200[block]! * n;
    }
    const validAcc = valid / n;
    if (!Number.isFinite(validAcc) || !Number.isFinite(cost)) return failed;
    return {
      metrics: { valid_error: 100 - validAcc, valid_acc: validAcc, train_acc: train / n, test_acc: test / n },
      cost: cost / n,
    };
  };

  const optimumEpoch = fidelitySpace.defaultConfiguration()['epoch'] as number;
  let optimum: KnownOptimum | undefined | null = null;

  return {
    id: single === undefined ? 'nashpobench2' : `nashpobench2@${single}`,
    space,
    fidelitySpace,
    objectives: NASHPOBENCH2_OBJECTIVES,
    metrics: [...METRICS],
    // One epoch leaves nothing to continue from: every evaluation is a run from scratch.
    supportsContinuation: single === undefined,
    // Lazy: a scan of every block (a few ms on the full table) that most uses never read.
    get optimum(): KnownOptimum | undefined {
      if (optimum === null) optimum = nashpobench2Optimum(table, (block) => answer(block, optimumEpoch, -1).metrics['valid_error']!);
      return optimum;
    },
    async evaluate(requests) {
      const out = new Array<Evaluation>(requests.length);
      for (let i = 0; i < requests.length; i++) out[i] = evaluateOne(requests[i]!);
      return out;
    },
    parseConfig: parseNashpobench2Config,
  };
}
