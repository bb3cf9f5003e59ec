import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { BenchmarkError } from '../errors/BenchmarkError';
import { onnxRuntime, type OnnxRuntime, type OnnxRuntimeChoice, type OnnxRuntimeName } from './onnxRuntime';
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
  /** The ONNX runtime to run it on; default `auto` (see onnxRuntime). */
  readonly runtime?: OnnxRuntimeChoice;
}

/** One input tensor of a batch: row-major data of `rows x width`. */
export interface SurrogateInput {
  readonly name: string;
  readonly data: Float32Array | Int32Array | BigInt64Array;
  readonly width: number;
}

interface OpenSession {
  readonly runtime: OnnxRuntime;
  readonly session: InferenceSession;
}

interface CacheEntry {
  readonly session: Promise<OpenSession>;
  users: number;
}

const cache = new Map<string, CacheEntry>();

/**
 * A shared, reference-counted onnxruntime session: one per model file and thread setting, however
 * many benchmarks use it, because a session holds the whole tree ensemble in memory.
 */
export class SurrogateSession {
  private released = false;

  private constructor(
    private readonly key: string,
    readonly file: SurrogateModelFile,
    private readonly open: OpenSession,
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
    return this.open.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.open.session.outputNames;
  }

  /** The ONNX runtime this session runs on. */
  get runtime(): OnnxRuntimeName {
    return this.open.runtime.name;
  }

  /**
   * Runs `rows` rows in chunks of at most `chunkSize` and returns output `output` as one row-major
   * Float32Array. Chunks are views on the callers' arrays, so no input is copied.
   */
  async run(inputs: readonly SurrogateInput[], rows: number, output: string, outputWidth: number, chunkSize: number): Promise<Float32Array> {
    if (this.released) throw new BenchmarkError('model-error', `the session of ${this.file.path} has been closed`, { parameter: this.file.path });
    const { ort } = this.open.runtime;
    const result = new Float32Array(rows * outputWidth);
    for (let start = 0; start < rows; start += chunkSize) {
      const n = Math.min(chunkSize, rows - start);
      const feeds: Record<string, Tensor> = {};
      for (const input of inputs) {
        const view = input.data.subarray(start * input.width, (start + n) * input.width);
        feeds[input.name] = new ort.Tensor(view, [n, input.width]);
      }
      let out: InferenceSession.ReturnType;
      try {
        out = await this.open.session.run(feeds);
      } catch (error) {
        throw new BenchmarkError('model-error', `model ${this.file.path} failed: ${(error as Error).message}`, { parameter: this.file.path, cause: error });
      }
      const tensor = out[output];
      if (tensor === undefined || !(tensor.data instanceof Float32Array) || tensor.data.length !== n * outputWidth) {
        throw new BenchmarkError('model-error', `model ${this.file.path} did not return a float32 "${output}" of ${n} x ${outputWidth}`, {
          parameter: output,
          allowed: this.outputNames.join(', '),
        });
      }
      result.set(tensor.data, start * outputWidth);
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
      await (await entry.session).session.release();
    }
  }
}

async function createSession(file: SurrogateModelFile, threads: SurrogateThreads): Promise<OpenSession> {
  const [bytes, runtime] = await Promise.all([readVerifiedModel(file.path, file.sha256, file.read), onnxRuntime(file.runtime)]);
  try {
    return { runtime, session: await runtime.ort.InferenceSession.create(bytes, surrogateSessionOptions(threads, runtime.name)) };
  } catch (error) {
    throw new BenchmarkError('model-error', `model file ${file.path} cannot be loaded by onnxruntime: ${(error as Error).message} (${runtime.name})`, {
      parameter: file.path,
      cause: error,
    });
  }
}
