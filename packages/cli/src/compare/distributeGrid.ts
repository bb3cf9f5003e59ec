import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chainDigest, CHAIN_START, type JsonValue } from '@jahskit/core';
import type { GridQueue } from '@jahskit/storage';
import { CliError } from '../commandLineError';
import type { RunJob } from './executeRun';
import type { GridManifest } from './GridManifest';
import { queuedJob } from './executeQueuedRun';
import { gridQueueKey } from './gridQueueKey';
import type { RunContext } from './RunContext';
import { workQueue } from './workQueue';

export interface DistributeOptions {
  readonly worker: string;
  readonly leaseSeconds: number;
  /** Run queued jobs in this process too (default); false: only enqueue and collect. */
  readonly work: boolean;
  /** Wait until runs that other workers hold are done. */
  readonly wait: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** The grid's manifest and results folder, recorded in the storage so that a dashboard lists the grid. */
  readonly grid?: { readonly label: string; readonly manifest: GridManifest };
}

export interface DistributeOutcome {
  readonly added: number;
  readonly done: number;
  readonly total: number;
}

/**
 * A grid over a shared queue: enqueues its runs (a run already there, from this grid or another, is
 * not added again), works on them like any `jahskit worker`, and writes every recorded result into
 * the run file a local grid would have written, so analysis and reports read the folder as usual.
 * Failed runs are reported together, as a local grid does.
 */
export async function distributeGrid(jobs: readonly RunJob[], queue: GridQueue, context: RunContext, options: DistributeOptions): Promise<DistributeOutcome> {
  const keys = jobs.map((job) => gridQueueKey(job));
  const added = await queue.enqueue(jobs.map((job, i) => ({ key: keys[i] as string, job: queuedJob(job) })));
  if (options.grid !== undefined) {
    // Named by what it runs: the same grid started again (or from another machine) is one grid.
    const id = chainDigest(CHAIN_START, JSON.stringify({ manifest: options.grid.manifest, keys }));
    await queue.recordGrid({ id, label: options.grid.label, manifest: options.grid.manifest as unknown as JsonValue, keys });
  }
  for (;;) {
    // Worked on again after each wait: a run whose worker died is claimable only once its lease has
    // run out, which may be after this process found nothing left to claim.
    if (options.work) await workQueue(queue, context, { worker: options.worker, leaseSeconds: options.leaseSeconds, keys, onRun: () => undefined });
    const counts = await queue.progress(keys);
    options.onProgress?.(counts.done, keys.length);
    if (!options.wait || counts.queued + counts.running === 0) break;
    await sleep(500);
  }
  const failures = await queue.failures(keys);
  if (failures.size > 0) {
    const [key, reason] = [...failures][0] as [string, string];
    throw new CliError('input', `${failures.size} of ${keys.length} runs failed; the first: ${key}: ${reason}`, { parameter: 'runs' });
  }
  const results = await queue.results(keys);
  jobs.forEach((job, i) => {
    const content = results.get(keys[i] as string);
    if (content !== undefined) materialize(job.path, content);
  });
  return { added, done: results.size, total: keys.length };
}

/** Writes a recorded result where a local run would be; an existing file must hold the same. */
function materialize(path: string, content: string): void {
  if (existsSync(path)) {
    if (readFileSync(path, 'utf8') === content) return;
    throw new CliError('input', `${path} differs from the result recorded in the storage; move it away to write the recorded one`, { parameter: 'out' });
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
