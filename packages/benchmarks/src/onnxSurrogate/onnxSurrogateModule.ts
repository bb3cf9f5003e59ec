import { definePlugin, type BenchmarkContext, type BenchmarkDescriptor, type DataStatus } from '@jahskit/core';
import { z } from 'zod';
import { BenchmarkError } from '../errors/BenchmarkError';
import { nodeBuiltin } from '../internal/nodeBuiltin';
import { sha256Hex } from '../internal/sha256Hex';
import { SurrogateSession } from '../surrogate/SurrogateSession';
import { createOnnxSurrogateBenchmark } from './createOnnxSurrogateBenchmark';
import { loadOnnxSurrogateFolder } from './loadOnnxSurrogateFolder';
import { modelSignatureMismatch } from './modelSignatureMismatch';

/** Environment variable naming the folder when the `dir` option is not given. */
export const ONNX_SURROGATE_DIR_ENV = 'JAHSKIT_ONNX_SURROGATE_DIR';

export interface OnnxSurrogateModuleOptions {
  readonly dir?: string;
  readonly objectives?: string[];
  readonly sha256?: string;
  readonly intraOpNumThreads: number;
}

function folder(options: OnnxSurrogateModuleOptions, context: BenchmarkContext): string {
  const dir = options.dir ?? context.env[ONNX_SURROGATE_DIR_ENV];
  if (dir === undefined || dir === '') {
    throw new BenchmarkError('missing-data', `onnx-surrogate needs a folder: set the option "dir" or ${ONNX_SURROGATE_DIR_ENV}`, {
      parameter: 'dir',
      allowed: 'a folder holding manifest.json, the model and its ConfigSpace JSON',
    });
  }
  return dir;
}

export const onnxSurrogateDescriptor: BenchmarkDescriptor<OnnxSurrogateModuleOptions> = {
  id: 'onnx-surrogate',
  summary: 'any ONNX surrogate described by a folder (manifest.json + model + ConfigSpace JSON)',
  needsData: true,
  options: z
    .object({
      dir: z.string().min(1).optional().describe(`folder with manifest.json (default: $${ONNX_SURROGATE_DIR_ENV})`),
      objectives: z.array(z.string()).min(1).optional().describe("the task's objectives (default: the manifest's)"),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional()
        .describe("expected SHA-256 of the model (default: the manifest's)"),
      intraOpNumThreads: z.number().int().min(1).max(64).default(1).describe('onnxruntime threads per model call'),
    })
    .strict(),
  create: (options, context) =>
    createOnnxSurrogateBenchmark({
      dir: folder(options, context),
      intraOpNumThreads: options.intraOpNumThreads,
      ...(options.objectives === undefined ? {} : { objectives: options.objectives }),
      ...(options.sha256 === undefined ? {} : { sha256: options.sha256 }),
    }),
  /**
   * Everything that `create` would need, short of evaluating: the manifest and the files it names
   * (inside the folder), the model's checksum, and that onnxruntime loads the model and finds the
   * inputs and output the manifest names. The first problem is the status's one-line detail.
   */
  async checkData(options, context): Promise<DataStatus> {
    let dir: string;
    try {
      dir = folder(options, context);
    } catch (error) {
      return { ready: false, detail: (error as Error).message };
    }
    const manifestPath = nodeBuiltin('node:path', 'onnx-surrogate data check').join(dir, 'manifest.json');
    let definition;
    try {
      definition = await loadOnnxSurrogateFolder(dir);
    } catch (error) {
      // The row names the file at fault: one that cannot be read or parsed, else the manifest.
      const file =
        BenchmarkError.is(error) && (error.kind === 'missing-data' || error.kind === 'corrupt-data') ? (error.parameter ?? manifestPath) : manifestPath;
      const detail = BenchmarkError.is(error) && error.kind === 'missing-data' ? 'cannot be read' : 'invalid';
      return { ready: false, detail: (error as Error).message, files: [{ path: file, ok: false, detail }] };
    }
    const manifestFile = { path: manifestPath, ok: true, detail: 'valid manifest' };
    const modelPath = definition.modelPath;
    const expected = options.sha256 ?? definition.manifest.model.sha256;
    let actual: string;
    try {
      actual = await sha256Hex(await nodeBuiltin('node:fs/promises', 'onnx-surrogate data check').readFile(modelPath));
    } catch {
      const detail = `missing${expected === undefined ? '' : ` (expected SHA-256 ${expected})`}`;
      return { ready: false, detail: `${modelPath}: ${detail}`, files: [manifestFile, { path: modelPath, ok: false, detail }] };
    }
    const bad = (detail: string, row: string): DataStatus => ({
      ready: false,
      detail,
      files: [manifestFile, { path: modelPath, ok: false, detail: `SHA-256 ${actual}, ${row}` }],
    });
    if (expected !== undefined && actual !== expected) return bad(`${modelPath}: SHA-256 ${actual}, expected ${expected}`, `expected ${expected}`);
    let session: SurrogateSession;
    try {
      session = await SurrogateSession.open({ path: modelPath, sha256: actual });
    } catch (error) {
      return bad((error as Error).message.split('\n')[0] as string, 'onnxruntime cannot load it');
    }
    const mismatch = modelSignatureMismatch(session, { inputs: definition.manifest.inputs.map((i) => i.name), output: definition.manifest.output.name });
    await session.close();
    if (mismatch !== undefined) return bad(`${modelPath}: ${mismatch}`, 'inputs or output not those of the manifest');
    return { ready: true, detail: `onnx-surrogate folder ${dir}`, files: [manifestFile, { path: modelPath, ok: true, detail: `SHA-256 ${actual}` }] };
  },
};

/** Registers the generic onnx-surrogate benchmark. */
export const onnxSurrogateModule = definePlugin({ benchmarks: [onnxSurrogateDescriptor] });
