import type { Configuration } from '@jahskit/core';
import type { RunEnd, RunHeader } from '../compare/RunHeader';

/** One result line of a run file, as written by `resultLine`. */
export interface RecordLine {
  readonly trial: number;
  readonly config: Configuration;
  readonly fidelity: Configuration;
  readonly status: 'ok' | 'failed' | 'diverged';
  readonly objectives: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
  /** In a constrained run: one value per constraint of the header, at most 0 when satisfied. */
  readonly constraints?: readonly number[];
  readonly cost: number;
  readonly end?: number;
}

/** A finished run as read back from its file. */
export interface RunResult {
  readonly header: RunHeader;
  readonly records: readonly RecordLine[];
  readonly end: RunEnd;
}
