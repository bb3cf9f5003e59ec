import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, manifestSeeds, readManifest } from '../compare/GridManifest';
import { gridRuns, runFilePath } from '../compare/RunSpec';
import type { GridSnapshot, GridState, RunProgress } from './GridSnapshot';
import type { LiveRun } from './LiveRun';
import type { LiveRunCache } from './LiveRunCache';

/**
 * The state of a results folder: a grid of `jahskit compare` (its grid.json names every run, so runs
 * not started yet count in the total) or a folder of `jahskit run` files (one task per benchmark, the
 * runs present are the total). Unreadable run files are shown as errors, not thrown: one edited file
 * must not hide the rest of a grid.
 */
export function readGridState(dir: string, cache: LiveRunCache): GridState {
  if (existsSync(join(dir, MANIFEST_FILE))) return gridFolderState(dir, cache);
  const files = runFolderFiles(dir);
  if (files.length === 0) return waiting(`${dir} holds no ${MANIFEST_FILE} and no run file yet`);
  return runFolderState(dir, files, cache);
}

function gridFolderState(dir: string, cache: LiveRunCache): GridState {
  const manifest = readManifest(dir);
  const seeds = manifestSeeds(manifest);
  const progress: RunProgress[] = [];
  const runs: LiveRun[] = [];
  for (const spec of gridRuns(manifest.tasks, manifest.optimizers, seeds, manifest.skipped ?? [])) {
    const path = runFilePath(dir, spec);
    const file = path.slice(dir.length + 1);
    const read = cache.read(path);
    progress.push(progressOf(spec.task, spec.optimizer, spec.seed, file, read));
    if ('run' in read && read.run !== undefined) runs.push(read.run);
  }
  const title = `${manifest.optimizers.length} optimizers x ${manifest.tasks.length} tasks x ${seeds.length} seeds`;
  return {
    snapshot: {
      title,
      tasks: manifest.tasks.map((task) => ({ task, title: runs.find((r) => r.header.task === task)?.header.title ?? task })),
      optimizers: manifest.optimizers.map((o) => o.id),
      seeds,
      runs: progress,
      progress: count(progress),
    },
    runs,
  };
}

function runFolderState(dir: string, files: readonly string[], cache: LiveRunCache): GridState {
  const progress: RunProgress[] = [];
  const runs: LiveRun[] = [];
  for (const file of files) {
    const read = cache.read(join(dir, file));
    let run = 'run' in read ? read.run : undefined;
    // `run` files name their task "run": the benchmark is what tells their tasks apart (as in report).
    if (run !== undefined && run.header.task === 'run') run = { ...run, header: { ...run.header, task: run.header.benchmark } };
    progress.push(progressOf(run?.header.task ?? '', run?.header.optimizer ?? '', run?.header.seed ?? 0, file, run === undefined ? read : { run }));
    if (run !== undefined) runs.push(run);
  }
  const tasks = [...new Set(runs.map((r) => r.header.task))];
  const optimizers = [...new Set(runs.map((r) => r.header.optimizer))];
  const seeds = [...new Set(runs.map((r) => r.header.seed))].sort((a, b) => a - b);
  return {
    snapshot: {
      title: `${optimizers.length} optimizers x ${tasks.length} tasks (${files.length} run files)`,
      tasks: tasks.map((task) => ({ task, title: runs.find((r) => r.header.task === task)?.header.title ?? task })),
      optimizers,
      seeds,
      runs: progress,
      progress: count(progress),
    },
    runs,
  };
}

function progressOf(task: string, optimizer: string, seed: number, file: string, read: ReturnType<LiveRunCache['read']>): RunProgress {
  if ('error' in read) return { task, optimizer, seed, file, state: 'error', trials: 0, error: read.error };
  const run = read.run;
  if (run === undefined) return { task, optimizer, seed, file, state: 'pending', trials: 0 };
  return { task, optimizer, seed, file, state: run.end !== undefined ? 'finished' : 'running', trials: run.records.length };
}

function count(progress: readonly RunProgress[]): GridSnapshot['progress'] {
  return {
    finished: progress.filter((p) => p.state === 'finished').length,
    running: progress.filter((p) => p.state === 'running').length,
    total: progress.length,
  };
}

function waiting(reason: string): GridState {
  return {
    snapshot: {
      title: 'waiting for results',
      tasks: [],
      optimizers: [],
      seeds: [],
      runs: [],
      progress: { finished: 0, running: 0, total: 0 },
      waiting: reason,
    },
    runs: [],
  };
}

function runFolderFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl') && !name.endsWith('.timing.jsonl'))
      .sort();
  } catch {
    return [];
  }
}
