// A grid thread: runs the jobs it is sent, one at a time, with every plugin jahskit ships.
import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { createRegistry } from '@jahskit/core';
import { describeError } from '../commandLineError';
import { defaultModules } from '../defaultModules';
import { executeRun, type RunJob } from './executeRun';
import { RunContext } from './RunContext';
import type { ThreadReply, ThreadRequest } from './threadMessages';

const port = parentPort;
if (port === null) throw new Error('gridWorker runs in a worker thread');
let context: RunContext | undefined;

port.on('message', (request: ThreadRequest) => {
  if (request.type === 'close') {
    void (context?.close() ?? Promise.resolve()).finally(() => port.close());
    return;
  }
  context ??= new RunContext(createRegistry(defaultModules()), process.env);
  executeRun(request.job as RunJob, context).then(
    (outcome): void => port.postMessage({ type: 'done', id: request.id, outcome } satisfies ThreadReply),
    (error: unknown): void => port.postMessage({ type: 'failed', id: request.id, message: describeError(error).line } satisfies ThreadReply),
  );
});
