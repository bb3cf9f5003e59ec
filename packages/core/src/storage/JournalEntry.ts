import type { Objective } from '../benchmark/Objective';
import type { JsonValue } from '../json/JsonValue';
import type { Trial } from '../optimizer/Trial';
import type { ParameterSpec } from '../space/ParameterSpec';
import type { TrialOutcome } from '../study/TrialOutcome';

/** The journal schema this version writes and reads; a journal of a newer schema is refused. */
export const JOURNAL_SCHEMA = 1;

/**
 * What a study is: enough to rebuild its optimizer in any process. The spaces are kept as their
 * plain parameter lists (to detect a second `create` with another space); `source` tells a process
 * that has no space object how to build one (the CLI keeps its `--space` argument there).
 */
export interface StudySpec {
  readonly schema: number;
  readonly objectives: readonly Objective[];
  readonly optimizer: { readonly id: string; readonly options: JsonValue };
  readonly seed: number;
  readonly parameters: readonly ParameterSpec[];
  readonly fidelityParameters: readonly ParameterSpec[];
  readonly source?: JsonValue;
  /** Seconds a worker may stay silent (no heartbeat, ask or tell) before its pending trials expire. */
  readonly graceSeconds: number;
  /**
   * Constraints on the told values ("latency_s <= 0.02", see ExpressionCompiler.constraint), compiled
   * again by every process that opens the study; absent in studies without any (and in every journal
   * written before constraints existed, which read as unconstrained).
   */
  readonly constraints?: readonly string[];
  /** Names of the metrics trials report that the constraints may read besides the objectives. */
  readonly metrics?: readonly string[];
}

/** A told result as the journal keeps it: objectives by name, in their own direction. */
export interface JournalResult extends TrialOutcome {
  readonly trialId: number;
}

/**
 * One operation on a study. Replaying the operations in order on a fresh optimizer rebuilds the
 * study exactly: asks are repeated (and must propose the same trials), tells and expiries are told.
 * `at` is the writer's wall clock in milliseconds; only expiry reads it.
 */
export type JournalOp =
  | { readonly op: 'create'; readonly spec: StudySpec }
  | { readonly op: 'ask'; readonly worker: string; readonly at: number; readonly n: number; readonly trials: readonly Trial[] }
  /** `late`: the trial had expired; the result is kept but the optimizer was told it failed. */
  | { readonly op: 'tell'; readonly worker: string; readonly at: number; readonly result: JournalResult; readonly late?: true }
  | { readonly op: 'heartbeat'; readonly worker: string; readonly at: number }
  | { readonly op: 'expire'; readonly worker: string; readonly at: number; readonly trials: readonly number[] };

/** An operation with its position in the study's journal (0, 1, 2, ...). */
export type JournalEntry = JournalOp & { readonly seq: number };
