import { BenchmarkError } from '../errors/BenchmarkError';

/** The onnxruntime API both packages share (onnxruntime-common's), typed through onnxruntime-web. */
export type Ort = typeof import('onnxruntime-web');

/** Which ONNX runtime runs the surrogates. */
export type OnnxRuntimeName = 'onnxruntime-node' | 'onnxruntime-web';

/** `auto`: onnxruntime-node when it is installed (native, fastest), else onnxruntime-web (WebAssembly). */
export type OnnxRuntimeChoice = 'auto' | 'node' | 'web';

export interface OnnxRuntime {
  readonly name: OnnxRuntimeName;
  readonly ort: Ort;
}

/** Overrides the `auto` choice in Node: `node` or `web`. */
export const ONNX_RUNTIME_ENV = 'JAHSKIT_ONNX_RUNTIME';

// A variable, not a literal: bundlers then leave the native package out of browser bundles.
const NODE_PACKAGE: string = 'onnxruntime-node';

const loaded = new Map<OnnxRuntimeChoice, Promise<OnnxRuntime>>();

/**
 * The ONNX runtime, loaded once per choice. `auto` (the default) reads JAHSKIT_ONNX_RUNTIME in Node,
 * then takes onnxruntime-node if it can be loaded and onnxruntime-web otherwise; browsers always get
 * onnxruntime-web. Both run the same graph: the tree ensemble of jahs answers bit for bit alike, the
 * neural network of nb301 within float32 rounding (checked by a test). The native one evaluates jahs
 * 1.2x and nb301 3-4x faster, and loads the models 2.4x as fast (docs/performance.md, "Packages").
 */
export function onnxRuntime(choice: OnnxRuntimeChoice = 'auto'): Promise<OnnxRuntime> {
  let runtime = loaded.get(choice);
  if (runtime === undefined) {
    runtime = load(choice);
    loaded.set(choice, runtime);
    runtime.catch(() => loaded.delete(choice));
  }
  return runtime;
}

async function load(choice: OnnxRuntimeChoice): Promise<OnnxRuntime> {
  const process = (globalThis as { process?: { versions?: { node?: string }; env?: Record<string, string | undefined> } }).process;
  const inNode = typeof process?.versions?.node === 'string';
  let wanted = choice;
  if (wanted === 'auto' && inNode) {
    const fromEnv = process?.env?.[ONNX_RUNTIME_ENV];
    if (fromEnv !== undefined && fromEnv !== '' && fromEnv !== 'auto') {
      if (fromEnv !== 'node' && fromEnv !== 'web') {
        throw new BenchmarkError('invalid-definition', `${ONNX_RUNTIME_ENV} is "${fromEnv}"; allowed: auto, node, web`, { parameter: ONNX_RUNTIME_ENV, allowed: 'auto, node, web' });
      }
      wanted = fromEnv;
    }
  }
  if (wanted === 'node' || (wanted === 'auto' && inNode)) {
    try {
      const ort = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_PACKAGE)) as Ort & { default?: Ort };
      return { name: 'onnxruntime-node', ort: ort.InferenceSession === undefined && ort.default !== undefined ? ort.default : ort };
    } catch (error) {
      if (wanted === 'node') {
        throw new BenchmarkError('model-error', `onnxruntime-node cannot be loaded (${(error as Error).message.split('\n')[0]}); install it with npm install onnxruntime-node, or use onnxruntime-web`, {
          parameter: ONNX_RUNTIME_ENV,
          cause: error,
        });
      }
    }
  }
  let ort: Ort;
  try {
    ort = await import('onnxruntime-web');
  } catch (error) {
    throw new BenchmarkError('model-error', `no ONNX runtime can be loaded (${(error as Error).message.split('\n')[0]}): install onnxruntime-web, or onnxruntime-node for speed`, {
      parameter: 'onnxruntime',
      cause: error,
    });
  }
  // One WebAssembly thread, no proxy worker: the surrogates are small sequential graphs, studies run
  // in parallel instead, and threads would need cross-origin isolation in browsers.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  return { name: 'onnxruntime-web', ort };
}
