import type { Worker } from 'node:worker_threads';
import { CliError } from '../commandLineError';
import { describeError } from '../commandLineError';
import { executeRun, type RunJob, type RunOutcome } from './executeRun';
import type { RunContext } from './RunContext';
import { startGridThread } from './startGridThread';
import type { ThreadReply } from './threadMessages';

export interface GridProgress {
  readonly job: RunJob;
  readonly outcome?: RunOutcome;
  readonly error?: string;
  readonly finished: number;
  readonly total: number;
}

export interface GridOptions {
  /** Worker threads; 1 runs every job in this thread with `context`. */
  readonly threads: number;
  /** For `threads: 1`; threads build their own from the default plugins. */
  readonly context?: RunContext;
  readonly onProgress?: (progress: GridProgress) => void;
}

/**
 * Runs the jobs of a grid, in parallel threads or in this one. Every job is deterministic and writes
 * only its own file, so the order in which threads pick jobs changes nothing in the results. A
 * failing job does not stop the others; the errors are reported together at the end.
 */
export async function runGrid(jobs: readonly RunJob[], options: GridOptions): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = new Array(jobs.length);
  const errors: string[] = [];
  let finished = 0;
  const report = (index: number, outcome: RunOutcome | undefined, error: string | undefined): void => {
    finished++;
    if (outcome !== undefined) outcomes[index] = outcome;
    // Errors about the run file already name it; name it once.
    if (error !== undefined) errors.push(error.startsWith(jobs[index]!.path) ? error : `${jobs[index]!.path}: ${error}`);
    options.onProgress?.({ job: jobs[index]!, ...(outcome !== undefined ? { outcome } : {}), ...(error !== undefined ? { error } : {}), finished, total: jobs.length });
  };

  if (options.threads <= 1 || jobs.length <= 1) {
    if (options.context === undefined) throw new CliError('usage', 'runGrid needs a context to run in this thread', { parameter: 'context' });
    for (let i = 0; i < jobs.length; i++) {
      try {
        report(i, await executeRun(jobs[i]!, options.context), undefined);
      } catch (error) {
        report(i, undefined, describeError(error).line);
      }
    }
  } else {
    await inThreads(jobs, Math.min(options.threads, jobs.length), report);
  }
  if (errors.length > 0) {
    throw new CliError('input', `${errors.length} of ${jobs.length} runs failed; the first: ${errors[0]}`, { parameter: 'runs' });
  }
  return outcomes;
}

function inThreads(jobs: readonly RunJob[], threads: number, report: (index: number, outcome: RunOutcome | undefined, error: string | undefined) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    const pool: Worker[] = [];
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) {
        worker.postMessage({ type: 'close' });
        if (running === 0) resolve();
        return;
      }
      const id = next++;
      running++;
      worker.postMessage({ type: 'run', id, job: jobs[id] });
    };
    for (let t = 0; t < threads; t++) {
      const worker = startGridThread();
      pool.push(worker);
      worker.on('message', (reply: ThreadReply) => {
        running--;
        report(reply.id, reply.type === 'done' ? reply.outcome : undefined, reply.type === 'failed' ? reply.message : undefined);
        feed(worker);
      });
      worker.on('error', (error) => {
        for (const w of pool) void w.terminate();
        reject(error);
      });
      feed(worker);
    }
  });
}
