import type { LiveRun } from './LiveRun';

/** Where one run of the grid stands. */
export interface RunProgress {
  readonly task: string;
  readonly optimizer: string;
  readonly seed: number;
  /** The file's path relative to the results folder. */
  readonly file: string;
  readonly state: 'pending' | 'running' | 'finished' | 'error';
  /** Trials written so far. */
  readonly trials: number;
  /** Why the file cannot be read (edited after it was written, not a run file). */
  readonly error?: string;
}

/** A results folder as the dashboard shows it: what the grid holds and how far it got. */
export interface GridSnapshot {
  readonly title: string;
  /** Tasks in grid order, with their titles once a run of them has started. */
  readonly tasks: readonly { readonly task: string; readonly title: string }[];
  readonly optimizers: readonly string[];
  readonly seeds: readonly number[];
  readonly runs: readonly RunProgress[];
  readonly progress: { readonly finished: number; readonly running: number; readonly total: number };
  /** Set while the folder holds no grid yet (compare has not written grid.json). */
  readonly waiting?: string;
}

/** A snapshot with the runs read from their files (those that have a header). */
export interface GridState {
  readonly snapshot: GridSnapshot;
  readonly runs: readonly LiveRun[];
}
