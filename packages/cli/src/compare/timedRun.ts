import { describeError } from '../commandLineError';
import { executeRun, type RunJob, type RunOutcome } from './executeRun';
import type { JobTiming } from './GridClaims';
import { RunContext } from './RunContext';
import { runBenchmarkOptions } from './resolveProtocolRun';

/** A job as a grid thread ran it: its outcome or its error line, and what it cost. */
export interface TimedRun {
  readonly outcome?: RunOutcome;
  readonly error?: string;
  /** Absent when the job ran nothing (it had finished before, or it failed). */
  readonly timing?: JobTiming;
  /** Whether the thread holds the job's benchmark afterwards. */
  readonly holdsBenchmark: boolean;
}

/** The benchmark a job loads, as RunContext names it: jobs with equal keys share one load per thread. */
export function jobBenchmarkKey(job: RunJob): string {
  return RunContext.key(job.protocol.benchmark, runBenchmarkOptions(job.protocol, job.spec.seed));
}

/** Runs one job in `context`, never throwing: a failure is the job's result, not the thread's. */
export async function timedRun(job: RunJob, context: RunContext): Promise<TimedRun> {
  const started = performance.now();
  const loadedBefore = context.loadSeconds;
  let outcome: RunOutcome | undefined;
  let error: string | undefined;
  try {
    outcome = await executeRun(job, context);
  } catch (thrown) {
    error = describeError(thrown).line;
  }
  const loadSeconds = context.loadSeconds - loadedBefore;
  const runSeconds = Math.max(0, (performance.now() - started) / 1000 - loadSeconds);
  const holdsBenchmark = context.has(jobBenchmarkKey(job));
  if (outcome === undefined) return { error: error ?? 'failed', holdsBenchmark };
  // A run found finished costs nothing: it would make the estimates of its group too low.
  return outcome.status === 'skipped' ? { outcome, holdsBenchmark } : { outcome, timing: { runSeconds, loadSeconds }, holdsBenchmark };
}
