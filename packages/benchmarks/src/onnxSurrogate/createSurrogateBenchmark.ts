import type { Benchmark, Configuration, Evaluation, EvaluationRequest, KnownOptimum, Objective, ParamValue, SearchSpace } from '@jahskit/core';
import type { Condition } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { OnnxRuntimeChoice } from '../surrogate/onnxRuntime';
import { SurrogateSession, type SurrogateInput } from '../surrogate/SurrogateSession';
import { DEFAULT_SURROGATE_THREADS, type SurrogateThreads } from '../surrogate/surrogateSessionOptions';
import { compileRowReader, type RowReader } from './compileRowReader';
import { compileInputEncoder } from './compileInputEncoder';
import { compileRowCodec } from './compileRowCodec';
import { modelSignatureMismatch } from './modelSignatureMismatch';
import { touchRequests } from './touchRequests';
import type { OnnxSurrogateManifest } from './OnnxSurrogateManifest';

/** Simulated seconds of one row from the model's outputs (row-major, `width` per row) and the fidelity. */
export type SurrogateCostModel = (outputs: Float32Array, offset: number, fidelity: Configuration) => number;

/** Everything a surrogate benchmark is made of; built from a folder or, for shipped benchmarks, in code. */
export interface SurrogateDefinition {
  readonly id: string;
  readonly manifest: OnnxSurrogateManifest;
  /** The model file on disk, or where `readModel` gets it from (for messages). */
  readonly modelPath: string;
  /** The model's bytes when they are not read from `modelPath` on disk (browsers, data by URL). */
  readonly readModel?: () => Promise<Uint8Array>;
  /** Overrides `manifest.model.sha256` (shipped benchmarks pin the hash in code). */
  readonly sha256?: string;
  readonly space: SearchSpace;
  readonly fidelitySpace: SearchSpace;
  /** Conditions of `space` (ConfigSpace form); empty when it has none. */
  readonly conditions: readonly Condition[];
  /** The space has forbidden clauses, which the fast row check does not cover: validate every row. */
  readonly hasForbiddens?: boolean;
  readonly mappings?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly constants?: Readonly<Record<string, ParamValue>>;
  /** Replaces the manifest's cost when the model predicts no runtime. */
  readonly cost?: SurrogateCostModel;
  readonly parseConfig?: (input: unknown) => unknown;
  readonly optimum?: KnownOptimum;
}

export interface SurrogateBenchmarkOptions {
  /** The task's objectives, by metric name; the manifest's default task when absent. */
  readonly objectives?: readonly string[];
  readonly threads?: SurrogateThreads;
  /** The ONNX runtime: `auto` (default) takes onnxruntime-node when installed, else onnxruntime-web. */
  readonly runtime?: OnnxRuntimeChoice;
}

/**
 * A benchmark answered by an ONNX model: validates each request with a compiled checker (the space's
 * own `validate` produces the error when it fails), encodes the batch into typed arrays, runs the
 * model in measured chunks, and turns output columns into metrics, cost and `raw`.
 */
