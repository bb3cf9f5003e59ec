import type { InferenceSession } from 'onnxruntime-web';
import type { OnnxRuntimeName } from './onnxRuntime';

/** Thread settings of a surrogate session. */
export interface SurrogateThreads {
  /** Threads inside one operator; 1 by default so that parallel studies do not oversubscribe cores. */
  readonly intraOpNumThreads: number;
  /** Threads across operators; the surrogate graphs are sequential, so 1. */
  readonly interOpNumThreads: number;
}

export const DEFAULT_SURROGATE_THREADS: SurrogateThreads = { intraOpNumThreads: 1, interOpNumThreads: 1 };

/**
 * Session options for the small CPU surrogates. With onnxruntime-node, spinning is turned off: a
 * spinning thread pool burns a core between the short `run` calls of a simulation. The Node binding
 * flattens `extra` into config keys joined by dots (`session.intra_op.allow_spinning`), as in
 * onnxruntime_session_options_config_keys.h; the typings mark `extra` as WebAssembly-only, but the
 * 1.2x+ Node binding reads it too (IterateExtraOptions). onnxruntime-web runs on its one
 * WebAssembly thread (see onnxRuntime), so thread settings do not apply to it.
 */
export function surrogateSessionOptions(threads: SurrogateThreads, runtime: OnnxRuntimeName = 'onnxruntime-node'): InferenceSession.SessionOptions {
  const common = { executionMode: 'sequential', graphOptimizationLevel: 'all', logSeverityLevel: 3 } as const;
  if (runtime === 'onnxruntime-web') return { ...common, executionProviders: ['wasm'] };
  return {
    ...common,
    executionProviders: ['cpu'],
    intraOpNumThreads: threads.intraOpNumThreads,
    interOpNumThreads: threads.interOpNumThreads,
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}
