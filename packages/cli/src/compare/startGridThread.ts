import { Worker } from 'node:worker_threads';
import type { GridThreadData } from './threadMessages';

/**
 * A grid thread. From a build it loads the bundled `gridWorker.js` beside this module; from the
 * sources (a checkout, the tests) a plain-JavaScript bootstrap loads the sources bundled into one
 * cached file (see gridWorkerBundle.mjs), so that the thread needs no TypeScript loader. Without
 * `data`, the thread loads its code and then waits for its data as its first message (see
 * spareGridThread).
 */
export function startGridThread(data?: GridThreadData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./gridWorkerSource.mjs', here), {
      workerData: { ...data, entry: new URL('./gridWorker.ts', here).href },
      // Only for the fallback through tsx, which resolves the packages to their sources.
      execArgv: ['--conditions=@jahskit/source'],
    });
  }
  return new Worker(new URL('./gridWorker.js', here), { workerData: data });
}