export async function createSurrogateBenchmark(definition: SurrogateDefinition, options: SurrogateBenchmarkOptions = {}): Promise<Benchmark> {
  const { manifest, space, fidelitySpace } = definition;
  const columns = manifest.output.columns;
  const width = columns.length;
  const columnIndex = (name: string, what: string): number => {
    const at = columns.indexOf(name);
    if (at < 0)
      throw new BenchmarkError('invalid-definition', `${what} reads output column "${name}"; the output has ${columns.join(', ')}`, {
        parameter: name,
        allowed: columns.join(', '),
      });
    return at;
  };

  const metricNames = manifest.metrics.map((m) => m.name);
  const objectiveNames = options.objectives ?? manifest.objectives;
  if (objectiveNames.length === 0 || new Set(objectiveNames).size !== objectiveNames.length) {
    throw new BenchmarkError('invalid-query', `objectives must be distinct names from ${metricNames.join(', ')}`, {
      parameter: 'objectives',
      allowed: metricNames.join(', '),
    });
  }
  for (const name of objectiveNames) {
    if (!metricNames.includes(name)) {
      throw new BenchmarkError('invalid-query', `unknown objective "${name}" of ${definition.id}; choose from ${metricNames.join(', ')}`, {
        parameter: 'objectives',
        allowed: metricNames.join(', '),
      });
    }
  }
  // Objectives first, in the order asked for, then the other metrics: the key order of `metrics`.
  const ordered = [
    ...objectiveNames.map((n) => manifest.metrics.find((m) => m.name === n)!),
    ...manifest.metrics.filter((m) => !objectiveNames.includes(m.name)),
  ];
  const metricKeys = ordered.map((m) => m.name);
  const metricColumn = Int32Array.from(ordered.map((m) => columnIndex(m.column, `metric "${m.name}"`)));
  const metricOffset = Float64Array.from(ordered.map((m) => m.offset));
  const metricScale = Float64Array.from(ordered.map((m) => m.scale));
  const metricMin = Float64Array.from(ordered.map((m) => m.min ?? -Infinity));
  const metricMax = Float64Array.from(ordered.map((m) => m.max ?? Infinity));
  const objectives: Objective[] = ordered.slice(0, objectiveNames.length).map((m) => ({
    name: m.name,
    direction: m.direction,
    cheap: false,
    ...(m.unit === undefined ? {} : { unit: m.unit }),
    ...(m.description === undefined ? {} : { description: m.description }),
  }));

  const cost: SurrogateCostModel = definition.cost ?? manifestCost(manifest, columnIndex, fidelitySpace);
  // A cost from an output column reads no fidelity: the results then leave the requests alone, which
  // the model run has pushed out of the CPU caches (about 1 ms less per 4,096 nb301 rows).
  const costReadsFidelity = definition.cost !== undefined || !('column' in manifest.cost);
  const configReader = compileRowReader(space.parameters, definition.conditions);
  const fidelityReader = compileRowReader(fidelitySpace.parameters, []);
  const encoder = compileInputEncoder(
    manifest.inputs,
    { config: configReader, fidelity: fidelityReader, ...(definition.constants === undefined ? {} : { constants: definition.constants }) },
    definition.mappings,
  );
  const sha256 = definition.sha256 ?? manifest.model.sha256;
  const session = await SurrogateSession.open(
    {
      path: definition.modelPath,
      ...(sha256 === undefined ? {} : { sha256 }),
      ...(definition.readModel === undefined ? {} : { read: definition.readModel }),
      ...(options.runtime === undefined ? {} : { runtime: options.runtime }),
    },
    options.threads ?? DEFAULT_SURROGATE_THREADS,
  );
  const mismatch = modelSignatureMismatch(session, { inputs: encoder.inputs.map((i) => i.name), output: manifest.output.name });
  if (mismatch !== undefined) {
    await session.close();
    throw new BenchmarkError('invalid-definition', `${definition.modelPath}: ${mismatch}`, { parameter: 'inputs' });
  }
  const chunkSize = manifest.model.chunkSize;
  // The one-pass check-and-encode (undefined when the generator does not cover this encoding).
  // Forbidden clauses are not covered by it, so such spaces also `validate` every row, first.
  const codec = compileRowCodec(configReader, fidelityReader, encoder);
  const makeMetrics = compileRecord(metricKeys, (k) => {
    const value = `${literal(metricOffset[k]!)} + ${literal(metricScale[k]!)} * y[b + ${metricColumn[k]!}]`;
    const lo = metricMin[k]!;
    const hi = metricMax[k]!;
    // Same clipping as before: below min -> min, above max -> max (NaN passes through).
    return `clip(${value}, ${literal(lo)}, ${literal(hi)})`;
  });
  const makeRaw = compileRecord(columns, (j) => `y[b + ${j}]`);

  let spare: readonly SurrogateInput[] | undefined;
  let spareRows = 0;
  const evaluate = async (requests: readonly EvaluationRequest[]): Promise<readonly Evaluation[]> => {
    const n = requests.length;
    if (n === 0) return [];
    // Every row is read, checked and encoded before the model runs: a bad row fails the whole batch.
    // Input buffers are reused across calls (zeroed over the rows used when one-hot columns rely on
    // zeros; other encodings overwrite every position, and zeroing 0.5 MB cost ~0.4 ms per nb301
    // batch): a fresh batch per call cost page faults and external-memory GC pressure. A call made
    // while another is using them (concurrent evaluate) allocates its own.
    let buffers: readonly SurrogateInput[];
    if (spare !== undefined && spareRows >= n) {
      buffers = spare;
      spare = undefined;
      if (!encoder.writesWholeRows)
        for (const { data, width: w } of buffers) {
          if (data instanceof BigInt64Array) data.fill(BigInt(0), 0, n * w);
          else data.fill(0, 0, n * w);
        }
    } else buffers = encoder.allocate(n);
    const rows = buffers[0] === undefined || buffers[0].width === 0 ? n : buffers[0].data.length / buffers[0].width;
    try {
      return await encodeAndRun(requests, buffers);
    } finally {
      // Batches up to MAX_SPARE_ROWS rows are kept for the next call (a few MB at most).
      if (rows <= MAX_SPARE_ROWS && (spare === undefined || rows > spareRows)) {
        spare = buffers;
        spareRows = rows;
      }
    }
  };

  const encodeAndRun = async (requests: readonly EvaluationRequest[], buffers: readonly SurrogateInput[]): Promise<readonly Evaluation[]> => {
    const n = requests.length;
    for (let r = 0; r < n; r++) {
      if (r % TOUCH_BLOCK === 0) touchRequests(requests, r, Math.min(n, r + TOUCH_BLOCK));
      const request = requests[r]!;
      if (definition.hasForbiddens === true) space.validate(request.config);
      if (codec !== undefined && codec(request.config, request.fidelity, r, buffers)) continue;
      // Slow path: the generic reader, which throws the space's own typed error for a bad row.
      read(space, configReader, request.config, 'configuration');
      read(fidelitySpace, fidelityReader, request.fidelity, 'fidelity');
      encoder.encode(r, buffers);
    }
    const y = await session.run(buffers, n, manifest.output.name, width, chunkSize);
    const out: Evaluation[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const base = r * width;
      out[r] = {
        metrics: makeMetrics(y, base),
        cost: cost(y, base, costReadsFidelity ? requests[r]!.fidelity : NO_FIDELITY),
        raw: makeRaw(y, base),
      };
    }
    return out;
  };

  let closed = false;
  return {
    id: definition.id,
    space,
    fidelitySpace,
    objectives,
    metrics: metricKeys.slice(objectiveNames.length),
    supportsContinuation: manifest.continuation,
    ...(definition.optimum === undefined ? {} : { optimum: definition.optimum }),
    evaluate,
    ...(definition.parseConfig === undefined ? {} : { parseConfig: definition.parseConfig }),
    close: async () => {
      if (closed) return;
      closed = true;
      await session.close();
    },
  };
}

