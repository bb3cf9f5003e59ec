import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GridQueue } from '@jahskit/storage';
import { describeError } from '../commandLineError';
import { executeQueuedRun } from './executeQueuedRun';
import type { RunContext } from './RunContext';

export interface WorkQueueOptions {
  readonly worker: string;
  readonly leaseSeconds: number;
  /** Only these runs (a grid's own); default any. */
  readonly keys?: readonly string[];
  /** Stop when this returns true (checked between runs). */
  readonly stop?: () => boolean;
  readonly onRun?: (key: string, outcome: 'recorded' | 'duplicate' | 'failed', error?: string) => void;
}

/**
 * Claims and runs jobs until the queue has none left to hand out. The lease of the running job is
 * renewed a few times per lease period, so only a worker that died loses its job.
 */
export async function workQueue(queue: GridQueue, context: RunContext, options: WorkQueueOptions): Promise<{ ran: number; failed: number }> {
  const scratch = join(tmpdir(), `jahskit-worker-${process.pid}`);
  const renewal = setInterval(() => void queue.renew(options.worker, options.leaseSeconds).catch(() => undefined), (options.leaseSeconds * 1000) / 3);
  renewal.unref();
  let ran = 0;
  let failed = 0;
  try {
    while (options.stop?.() !== true) {
      const claimed = await queue.claim(options.worker, options.leaseSeconds, options.keys);
      if (claimed === undefined) break;
      try {
        options.onRun?.(claimed.key, await executeQueuedRun(queue, claimed, context, scratch));
        ran++;
      } catch (error) {
        failed++;
        const line = describeError(error).line;
        await queue.fail(claimed.key, line);
        options.onRun?.(claimed.key, 'failed', line);
      }
    }
  } finally {
    clearInterval(renewal);
  }
  return { ran, failed };
}
