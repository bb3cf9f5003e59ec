import type { RecordLine } from '../analysis/RunResult';
import type { RunEnd, RunHeader } from '../compare/RunHeader';

/** A run as far as its file has been written: a run that `compare` is still writing has no `end` yet. */
export interface LiveRun {
  readonly header: RunHeader;
  readonly records: readonly RecordLine[];
  readonly end?: RunEnd;
}
