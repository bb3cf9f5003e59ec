import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { snapshot } from './compareFixtures';
import type { RunJob } from './executeRun';
import { findProtocol } from './findProtocol';
import { runGrid } from './runGrid';
import { gridRuns, runFilePath } from './RunSpec';
import { startGridThread } from './startGridThread';
import type { GridThreadData } from './threadMessages';

const grid = (out: string, tasks: string[], optimizers: string[], seeds: number): RunJob[] =>
  gridRuns(
    tasks,
    optimizers.map((id) => ({ id, options: {} })),
    Array.from({ length: seeds }, (_, i) => i),
  ).map((spec) => ({ spec, protocol: findProtocol(spec.task), path: runFilePath(out, spec) }));

describe('runGrid', () => {
  test('without a context, this thread builds one from the default plugins (issue 13)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    for (const threads of [1, 4]) {
      const outcomes = await runGrid(grid(join(out, `t${threads}`), ['nb201'], ['rs'], 1), { threads });
      expect(outcomes).toMatchObject([{ status: 'ran', trials: expect.any(Number) }]);
    }
  });

  test('jobs on two benchmarks in two threads: each job once, the same bytes as in one thread', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    const progress: number[] = [];
    const two = await runGrid(grid(join(out, 'two'), ['nb201', 'jahs'], ['rs'], 3), { threads: 2, onProgress: (p) => progress.push(p.finished) });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(two.map((o) => o.status)).toEqual(Array(6).fill('ran'));
    const one = await runGrid(grid(join(out, 'one'), ['nb201', 'jahs'], ['rs'], 3), { threads: 1 });
    expect(one).toEqual(two);
    expect(snapshot(join(out, 'two'))).toEqual(snapshot(join(out, 'one')));
  });

  test('threads start only when the work left pays for them: never for a few short runs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    const started: number[] = [];
    const startThread = (data: GridThreadData): Worker => {
      started.push(data.claimer);
      return startGridThread(data);
    };
    const threads: number[] = [];
    await runGrid(grid(join(out, 'short'), ['nb201'], ['rs'], 3), { threads: 2, startThread, onProgress: (p) => threads.push(p.thread) });
    expect(started).toEqual([]);
    expect(threads).toEqual([0, 0, 0]);
    // Optimizers whose runs are not measured yet may take long: the thread starts after two runs (the
    // first of a thread is slow, its code warming up).
    const events: string[] = [];
    const noting = (data: GridThreadData): Worker => {
      events.push(`start ${data.claimer}`);
      return startGridThread(data);
    };
    await runGrid(grid(join(out, 'unknown'), ['nb201'], ['rs', 're', 'hyperband'], 2), {
      threads: 2,
      startThread: noting,
      onProgress: () => events.push('run'),
    });
    expect(events.slice(0, 3)).toEqual(['run', 'run', 'start 1']);
    // Several benchmarks: a thread per benchmark starts at once, each loading its own.
    events.length = 0;
    await runGrid(grid(join(out, 'two'), ['nb201', 'jahs'], ['rs'], 1), { threads: 4, startThread: noting, onProgress: () => events.push('run') });
    expect(events[0]).toBe('start 1');
    expect(events.filter((e) => e.startsWith('start'))).toEqual(['start 1']);
  });

  test('a spare thread, started before the grid was known, gets the grid at once: the same bytes as one thread', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    const threads: number[] = [];
    const spare = startGridThread();
    const two = await runGrid(grid(join(out, 'spare'), ['nb201', 'jahs'], ['rs'], 3), {
      threads: 2,
      spare,
      startThread: () => {
        throw new Error('the spare is the second thread');
      },
      onProgress: (p) => threads.push(p.thread),
    });
    // Which thread ran which job depends on how fast the spare loads (startThread was never called).
    expect(threads.every((t) => t === 0 || t === 1)).toBe(true);
    const one = await runGrid(grid(join(out, 'one'), ['nb201', 'jahs'], ['rs'], 3), { threads: 1 });
    expect(two).toEqual(one);
    expect(snapshot(join(out, 'spare'))).toEqual(snapshot(join(out, 'one')));
  });

  test('a spare thread that the grid has no use for ends with it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    for (const threads of [1, 2]) {
      const spare = startGridThread();
      const exited = new Promise((resolve) => spare.on('exit', resolve));
      const outcomes = await runGrid(grid(join(out, `t${threads}`), ['nb201'], ['rs'], 1), { threads, spare });
      expect(outcomes.map((o) => o.status)).toEqual(['ran']);
      await exited;
    }
  });

  test('a grid thread that fails to start leaves the work to the others', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    const broken = (): Worker => new Worker('throw new Error("no such thread")', { eval: true });
    const outcomes = await runGrid(grid(out, ['nb201'], ['rs', 're', 'hyperband'], 2), { threads: 3, startThread: broken });
    expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill('ran'));
  });

  test('failing jobs are reported together, from whichever thread ran them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-grid-'));
    const jobs = grid(out, ['nashpobench2', 'nb201'], ['rs'], 2);
    await expect(runGrid(jobs, { threads: 2 })).rejects.toThrow(
      /2 of 4 runs failed; the first: .*nashpobench2.*seed\d\.jsonl: nashpobench2: no data folder is set/,
    );
    expect([...snapshot(out).keys()].sort()).toEqual(['nb201/rs/seed0.jsonl', 'nb201/rs/seed1.jsonl']);
  });
});
