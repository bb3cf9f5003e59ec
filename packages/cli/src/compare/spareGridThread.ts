import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startGridThread } from './startGridThread';

let spare: { readonly worker: Worker; exited: boolean } | undefined;

/**
 * Whether `jahskit compare <args>` will want a grid thread at once, as far as its arguments tell
 * before anything is loaded: more than one thread (--threads or --workers above 1, or not given on a
 * machine of several cores) on several protocols (--protocols or --benchmarks, default two), where a
 * thread per benchmark starts at once. Not for a grid of one protocol (threads start there only once
 * its runs show that they pay, and would load the same benchmark), nor to list, help or queue (--storage).
 */
export function compareMayUseThreads(args: readonly string[], cores: number = availableParallelism()): boolean {
  let threads = cores;
  let protocols = 2;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (['--help', '-h', '--list-protocols', '--storage', '--enqueue-only'].includes(arg.split('=')[0]!)) return false;
    const flag = /^--(threads|workers|protocols|benchmarks)(?:=(.*))?$/.exec(arg);
    if (flag === null) continue;
    const value = flag[2] ?? args[++i] ?? '';
    if (flag[1] === 'threads' || flag[1] === 'workers') threads = Number(value);
    else protocols = new Set(value.split(',').filter((name) => name.trim() !== '')).size;
  }
  return threads > 1 && protocols > 1;
}

/**
 * Starts a grid thread before the grid is known, so that its start-up (about 0.2 s of CPU: Node's
 * worker bootstrap, compiling the bundle, building the plugin registry) runs on the other core while
 * this thread loads the command and plans the grid, which takes about as long. runGrid hands it the
 * grid (see takeSpareGridThread); a grid that has no use for it terminates it, and a command that
 * never reaches a grid (an error, --storage) leaves it unreferenced, so that it never keeps the
 * process alive.
 */
export function startSpareGridThread(start: () => Worker = () => startGridThread()): void {
  if (spare !== undefined) return;
  let worker: Worker;
  try {
    worker = start();
  } catch {
    // The grid starts its threads the usual way then.
    return;
  }
  const held = { worker, exited: false };
  // Failures before the grid takes it are not the grid's: it starts its threads the usual way.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    held.exited = true;
  });
  worker.unref();
  spare = held;
}

/** The spare grid thread, once, while it is alive (undefined when none was started or it has died). */
export function takeSpareGridThread(): Worker | undefined {
  const held = spare;
  spare = undefined;
  if (held === undefined || held.exited) return undefined;
  held.worker.ref();
  return held.worker;
}
