import type { RunJob, RunOutcome } from './executeRun';
import type { GridClaimsData } from './GridClaims';

/** What a grid thread starts with: the whole grid, the shared claims, and which claimer it is. */
export interface GridThreadData {
  readonly jobs: readonly RunJob[];
  readonly claims: GridClaimsData;
  readonly claimer: number;
  /** The environment benchmarks read (data folders), as the command saw it. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** From a thread to the grid: a job's outcome or its error, as one readable line. */
export type ThreadReply =
  { readonly type: 'done'; readonly id: number; readonly outcome: RunOutcome } | { readonly type: 'failed'; readonly id: number; readonly message: string };
