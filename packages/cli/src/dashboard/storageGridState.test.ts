import { describe, expect, test } from 'vitest';
import type { QueuedGrid, QueuedRunState } from '@jahskit/storage';
import type { GridManifest } from '../compare/GridManifest';
import { storageGridState, type StorageContents } from './storageGridState';

const manifest = (tasks: string[], optimizers: string[], seeds: number): GridManifest => ({
  tasks,
  optimizers: optimizers.map((id) => ({ id, options: {} })),
  seeds,
  skipped: [],
});

const grid = (id: string, m: GridManifest, keys: string[]): QueuedGrid => ({
  id,
  label: `runs/${id}`,
  manifest: m as never,
  keys,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

const contents = (grids: QueuedGrid[], states: QueuedRunState[], extra: Partial<StorageContents> = {}): StorageContents => ({
  location: 'postgresql://me@db/x',
  grids,
  states: new Map(states.map((s) => [s.key, s])),
  results: new Map(),
  studies: [],
  ...extra,
});

describe('storageGridState', () => {
  test('a storage without grids or studies waits for them', () => {
    const { snapshot } = storageGridState(contents([], []));
    expect(snapshot.waiting).toBe('postgresql://me@db/x holds no grid and no study yet');
    expect(snapshot.title).toBe('postgresql://me@db/x: 0 grids, 0 studies');
  });

  test('every run of every grid once, named by its key, with its state; a failed run with its reason', () => {
    const a = grid('a', manifest(['t1'], ['rs'], 2), ['t1/rs/seed0#d', 't1/rs/seed1#d']);
    // A second grid shares a run with the first: it is shown once.
    const b = grid('b', manifest(['t1', 't2'], ['rs'], 1), ['t1/rs/seed0#d', 't2/rs/seed0#e']);
    const { snapshot } = storageGridState(
      contents(
        [a, b],
        [
          { key: 't1/rs/seed0#d', state: 'running', attempts: 1, worker: 'w' },
          { key: 't1/rs/seed1#d', state: 'failed', attempts: 1, worker: 'w', error: 'no data' },
          { key: 't2/rs/seed0#e', state: 'queued', attempts: 0 },
        ],
      ),
    );
    expect(snapshot.title).toBe('postgresql://me@db/x: 2 grids, 0 studies');
    expect(snapshot.tasks.map((t) => t.task)).toEqual(['t1', 't2']);
    expect(snapshot.seeds).toEqual([0, 1]);
    expect(snapshot.runs).toEqual([
      { task: 't1', optimizer: 'rs', seed: 0, file: 't1/rs/seed0#d', state: 'running', trials: 0 },
      { task: 't1', optimizer: 'rs', seed: 1, file: 't1/rs/seed1#d', state: 'error', trials: 0, error: 'no data' },
      { task: 't2', optimizer: 'rs', seed: 0, file: 't2/rs/seed0#e', state: 'pending', trials: 0 },
    ]);
    expect(snapshot.progress).toEqual({ finished: 0, running: 1, total: 3 });
  });

  test('a key that is not the run its manifest puts there, or a result that cannot be read, is an error, not a run', () => {
    const g = grid('a', manifest(['t1'], ['rs'], 2), ['t1/rs/seed1#d', 't1/rs/seed0#d']);
    const { snapshot, runs } = storageGridState(
      contents([grid('b', manifest(['t1'], ['rs'], 1), ['t1/rs/seed0#d']), g], [{ key: 't1/rs/seed0#d', state: 'done', attempts: 1 }], {
        results: new Map([['t1/rs/seed0#d', { error: 'line 2 was changed after it was written' }]]),
      }),
    );
    expect(runs).toEqual([]);
    expect(snapshot.runs.map((r) => [r.file, r.state, r.error])).toEqual([
      ['t1/rs/seed0#d', 'error', 'line 2 was changed after it was written'],
      ['t1/rs/seed1#d', 'error', "runs/a: the grid's manifest does not name this run"],
    ]);
  });
});
