import type { RunJob, RunOutcome } from './executeRun';

/** From the grid to a thread: run a job, or finish. */
export type ThreadRequest = { readonly type: 'run'; readonly id: number; readonly job: RunJob } | { readonly type: 'close' };

/** From a thread to the grid: a job's outcome or its error, as one readable line. */
export type ThreadReply =
  | { readonly type: 'done'; readonly id: number; readonly outcome: RunOutcome }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
