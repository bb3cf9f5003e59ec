import type { QueuedGrid, QueuedRunState, StudyListing } from '@jahskit/storage';
import { manifestSeeds, type GridManifest } from '../compare/GridManifest';
import { gridRuns, type RunSpec } from '../compare/RunSpec';
import type { GridSnapshot, GridState, RunProgress } from './GridSnapshot';
import type { LiveRun } from './LiveRun';
import type { CachedRun } from './LiveRunCache';
import { studyTask } from './studyLiveRun';

/** What one poll of a storage found (see StorageWatcher). */
export interface StorageContents {
  /** The storage's URL without its password. */
  readonly location: string;
  readonly grids: readonly QueuedGrid[];
  readonly states: ReadonlyMap<string, QueuedRunState>;
  /** The recorded results of the runs that are done, read. */
  readonly results: ReadonlyMap<string, CachedRun>;
  readonly studies: readonly { readonly listing: StudyListing; readonly run: LiveRun | undefined }[];
}

const STATES: Record<QueuedRunState['state'], RunProgress['state']> = { queued: 'pending', running: 'running', done: 'finished', failed: 'error' };

/**
 * A storage as the dashboard shows a results folder: the runs of every grid it records (a run shared
 * by two grids once; the newest grid's order first), then each study as a task of its own with one
 * run. Runs are named by their queue key where a folder's are named by their file.
 */
export function storageGridState(contents: StorageContents): GridState {
  const tasks: string[] = [];
  const optimizers: string[] = [];
  const seeds = new Set<number>();
  const progress: RunProgress[] = [];
  const runs: LiveRun[] = [];
  const seen = new Set<string>();
  const add = <T>(list: T[], item: T): void => {
    if (!list.includes(item)) list.push(item);
  };
  for (const grid of contents.grids) {
    const manifest = grid.manifest as unknown as GridManifest;
    const specs = gridRuns(manifest.tasks, manifest.optimizers, manifestSeeds(manifest), manifest.skipped ?? []);
    for (const task of manifest.tasks) add(tasks, task);
    for (const optimizer of manifest.optimizers) add(optimizers, optimizer.id);
    for (const seed of manifestSeeds(manifest)) seeds.add(seed);
    grid.keys.forEach((key, i) => {
      if (seen.has(key)) return;
      seen.add(key);
      const spec = specOfKey(key, specs[i]);
      const result = contents.results.get(key);
      const state = contents.states.get(key);
      const run = result !== undefined && 'run' in result ? result.run : undefined;
      const base = { task: spec?.task ?? '', optimizer: spec?.optimizer ?? '', seed: spec?.seed ?? 0, file: key };
      if (spec === undefined) progress.push({ ...base, state: 'error', trials: 0, error: `${grid.label}: the grid's manifest does not name this run` });
      else if (result !== undefined && 'error' in result) progress.push({ ...base, state: 'error', trials: 0, error: result.error });
      else if (state === undefined) progress.push({ ...base, state: 'pending', trials: 0 });
      else
        progress.push({ ...base, state: STATES[state.state], trials: run?.records.length ?? 0, ...(state.error !== undefined ? { error: state.error } : {}) });
      if (run !== undefined) runs.push(run);
    });
  }
  for (const { listing, run } of contents.studies) {
    if (run === undefined) continue;
    add(tasks, run.header.task);
    add(optimizers, run.header.optimizer);
    seeds.add(run.header.seed);
    progress.push({
      task: studyTask(listing.name),
      optimizer: run.header.optimizer,
      seed: run.header.seed,
      file: `study ${listing.name}`,
      state: 'running',
      trials: run.records.length,
    });
    runs.push(run);
  }
  const studies = contents.studies.filter((s) => s.run !== undefined).length;
  const snapshot: GridSnapshot = {
    title: `${contents.location}: ${plural(contents.grids.length, 'grid')}, ${plural(studies, 'study', 'studies')}`,
    tasks: tasks.map((task) => ({ task, title: runs.find((r) => r.header.task === task)?.header.title ?? task })),
    optimizers,
    seeds: [...seeds].sort((a, b) => a - b),
    runs: progress,
    progress: {
      finished: progress.filter((p) => p.state === 'finished').length,
      running: progress.filter((p) => p.state === 'running').length,
      total: progress.length,
    },
    ...(progress.length === 0 ? { waiting: `${contents.location} holds no grid and no study yet` } : {}),
  };
  return { snapshot, runs };
}

/** The run a grid's key stands for: its place in the manifest's runs, checked against the key's own words. */
function specOfKey(key: string, spec: RunSpec | undefined): RunSpec | undefined {
  return spec !== undefined && key.startsWith(`${spec.task}/${spec.optimizer}/seed${spec.seed}#`) ? spec : undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
