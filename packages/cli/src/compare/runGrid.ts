import type { Worker } from 'node:worker_threads';
import { createRegistry } from '@jahskit/core';
import { CliError, describeError } from '../commandLineError';
import { defaultModules } from '../defaultModules';
import type { RunJob, RunOutcome } from './executeRun';
import { GridClaims } from './GridClaims';
import { preloadWhileIdle } from './preloadWhileIdle';
import { RunContext } from './RunContext';
import { startGridThread } from './startGridThread';
import type { GridThreadData, ThreadReply } from './threadMessages';
import { jobBenchmarkKey, timedRun } from './timedRun';

/**
 * CPU seconds a grid thread takes to start, loading its code (measured: docs/performance.md, "Grid
 * threads"); its benchmarks' loads come on top, and GridClaims weighs those.
 */
const THREAD_START_SECONDS = 0.25;

interface GridProgress {
  readonly job: RunJob;
  readonly outcome?: RunOutcome;
  readonly error?: string;
  readonly finished: number;
  readonly total: number;
  /** Which thread ran the job: 0 is this one. */
  readonly thread: number;
}

export interface GridOptions {
  /**
   * Threads, this one included: this thread runs jobs too, and up to `threads - 1` grid threads help
   * it (never more threads than jobs).
   */
  readonly threads: number;
  /** For the runs in this thread (and its env for the others); default: every plugin jahskit ships, process.env. */
  readonly context?: RunContext;
  readonly onProgress?: (progress: GridProgress) => void;
  /** How a grid thread is started; default startGridThread. */
  readonly startThread?: (data: GridThreadData) => Worker;
  /**
   * A grid thread started before the grid was known, waiting for its data (see spareGridThread): the
   * first grid thread, at once, since its start-up is paid already; terminated when the grid has no
   * use for a second thread.
   */
  readonly spare?: Worker;
}

/**
 * Runs the jobs of a grid in this thread and in grid threads, which claim jobs from shared memory
 * (see GridClaims: a thread loads a benchmark only when that pays). Every job is deterministic and
 * writes only its own file, so which thread runs which job changes nothing in the results. A failing
 * job does not stop the others; the errors are reported together at the end.
 */
