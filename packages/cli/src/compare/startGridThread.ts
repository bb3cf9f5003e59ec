import { Worker } from 'node:worker_threads';

/**
 * A grid thread. From the sources (a checkout, the tests) the thread registers tsx before loading
 * the TypeScript entry; from a build it loads the bundled `gridWorker.js` beside this module.
 */
export function startGridThread(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./gridWorkerSource.mjs', here), {
      workerData: { entry: new URL('./gridWorker.ts', here).href },
      execArgv: ['--conditions=@jahskit/source'],
    });
  }
  return new Worker(new URL('./gridWorker.js', here));
}
