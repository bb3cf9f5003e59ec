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

/** A grid as `compare --storage` recorded it beside its runs, for dashboards to list. */
export interface QueuedGrid {
  /** Names the grid's manifest and runs: the same grid recorded again is one grid. */
  readonly id: string;
  /** What the grid is called where it was started (its results folder). */
  readonly label: string;
  /** The grid's manifest (grid.json of its results folder). */
  readonly manifest: JsonValue;
  /** The keys of its runs, in grid order. */
  readonly keys: readonly string[];
  /** When it was last recorded (ISO 8601, the server's clock). */
  readonly recordedAt: string;
}

/**
 * Where one run of the queue stands; a run whose lease ran out counts as queued, as in `progress`.
 * Without its job (a dashboard polls the states of every run; the grid's manifest says what each is).
 */
export interface QueuedRunState {
  readonly key: string;
  readonly state: 'queued' | 'running' | 'done' | 'failed';
  /** How many times a worker claimed it. */
  readonly attempts: number;
  /** The worker holding or last holding it. */
  readonly worker?: string;
  /** Why it failed, when it did. */
  readonly error?: string;
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
  /** Records a grid (by id: recording it again updates its label and time) so that `grids` lists it. */
  recordGrid(grid: Omit<QueuedGrid, 'recordedAt'>): Promise<void>;
  /** The recorded grids, the most recently recorded first. */
  grids(): Promise<readonly QueuedGrid[]>;
  /** The state of each given key that is in the queue, in the order given. */
  runStates(keys: readonly string[]): Promise<readonly QueuedRunState[]>;
  close(): Promise<void>;
}
