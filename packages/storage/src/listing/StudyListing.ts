import type { Configuration, JournalResult, StudySpec } from '@jahskit/core';

/** A trial of a stored study as its journal tells it, without replaying the optimizer. */
export interface ListedTrial {
  readonly id: number;
  readonly config: Configuration;
  readonly fidelity: Configuration;
  /** The process it was handed to. */
  readonly worker: string;
  /**
   * `told` once a result came in time; `expired` when its worker went silent first (a result that
   * came later is kept in `result`, with `late`).
   */
  readonly state: 'pending' | 'told' | 'expired';
  readonly result?: JournalResult;
  readonly late?: true;
  /** The asking and telling writers' clocks (milliseconds since the epoch). */
  readonly askedAt: number;
  readonly toldAt?: number;
}

/** What a stored study holds so far, for a dashboard or `study show` to display. */
export interface StudyListing {
  readonly name: string;
  /** Undefined only for a journal whose create entry is not there (written by something else). */
  readonly spec?: StudySpec;
  /** In the order they were asked. */
  readonly trials: readonly ListedTrial[];
  /** The sequence number of the last entry read: `readStudyListing` reads on from it. */
  readonly lastSeq: number;
}
