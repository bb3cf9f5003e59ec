import { BenchmarkError } from '../errors/BenchmarkError';

/** The onnxruntime API both packages share (onnxruntime-common's), typed through onnxruntime-web. */
export type Ort = typeof import('onnxruntime-web');

/** Which runtime runs a surrogate: an onnxruntime, or jahskit's own tree-ensemble evaluator. */
export type OnnxRuntimeName = 'onnxruntime-node' | 'onnxruntime-web' | 'jahskit-trees';

/**
 * `js`: jahskit's tree-ensemble evaluator (TypeScript; tree-ensemble models only, bit-identical to
 * onnxruntime on one thread, about 2.4x its speed on JAHS). `node`: onnxruntime-node (native).
 * `web`: onnxruntime-web (WebAssembly). `auto`: `js` for the models it takes, else `node` when it
 * is installed, else `web`.
 */
export type OnnxRuntimeChoice = 'auto' | 'js' | 'node' | 'web';

const CHOICES: readonly OnnxRuntimeChoice[] = ['auto', 'js', 'node', 'web'];

export interface OnnxRuntime {
  readonly name: OnnxRuntimeName;
  readonly ort: Ort;
}

/** Overrides the `auto` choice in Node: `js`, `node` or `web`. */
export const ONNX_RUNTIME_ENV = 'JAHSKIT_ONNX_RUNTIME';

// A variable, not a literal: bundlers then leave the native package out of browser bundles.
const NODE_PACKAGE: string = 'onnxruntime-node';

const loaded = new Map<Exclude<OnnxRuntimeChoice, 'js'>, Promise<OnnxRuntime>>();

/**
 * The choice that `auto` stands for here: JAHSKIT_ONNX_RUNTIME in Node when it is set, else `auto`;
 * any other choice stands for itself. An unknown value of the variable is an error naming it.
 */
export function resolveRuntimeChoice(choice: OnnxRuntimeChoice = 'auto'): OnnxRuntimeChoice {
  if (choice !== 'auto') return choice;
  const process = (globalThis as { process?: { versions?: { node?: string }; env?: Record<string, string | undefined> } }).process;
  if (typeof process?.versions?.node !== 'string') return 'auto';
  const fromEnv = process.env?.[ONNX_RUNTIME_ENV];
  if (fromEnv === undefined || fromEnv === '') return 'auto';
  if (!(CHOICES as readonly string[]).includes(fromEnv)) {
    throw new BenchmarkError('invalid-definition', `${ONNX_RUNTIME_ENV} is "${fromEnv}"; allowed: ${CHOICES.join(', ')}`, {
      parameter: ONNX_RUNTIME_ENV,
      allowed: CHOICES.join(', '),
    });
  }
  return fromEnv as OnnxRuntimeChoice;
}

/**
 * The ONNX runtime, loaded once per choice. `auto` (the default) reads JAHSKIT_ONNX_RUNTIME in Node
 * (see resolveRuntimeChoice), then takes onnxruntime-node if it can be loaded and onnxruntime-web
 * otherwise; browsers always get onnxruntime-web. Both run the same graph:
 * the tree ensemble of jahs answers bit for bit alike, the
 * neural network of nb301 within float32 rounding (checked by a test). The native one evaluates jahs
 * 1.2x and nb301 3-4x faster, and loads the models 2.4x as fast (docs/performance.md, "Packages").
 */
export function onnxRuntime(choice: Exclude<OnnxRuntimeChoice, 'js'> = 'auto'): Promise<OnnxRuntime> {
  let runtime = loaded.get(choice);
  if (runtime === undefined) {
    runtime = load(choice);
    loaded.set(choice, runtime);
    runtime.catch(() => loaded.delete(choice));
  }
  return runtime;
}

async function load(choice: Exclude<OnnxRuntimeChoice, 'js'>): Promise<OnnxRuntime> {
  const inNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
  const resolved = resolveRuntimeChoice(choice);
  // A model that reaches onnxruntime under JAHSKIT_ONNX_RUNTIME=js is one the evaluator did not take.
  const wanted = resolved === 'js' ? 'auto' : resolved;
  if (wanted === 'node' || (wanted === 'auto' && inNode)) {
    try {
      const ort = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_PACKAGE)) as Ort & { default?: Ort };
      return { name: 'onnxruntime-node', ort: ort.InferenceSession === undefined && ort.default !== undefined ? ort.default : ort };
    } catch (error) {
      if (wanted === 'node') {
        throw new BenchmarkError(
          'model-error',
          `onnxruntime-node cannot be loaded (${(error as Error).message.split('\n')[0]}); install it with npm install onnxruntime-node, or use onnxruntime-web`,
          {
            parameter: ONNX_RUNTIME_ENV,
            cause: error,
          },
        );
      }
    }
  }
  let ort: Ort;
  try {
    ort = await import('onnxruntime-web');
  } catch (error) {
    throw new BenchmarkError(
      'model-error',
      `no ONNX runtime can be loaded (${(error as Error).message.split('\n')[0]}): install onnxruntime-web, or onnxruntime-node for speed`,
      {
        parameter: 'onnxruntime',
        cause: error,
      },
    );
  }
  // One WebAssembly thread, no proxy worker: the surrogates are small sequential graphs, studies run
  // in parallel instead, and threads would need cross-origin isolation in browsers.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  return { name: 'onnxruntime-web', ort };
}
