import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '@jahskit/core';
import type { GridQueue, QueuedRun } from '@jahskit/storage';
import { CliError } from '../commandLineError';
import { executeRun, type RunJob } from './executeRun';
import type { RunContext } from './RunContext';

/** A queued job as it travels: the run and its protocol, without a path (each worker has its own). */
type QueuedJob = Pick<RunJob, 'spec' | 'protocol'>;

/**
 * Runs one claimed job of a distributed grid into a scratch file and records the file's content
 * once. A job recorded before (a worker whose lease ran out finished after all) must have come out
 * byte-identical, since runs are deterministic: anything else is an error, not a second result.
 */
export async function executeQueuedRun(queue: GridQueue, claimed: QueuedRun, context: RunContext, scratch: string): Promise<'recorded' | 'duplicate'> {
  const job = claimed.job as unknown as QueuedJob;
  mkdirSync(scratch, { recursive: true });
  const path = join(scratch, `${claimed.key.replace(/[^\w.-]+/g, '_')}.jsonl`);
  rmSync(path, { force: true });
  await executeRun({ ...job, path }, context);
  const content = readFileSync(path, 'utf8');
  rmSync(path, { force: true });
  rmSync(path.replace(/\.jsonl$/, '.timing.jsonl'), { force: true });
  const { outcome, recorded } = await queue.complete(claimed.key, content);
  if (recorded !== content) {
    throw new CliError(
      'input',
      `grid run ${claimed.key}: this worker's result differs from the one recorded in ${queue.location} (another jahskit version?); the recorded one is kept`,
      { parameter: 'storage' },
    );
  }
  return outcome;
}

/** The job of a run, as plain JSON for the queue. */
export function queuedJob(job: RunJob): JsonValue {
  return { spec: job.spec, protocol: job.protocol } as unknown as JsonValue;
}
