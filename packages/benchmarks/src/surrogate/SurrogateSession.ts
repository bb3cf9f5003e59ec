import { BenchmarkError } from '../errors/BenchmarkError';
import { readOnnxGraph } from '../treeEnsemble/readOnnxGraph';
import { treeEnsembleFromOnnx } from '../treeEnsemble/treeEnsembleFromOnnx';
import { treeEnsembleRunner } from '../treeEnsemble/treeEnsembleRunner';
import type { ModelRunner } from './ModelRunner';
import { onnxRuntime, resolveRuntimeChoice, type OnnxRuntimeChoice, type OnnxRuntimeName } from './onnxRuntime';
import { onnxRuntimeRunner } from './onnxRuntimeRunner';
import { readVerifiedModel } from './verifyModelFile';
import { DEFAULT_SURROGATE_THREADS, surrogateSessionOptions, type SurrogateThreads } from './surrogateSessionOptions';

/** A model file and the checksum it must have. */
export interface SurrogateModelFile {
  /** The file on disk, or where the bytes came from (a URL): the session cache's key and messages. */
  readonly path: string;
  /** Expected hex SHA-256; unchecked when absent (user folders without one). */
  readonly sha256?: string;
  /** The model's bytes when they are not read from `path` on disk (browsers, data given by URL). */
  readonly read?: () => Promise<Uint8Array>;
  /** The runtime to run it on; default `auto` (see OnnxRuntimeChoice). */
  readonly runtime?: OnnxRuntimeChoice;
}

/** One input tensor of a batch: row-major data of `rows x width`. */
export interface SurrogateInput {
  readonly name: string;
  readonly data: Float32Array | Int32Array | BigInt64Array;
  readonly width: number;
}

interface CacheEntry {
  readonly session: Promise<ModelRunner>;
  users: number;
}

const cache = new Map<string, CacheEntry>();

/**
 * A shared, reference-counted model session: one per model file, thread setting and runtime choice,
 * however many benchmarks use it, because a session holds the whole model in memory. It runs on
 * jahskit's tree-ensemble evaluator or on an onnxruntime (see OnnxRuntimeChoice).
 */
export class SurrogateSession {
  private released = false;

  private constructor(
    private readonly key: string,
    readonly file: SurrogateModelFile,
    private readonly open: ModelRunner,
  ) {}

  /** Opens (or shares) the session of a model file after checking its checksum. */
  static async open(file: SurrogateModelFile, threads: SurrogateThreads = DEFAULT_SURROGATE_THREADS): Promise<SurrogateSession> {
    const key = `${file.path}\u0000${file.sha256 ?? ''}\u0000${threads.intraOpNumThreads}\u0000${threads.interOpNumThreads}\u0000${file.runtime ?? 'auto'}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      entry = { session: createSession(file, threads), users: 0 };
      cache.set(key, entry);
      entry.session.catch(() => cache.delete(key));
    }
    entry.users++;
    try {
      return new SurrogateSession(key, file, await entry.session);
    } catch (error) {
      entry.users--;
      throw error;
    }
  }

  get inputNames(): readonly string[] {
    return this.open.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.open.outputNames;
  }

  /** The runtime this session runs on. */
  get runtime(): OnnxRuntimeName {
    return this.open.runtime;
  }

  /**
   * Runs `rows` rows in chunks of at most `chunkSize` and returns output `output` as one row-major
   * Float32Array. Chunks are views on the callers' arrays, so no input is copied.
   */
  async run(inputs: readonly SurrogateInput[], rows: number, output: string, outputWidth: number, chunkSize: number): Promise<Float32Array> {
    if (this.released) throw new BenchmarkError('model-error', `the session of ${this.file.path} has been closed`, { parameter: this.file.path });
    const result = new Float32Array(rows * outputWidth);
    for (let start = 0; start < rows; start += chunkSize) {
      const n = Math.min(chunkSize, rows - start);
      let data: Float32Array | undefined;
      try {
        data = await this.open.run(inputs, start, n, output);
      } catch (error) {
        if (BenchmarkError.is(error)) throw error;
        throw new BenchmarkError('model-error', `model ${this.file.path} failed: ${(error as Error).message}`, { parameter: this.file.path, cause: error });
      }
      if (data === undefined || data.length !== n * outputWidth) {
        throw new BenchmarkError('model-error', `model ${this.file.path} did not return a float32 "${output}" of ${n} x ${outputWidth}`, {
          parameter: output,
          allowed: this.outputNames.join(', '),
        });
      }
      result.set(data, start * outputWidth);
    }
    return result;
  }

  /** Gives up this user's share; the session is released when the last user closes. */
  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const entry = cache.get(this.key);
    if (entry === undefined) return;
    entry.users--;
    if (entry.users <= 0) {
      cache.delete(this.key);
      await (await entry.session).release();
    }
  }
}

async function createSession(file: SurrogateModelFile, threads: SurrogateThreads): Promise<ModelRunner> {
  const choice = resolveRuntimeChoice(file.runtime);
  const bytes = await readVerifiedModel(file.path, file.sha256, file.read);
  if (choice === 'auto' || choice === 'js') {
    let reason: string;
    try {
      const found = treeEnsembleFromOnnx(readOnnxGraph(bytes, file.path));
      if ('model' in found) return treeEnsembleRunner(found.model, file.path);
      reason = found.reason;
    } catch (error) {
      if (!BenchmarkError.is(error)) throw error;
      reason = error.message;
    }
    if (choice === 'js') {
      throw new BenchmarkError(
        'model-error',
        `model ${file.path} cannot run on jahskit's tree-ensemble evaluator (runtime 'js'): ${reason}; use runtime 'auto', 'node' or 'web'`,
        {
          parameter: 'runtime',
          allowed: 'auto, node, web',
        },
      );
    }
  }
  const runtime = await onnxRuntime(choice);
  try {
    return onnxRuntimeRunner(runtime, await runtime.ort.InferenceSession.create(bytes, surrogateSessionOptions(threads, runtime.name)));
  } catch (error) {
    throw new BenchmarkError('model-error', `model file ${file.path} cannot be loaded by onnxruntime: ${(error as Error).message} (${runtime.name})`, {
      parameter: file.path,
      cause: error,
    });
  }
}
