import { mix32, type Benchmark, type Configuration, type Evaluation, type EvaluationRequest, type KnownOptimum, type Objective } from '@jahskit/core';
import { NB201_EDGE_NAMES, NB201_OPS, nb201FromIndex, nb201Index, nb201Space } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import { paretoFront2d } from '../internal/paretoFront2d';
import { nb201FidelitySpace, nb201NominalFidelitySpace } from './nb201FidelitySpace';
import { nb201Instance, type Nb201Columns, type Nb201InstanceName } from './Nb201Instance';
import { NB201_CELLS, type Nb201Table } from './Nb201Table';
import { parseNb201Config } from './parseNb201Config';

/** The values NB201 can optimise; the first is the default objective. */
export const NB201_OBJECTIVES: readonly Objective[] = [
  { name: 'valid_error', direction: 'minimize', cheap: false, unit: '%', description: '100 - validation accuracy' },
  { name: 'params_mb', direction: 'minimize', cheap: true, unit: 'MB', description: 'parameters (millions)' },
  { name: 'flops_m', direction: 'minimize', cheap: true, unit: 'MFLOPs', description: 'FLOPs of one forward pass (millions)' },
  { name: 'latency_s', direction: 'minimize', cheap: false, unit: 's', description: 'desktop CPU (i7-7820X, fp32) latency from BRP-NAS' },
];
export type Nb201ObjectiveName = 'valid_error' | 'params_mb' | 'flops_m' | 'latency_s';

export interface Nb201Options {
  readonly instance: Nb201InstanceName;
  /** Objective names in order, from {@link NB201_OBJECTIVES}. */
  readonly objectives: readonly Nb201ObjectiveName[];
  /** 'mean' over the recorded seeds, or 'seed': one recorded seed drawn from the request's seed (200 epochs only). */
  readonly noise: 'mean' | 'seed';
  /**
   * One training length for every evaluation (12 or 200): the benchmark becomes the single-fidelity
   * task `nb201/<instance>@<epochs>`, whose fidelity space holds only that epoch and whose optimum is
   * the best cell at that length. Default: both lengths, chosen per request.
   */
  readonly epochs?: 12 | 200 | undefined;
  /**
   * With `epochs`: the fidelity is an integer `epoch` in [12, 200] (default 200) that a multi-fidelity
   * optimizer may schedule but that changes nothing: every value answers with the `epochs` result and
   * charges its training time. This is the worker of the NAS-Bench-201 paper's BOHB baseline, whose
   * budgets (22, 67 and 200 of 12..200) all returned the 12-epoch result (id `nb201/<instance>@<epochs>-nominal`).
   */
  readonly nominalEpochs?: boolean | undefined;
}

const EXTRA_METRICS = ['valid_acc', 'test_acc'] as const;
/** Answers per cell: 12 epochs, 200 epochs (seed mean), 200 epochs per seed (3). */
const VARIANTS = 5;
/** Which recorded seed a request's seed picks: mixed, so that consecutive seeds pick unrelated runs. */
function seedPick(seed: number): number {
  return mix32(seed ^ 0x5bd1e995);
}

