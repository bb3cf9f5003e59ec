import type { JsonValue } from '@jahskit/core';

/** One run of a distributed grid: a key that names everything its result depends on, and the job. */
export interface QueuedRun {
  readonly key: string;
  readonly job: JsonValue;
}

export interface GridProgressCounts {
  readonly queued: number;
  readonly running: number;
  readonly done: number;
  readonly failed: number;
}

/**
 * The work queue of distributed grids: runs are enqueued once (by key), claimed by one worker at a
 * time under a lease, and their result recorded exactly once. A worker that dies loses its lease and
 * another worker runs the job again; runs are deterministic, so the result is the same, and a second
 * result for a recorded run is compared with the first rather than stored.
 */
export interface GridQueue {
  readonly location: string;
  /** Adds the runs whose keys are new and queues failed ones again; returns how many were (re)queued. */
  enqueue(runs: readonly QueuedRun[]): Promise<number>;
  /**
   * A queued run, or one whose lease ran out, now leased to `worker` (among `keys` when given: a grid
   * works on its own runs first); undefined when none is left.
   */
  claim(worker: string, leaseSeconds: number, keys?: readonly string[]): Promise<QueuedRun | undefined>;
  /** Extends the leases `worker` holds. */
  renew(worker: string, leaseSeconds: number): Promise<void>;
  /** Records a run's result; 'duplicate' when it was recorded before (the caller checks equality). */
  complete(key: string, result: string): Promise<{ readonly outcome: 'recorded' | 'duplicate'; readonly recorded: string }>;
  /** Marks a claimed run as failed with a one-line reason; it is queued again by the next `enqueue`. */
  fail(key: string, reason: string): Promise<void>;
  /** Reasons of the failed runs among the given keys. */
  failures(keys: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Counts over the given keys. */
  progress(keys: readonly string[]): Promise<GridProgressCounts>;
  /** Recorded results of the given keys that are done. */
  results(keys: readonly string[]): Promise<ReadonlyMap<string, string>>;
  close(): Promise<void>;
}
