import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { compareMayUseThreads, startSpareGridThread, takeSpareGridThread } from './spareGridThread';

describe('spareGridThread', () => {
  test('compare wants a thread at once: more than one thread on several protocols; never to list, help or queue', () => {
    expect(compareMayUseThreads([], 2)).toBe(true);
    expect(compareMayUseThreads([], 1)).toBe(false);
    expect(compareMayUseThreads(['--protocols', 'nb201', '--threads', '1'], 8)).toBe(false);
    expect(compareMayUseThreads(['--threads=1'], 8)).toBe(false);
    expect(compareMayUseThreads(['--threads', '2'], 1)).toBe(true);
    expect(compareMayUseThreads(['--workers=3'], 1)).toBe(true);
    expect(compareMayUseThreads(['--threads', 'many'], 8)).toBe(false);
    // One protocol: threads start there once the runs show they pay.
    expect(compareMayUseThreads(['--protocols', 'nb201', '--seeds', '3'], 8)).toBe(false);
    expect(compareMayUseThreads(['--benchmarks=nb201,nb201'], 8)).toBe(false);
    expect(compareMayUseThreads(['--protocols=nb201,jahs', '--optimizers', 'tpe'], 8)).toBe(true);
    for (const flag of ['--list-protocols', '--help', '--storage=postgresql://h/db', '--enqueue-only']) expect(compareMayUseThreads([flag], 8)).toBe(false);
    // After `--`, nothing is a flag.
    expect(compareMayUseThreads(['--', '--threads', '1'], 8)).toBe(true);
  });

  test('the spare is taken once; one that died before it was taken is not handed out', async () => {
    expect(takeSpareGridThread()).toBeUndefined();
    const waiting = (): Worker => new Worker("require('node:worker_threads').parentPort.once('message', () => process.exit(0))", { eval: true });
    startSpareGridThread(waiting);
    const spare = takeSpareGridThread();
    expect(spare).toBeInstanceOf(Worker);
    expect(takeSpareGridThread()).toBeUndefined();
    await spare!.terminate();

    startSpareGridThread(() => new Worker('process.exit(3)', { eval: true }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(takeSpareGridThread()).toBeUndefined();
    // A thread that cannot start leaves nothing behind (the grid starts its own).
    startSpareGridThread(() => {
      throw new Error('no threads here');
    });
    expect(takeSpareGridThread()).toBeUndefined();
  });
});