/** NAS-Bench-201 on the bundled table: lookups by base-5 cell code, no allocation beyond the results. */
export function createNb201Benchmark(table: Nb201Table, options: Nb201Options): Benchmark {
  const single = options.epochs;
  const nominal = options.nominalEpochs === true;
  if (single !== undefined && single !== 12 && single !== 200) {
    throw new BenchmarkError('invalid-definition', `nb201: option "epochs" is ${String(single)}; the table has epochs 12, 200`, {
      parameter: 'epochs',
      allowed: '12, 200',
    });
  }
  if (nominal && single === undefined) {
    throw new BenchmarkError('invalid-definition', 'nb201: option "nominalEpochs" needs "epochs", the training length every nominal budget answers with', {
      parameter: 'nominalEpochs',
      allowed: 'nominalEpochs together with epochs: 12 or 200',
    });
  }
  const data = nb201Instance(table, options.instance);
  const space = nb201Space();
  const fidelitySpace = nominal ? nb201NominalFidelitySpace() : single !== undefined ? nb201FidelitySpace().restrict({ epoch: single }) : nb201FidelitySpace();
  const objectives = options.objectives.map((name) => NB201_OBJECTIVES.find((o) => o.name === name)!);
  const chosen = new Set<string>(options.objectives);
  const metrics = [...NB201_OBJECTIVES.map((o) => o.name).filter((n) => !chosen.has(n)), ...EXTRA_METRICS];
  const opCode = new Map<unknown, number>(NB201_OPS.map((op, i) => [op, i]));
  const [e0, e1, e2, e3, e4, e5] = NB201_EDGE_NAMES as [string, string, string, string, string, string];
  const { seedCount } = data;
  const archIndex = table.archIndex;
  const bySeed = options.noise === 'seed';
  let optimum: KnownOptimum | undefined;

  /** The row of a legal configuration, or -1: one Map lookup per edge and a key count. */
  const codeOf = (config: Configuration): number => {
    const a = opCode.get(config[e0]);
    const b = opCode.get(config[e1]);
    const c = opCode.get(config[e2]);
    const d = opCode.get(config[e3]);
    const e = opCode.get(config[e4]);
    const f = opCode.get(config[e5]);
    if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined || f === undefined) return -1;
    let keys = 0;
    for (const _ in config) keys++;
    return keys === 6 ? ((((a * 5 + b) * 5 + c) * 5 + d) * 5 + e) * 5 + f : -1;
  };

  /** The slow path: the space's own validation throws the typed error naming the parameter. */
  const codeOrThrow = (config: Configuration): number => nb201Index(space.validate(config));

  /** The training length whose result answers a request: its epoch, or the fixed one. */
  const epochOf = (fidelity: Configuration): number => {
    const epoch = fidelity['epoch'];
    let keys = 0;
    for (const _ in fidelity) keys++;
    if (keys === 1 && typeof epoch === 'number') {
      if (single === undefined ? epoch === 200 || epoch === 12 : nominal ? Number.isInteger(epoch) && epoch >= 12 && epoch <= 200 : epoch === single)
        return single ?? epoch;
    }
    const validated = fidelitySpace.validate(fidelity)['epoch'] as number;
    return single ?? validated;
  };

  /**
   * The answer for a cell and a variant (0: 12 epochs, 1: 200 epochs, seed mean, 2 + s: 200 epochs,
   * seed s), built once and frozen: the table is fixed, so equal queries can share one object and
   * a warm benchmark allocates nothing per evaluation but the result array.
   */
  const answers = new Array<Evaluation | undefined>(NB201_CELLS * VARIANTS);
  const answer = (code: number, variant: number): Evaluation => {
    const full = variant > 0;
    const c = data.cell(code);
    const validAcc = variant === 0 ? c.validAcc12 : variant === 1 ? c.validAcc200 : c.seeds[variant - 2]!;
    const validError = variant === 0 ? c.validError12 : variant === 1 ? c.validError200 : c.seedErrors[variant - 2]!;
    const evaluation: Evaluation = {
      metrics: Object.freeze({
        valid_error: validError,
        params_mb: c.paramsMb,
        flops_m: c.flopsM,
        latency_s: c.latencyS,
        valid_acc: validAcc,
        test_acc: full ? c.testAcc200 : c.testAcc12,
      }),
      cost: full ? c.trainTime200 : c.trainTime12,
      raw: Object.freeze({ arch_index: archIndex[code]!, latency_recorded: c.latencyRecorded }),
    };
    answers[code * VARIANTS + variant] = Object.freeze(evaluation);
    return evaluation;
  };

  const evaluateOne = (request: EvaluationRequest): Evaluation => {
    let code = codeOf(request.config);
    if (code < 0) code = codeOrThrow(request.config);
    const variant = epochOf(request.fidelity) === 12 ? 0 : bySeed ? 2 + (seedPick(request.seed) % seedCount[code]!) : 1;
    return answers[code * VARIANTS + variant] ?? answer(code, variant);
  };

  const cheapMetrics = (config: Configuration): Readonly<Record<string, number>> => {
    let code = codeOf(config);
    if (code < 0) code = codeOrThrow(config);
    const c = data.cell(code);
    return { params_mb: c.paramsMb, flops_m: c.flopsM };
  };

  return {
    id: `nb201/${options.instance}${single === undefined ? '' : `@${single}${nominal ? '-nominal' : ''}`}`,
    space,
    fidelitySpace,
    objectives,
    metrics,
    supportsContinuation: false,
    // Computed when first read (it needs every cell), not by every process that creates the benchmark.
    get optimum(): KnownOptimum {
      return (optimum ??= nb201Optimum(data.columns(), single ?? 200));
    },
    async evaluate(requests) {
      const out = new Array<Evaluation>(requests.length);
      for (let i = 0; i < requests.length; i++) out[i] = evaluateOne(requests[i]!);
      return out;
    },
    parseConfig: parseNb201Config,
    cheapMetrics,
  };
}

/**
 * The exact optimum at `epochs` (seed means) and the fronts of validation error against params,
 * FLOPs and latency (latency over the cells where it is recorded), each with reference point 1.1 x
 * the componentwise maximum of the front.
 */
function nb201Optimum(data: Nb201Columns, epochs: 12 | 200): KnownOptimum {
  const error = epochs === 12 ? data.validError12 : data.validError200;
  let best = 0;
  for (let i = 1; i < NB201_CELLS; i++) if (error[i]! < error[best]!) best = i;
  const recordedLatency = data.latencyS.map((v, i) => (data.latencyRecorded[i] === 1 ? v : NaN));
  const front = (name: string, values: Float64Array) => {
    const points = paretoFront2d(error, values);
    // 12 significant digits: the table's values have at most 7, so this only drops binary noise of the 1.1 x.
    const scaled = (values: number[]): number => Number((1.1 * Math.max(...values)).toPrecision(12));
    const referencePoint = [scaled(points.map((p) => p[0])), scaled(points.map((p) => p[1]))];
    return { objectives: ['valid_error', name], points, referencePoint };
  };
  return {
    values: {
      valid_error: error[best]!,
      params_mb: Math.min(...data.paramsMb),
      flops_m: Math.min(...data.flopsM),
      latency_s: Math.min(...recordedLatency.filter((v) => !Number.isNaN(v))),
    },
    config: nb201FromIndex(best),
    paretoFronts: [front('params_mb', data.paramsMb), front('flops_m', data.flopsM), front('latency_s', recordedLatency)],
  };
}
