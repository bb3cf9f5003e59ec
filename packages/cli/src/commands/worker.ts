import { setTimeout as sleep } from 'node:timers/promises';
import type { PluginRegistry } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { RunContext } from '../compare/RunContext';
import { workQueue } from '../compare/workQueue';
import { defineCommand } from '../defineCommand';
import { parseIntegerOption } from '../parseIntegerOption';
import { defaultWorkerName } from '../study/openCliStudy';
import { loadStorage } from '../loadStorage';

const USAGE = `usage: jahskit worker --storage postgresql://user@host:port/db [--lease-seconds <s>] [--poll <s>] [--quiet]
  claims the runs that \`jahskit compare --storage <url>\` enqueued and records each run's results once;
  start any number, on any machines. A worker that dies loses its run to another after --lease-seconds
  (default 60); runs are deterministic, so the rerun gives the same result.
  --poll 10   when the queue is empty, look again every 10 s instead of exiting`;

const FLAGS = {
  storage: { type: 'string' },
  'lease-seconds': { type: 'string', default: '60' },
  poll: { type: 'string' },
  worker: { type: 'string' },
  quiet: { type: 'boolean', default: false },
} as const;

/** `jahskit worker`: works on the queue of distributed grids. */
export function workerCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'worker',
      summary: 'run queued grid runs from a PostgreSQL storage (distributed compare)',
      usage: USAGE,
      flags: FLAGS,
    },
    async ({ values }, io) => {
      const url = values.storage;
      if (url === undefined || !/^postgres(ql)?:\/\//.test(url)) {
        throw new CliError('usage', '--storage must be a postgresql:// URL: distributed grids are kept in PostgreSQL', {
          parameter: 'storage',
          allowed: 'postgresql://user@host:port/db',
        });
      }
      const leaseSeconds = parseIntegerOption(values['lease-seconds'], 'lease-seconds', 1);
      const poll = values.poll === undefined ? undefined : parseIntegerOption(values.poll, 'poll', 1);
      const worker = values.worker ?? defaultWorkerName();
      const queue = new (await loadStorage()).PostgresGridQueue(url);
      const context = new RunContext(registry(), io.env);
      // No signal handlers: a worker stopped mid-run simply loses its lease, and another worker (or this
      // one, started again) reruns the job with the same result.
      let failed = 0;
      try {
        for (;;) {
          const done = await workQueue(queue, context, {
            worker,
            leaseSeconds,
            onRun: (key, outcome, error) => {
              if (!values.quiet || outcome === 'failed')
                io.stderr(`${outcome === 'failed' ? 'failed' : 'ran'} ${key}${error !== undefined ? `: ${error}` : ''}\n`);
            },
          });
          failed += done.failed;
          if (poll === undefined) break;
          await sleep(poll * 1000);
        }
      } finally {
        await context.close();
        await queue.close();
      }
      return failed > 0 ? 1 : 0;
    },
  );
}
