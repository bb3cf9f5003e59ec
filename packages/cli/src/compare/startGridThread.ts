import { Worker } from 'node:worker_threads';
import type { GridThreadData } from './threadMessages';

/**
 * A grid thread. From the sources (a checkout, the tests) the thread registers tsx before loading
 * the TypeScript entry; from a build it loads the bundled `gridWorker.js` beside this module.
 */
export function startGridThread(data: GridThreadData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./gridWorkerSource.mjs', here), {
      workerData: { ...data, entry: new URL('./gridWorker.ts', here).href },
      execArgv: ['--conditions=@jahskit/source'],
    });
  }
  return new Worker(new URL('./gridWorker.js', here), { workerData: data });
}
