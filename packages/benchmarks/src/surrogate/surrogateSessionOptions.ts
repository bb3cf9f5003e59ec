import type { InferenceSession } from 'onnxruntime-node';

/** Thread settings of a surrogate session. */
export interface SurrogateThreads {
  /** Threads inside one operator; 1 by default so that parallel studies do not oversubscribe cores. */
  readonly intraOpNumThreads: number;
  /** Threads across operators; the surrogate graphs are sequential, so 1. */
  readonly interOpNumThreads: number;
}

export const DEFAULT_SURROGATE_THREADS: SurrogateThreads = { intraOpNumThreads: 1, interOpNumThreads: 1 };

/**
 * Session options for the small CPU surrogates. Spinning is turned off: a spinning thread pool burns
 * a core between the short `run` calls of a simulation. The Node binding flattens `extra` into
 * config keys joined by dots (`session.intra_op.allow_spinning`), as in
 * onnxruntime_session_options_config_keys.h; the typings mark `extra` as WebAssembly-only, but the
 * 1.2x+ Node binding reads it too (IterateExtraOptions).
 */
export function surrogateSessionOptions(threads: SurrogateThreads): InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads.intraOpNumThreads,
    interOpNumThreads: threads.interOpNumThreads,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}