export async function runGrid(jobs: readonly RunJob[], options: GridOptions): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = new Array(jobs.length);
  const errors: string[] = [];
  const reported = new Uint8Array(jobs.length);
  let finished = 0;
  let wake: (() => void) | undefined;
  const report = (index: number, outcome: RunOutcome | undefined, error: string | undefined): void => {
    // Once: a thread that dies after posting an outcome also has that job counted as lost.
    if (reported[index] === 1) return;
    reported[index] = 1;
    finished++;
    if (outcome !== undefined) outcomes[index] = outcome;
    // Errors about the run file already name it; name it once.
    if (error !== undefined) errors.push(error.startsWith(jobs[index]!.path) ? error : `${jobs[index]!.path}: ${error}`);
    options.onProgress?.({
      job: jobs[index]!,
      ...(outcome !== undefined ? { outcome } : {}),
      ...(error !== undefined ? { error } : {}),
      finished,
      total: jobs.length,
      thread: Math.max(0, claims.ownerOf(index)),
    });
  };
  const poke = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  // Woken by any thread's message or exit; the timeout covers what threads change without a message
  // (a thread finishing a load), so that this thread rechecks whether to help.
  const changed = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(poke, 50);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const threads = Math.max(1, Math.min(Math.floor(options.threads), jobs.length));
  const claims = GridClaims.create(
    jobs.map(jobBenchmarkKey),
    jobs.map((job) => job.spec.optimizer),
    threads,
  );
  let context = options.context;
  let spare = options.spare;
  const env = options.context?.env ?? process.env;
  const started: { readonly worker: Worker; readonly claimer: number }[] = [];
  const start = (claimer: number): void => {
    let failure: string | undefined;
    let worker: Worker;
    const data: GridThreadData = { jobs, claims: claims.data, claimer, env };
    const waiting = spare;
    spare = undefined;
    try {
      if (waiting !== undefined) {
        worker = waiting;
        worker.postMessage(data);
      } else {
        worker = (options.startThread ?? startGridThread)(data);
      }
    } catch {
      // The other threads do the work then.
      void waiting?.terminate();
      claims.retire(claimer);
      return;
    }
    worker.on('message', (reply: ThreadReply) => {
      report(reply.id, reply.type === 'done' ? reply.outcome : undefined, reply.type === 'failed' ? reply.message : undefined);
      poke();
    });
    worker.on('error', (error) => {
      failure = describeError(error).line;
    });
    worker.on('exit', () => {
      // Its unclaimed work goes to the others; what it had claimed and not finished failed.
      for (const job of claims.retire(claimer)) report(job, undefined, `its grid thread stopped: ${failure ?? 'no reason given'}`);
      poke();
    });
    started.push({ worker, claimer });
  };
  // A grid over several benchmarks starts a thread per benchmark beyond the first at once: loading a
  // benchmark costs about as much as a thread's start-up, and the threads load different ones. More
  // threads start once this one has measured two runs (the first is slow: code warming up, tables
  // built on first use; runs found finished, or failing, measure nothing) and the work left pays for
  // them: with k threads working, one more saves about left / (k (k + 1)) seconds, which must exceed
  // its start-up and its own warm-up, about as long again. So a few short runs on one benchmark start none.
  // A spare thread has paid its start-up already: it gets the grid at once, and GridClaims keeps it
  // from loading a benchmark that does not pay.
  let next = 1;
  const startThreadsThatPay = (): void => {
    while (next < threads && claims.unclaimedSeconds() > 2 * THREAD_START_SECONDS * next * (next + 1)) start(next++);
  };
  const benchmarks = new Set(claims.data.keys).size;
  const startAtOnce = (): void => {
    while (next < Math.min(threads, Math.max(benchmarks, spare !== undefined ? 2 : 1))) start(next++);
  };

  let completed = false;
  let measuredHere = 0;
  const preloaded = new Set<number>();
  try {
    for (;;) {
      if (measuredHere >= 2) startThreadsThatPay();
      const claim = claims.claim(0);
      // Only once this thread has its first job: a spare thread, loaded already, would otherwise race
      // it for that job, and a grid of one benchmark would have both load it.
      startAtOnce();
      if (claim.kind === 'done') break;
      if (claim.kind === 'wait') {
        context ??= new RunContext(createRegistry(defaultModules()), env);
        if (!(await preloadWhileIdle(claims, 0, jobs, context, preloaded))) await changed();
        continue;
      }
      context ??= new RunContext(createRegistry(defaultModules()), env);
      const run = await timedRun(jobs[claim.job]!, context);
      report(claim.job, run.outcome, run.error);
      claims.finish(0, claim.job, run.timing, run.holdsBenchmark);
      if (run.timing !== undefined) measuredHere++;
      // Lets the threads' messages in between runs: progress stays live.
      await new Promise((resolve) => setImmediate(resolve));
    }
    while (finished < jobs.length) await changed();
    completed = true;
  } finally {
    if (spare !== undefined) void spare.terminate();
    for (const { worker, claimer } of started) {
      // Every job is claimed by now, so a thread that has none is still starting: it is stopped. A
      // thread with jobs closes its benchmarks and exits by itself, unless the grid itself failed. It
      // is not waited for: every result is in, so the analysis runs while it shuts down (the process
      // ends only once it has).
      if (!completed || !jobs.some((_, job) => claims.ownerOf(job) === claimer)) {
        claims.retire(claimer);
        worker.unref();
        void worker.terminate();
      }
    }
    if (options.context === undefined) await context?.close();
  }
  if (errors.length > 0) {
    throw new CliError('input', `${errors.length} of ${jobs.length} runs failed; the first: ${errors[0]}`, { parameter: 'runs' });
  }
  return outcomes;
}