const MAX_SPARE_ROWS = 65_536;

/** What a cost model that reads no fidelity is given. */
const NO_FIDELITY: Configuration = Object.freeze({});

/** Rows touched ahead of the row checks (see touchRequests): 32 to 256 measured alike, 8 and 16 less well. */
const TOUCH_BLOCK = 64;

/** `x` as source text: plain for finite numbers, otherwise a global expression. */
function literal(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * A function building a fresh record with the given keys in order, as one object literal: every
 * record gets the same hidden class and is built without per-key stores. Keys enter the source only
 * through JSON.stringify; `__proto__` (which a literal would treat as the prototype) falls back to
 * per-key assignment, as before.
 */
function compileRecord(keys: readonly string[], value: (k: number) => string): (y: Float32Array, b: number) => Record<string, number> {
  const clip = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
  if (keys.includes('__proto__')) {
    const values = keys.map((_, k) => new Function('y', 'b', 'clip', `return ${value(k)};`) as (y: Float32Array, b: number, c: typeof clip) => number);
    return (y, b) => {
      const record: Record<string, number> = {};
      for (let k = 0; k < keys.length; k++) record[keys[k]!] = values[k]!(y, b, clip);
      return record;
    };
  }
  const body = keys.map((key, k) => `${JSON.stringify(key)}: ${value(k)}`).join(', ');
  return new Function('clip', `return function (y, b) { return { ${body} }; };`)(clip) as (y: Float32Array, b: number) => Record<string, number>;
}

/** Reads a row into the reader's slots; throws the space's own typed error for one it rejects. */
function read(space: SearchSpace, reader: RowReader, value: unknown, what: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    space.validate(value);
    throw new BenchmarkError('invalid-query', `the ${what} must be an object`, { parameter: what });
  }
  const offending = reader.read(value as Record<string, unknown>);
  if (offending === undefined) return;
  space.validate(value);
  const spec = space.parameters.find((p) => p.name === offending);
  throw new BenchmarkError(
    'invalid-query',
    `${what} parameter "${offending}" has an illegal value ${JSON.stringify((value as Record<string, unknown>)[offending])}`,
    {
      parameter: offending,
      ...(spec === undefined ? {} : { allowed: JSON.stringify(spec) }),
    },
  );
}

function manifestCost(manifest: OnnxSurrogateManifest, columnIndex: (name: string, what: string) => number, fidelitySpace: SearchSpace): SurrogateCostModel {
  const spec = manifest.cost;
  if ('column' in spec) {
    const at = columnIndex(spec.column, 'cost');
    const { scale, min } = spec;
    return (y, base) => Math.max(min, scale * y[base + at]!);
  }
  if (!fidelitySpace.parameters.some((p) => p.name === spec.fidelity)) {
    throw new BenchmarkError('invalid-definition', `cost reads fidelity "${spec.fidelity}", which is not a fidelity`, { parameter: spec.fidelity });
  }
  const { fidelity, secondsPerUnit } = spec;
  return (_y, _base, f) => secondsPerUnit * (f[fidelity] as number);
}
