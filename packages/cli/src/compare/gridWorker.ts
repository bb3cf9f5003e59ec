// A grid thread: claims jobs of the grid until none is left, runs them with every plugin jahskit
// ships, and posts each outcome. It exits on its own; the grid only ever terminates a thread that has
// claimed nothing. A spare thread (started before its grid was known, see spareGridThread) gets its
// data as its first message, and builds its plugin registry while it waits.
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { createRegistry, type PluginRegistry } from '@jahskit/core';
import { defaultModules } from '../defaultModules';
import { GridClaims } from './GridClaims';
import { preloadWhileIdle } from './preloadWhileIdle';
import { RunContext } from './RunContext';
import type { GridThreadData, ThreadReply } from './threadMessages';
import { timedRun } from './timedRun';

const port = parentPort;
if (port === null) throw new Error('gridWorker runs in a worker thread');
const given = workerData as Partial<GridThreadData> | undefined;
let registry: PluginRegistry | undefined;
let data: GridThreadData;
if (given?.jobs !== undefined) {
  data = given as GridThreadData;
} else {
  registry = createRegistry(defaultModules());
  [data] = (await once(port, 'message')) as [GridThreadData];
}
const { jobs, claims: shared, claimer, env } = data;
const claims = GridClaims.attach(shared);
let context: RunContext | undefined;
const preloaded = new Set<number>();

for (;;) {
  const seen = claims.version;
  const claim = claims.claim(claimer);
  if (claim.kind === 'done') break;
  if (claim.kind === 'wait') {
    context ??= new RunContext(registry ?? createRegistry(defaultModules()), env);
    if (await preloadWhileIdle(claims, claimer, jobs, context, preloaded)) continue;
    // The timeout only bounds a missed wake-up: every claim, finish and retirement wakes the waiters.
    claims.waitForChange(seen, 1000);
    continue;
  }
  context ??= new RunContext(registry ?? createRegistry(defaultModules()), env);
  const run = await timedRun(jobs[claim.job]!, context);
  // Posted before the claim is marked finished: were this thread to die in between, the grid would
  // count the job as lost, but it has the outcome already and reports each job once.
  port.postMessage(
    (run.outcome !== undefined
      ? { type: 'done', id: claim.job, outcome: run.outcome }
      : { type: 'failed', id: claim.job, message: run.error ?? 'failed' }) satisfies ThreadReply,
  );
  claims.finish(claimer, claim.job, run.timing, run.holdsBenchmark);
}
await context?.close();
