import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRegistry, StoredStudy } from '@jahskit/core';
import { randomSearchModule } from '@jahskit/optimizers';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { openStorage } from '@jahskit/storage';
import { freshPostgresDatabase, type TestDatabase } from '@jahskit/storage/testing';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import type { GridSnapshot } from './GridSnapshot';
import { startDashboard, type Dashboard } from './startDashboard';
import { StorageWatcher } from './StorageWatcher';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshPostgresDatabase();
});
afterAll(async () => database.drop());

async function json<T>(base: string, path: string): Promise<T> {
  const response = await fetch(new URL(path, base));
  const body = await response.text();
  expect(response.status, `${path}: ${body}`).toBe(200);
  return JSON.parse(body) as T;
}

/** Asks for the grid until `done` holds (the dashboard polls the storage every 100 ms here). */
async function gridWhen(base: string, done: (grid: GridSnapshot) => boolean): Promise<GridSnapshot> {
  for (let i = 0; ; i++) {
    const grid = await json<GridSnapshot>(base, '/api/grid');
    if (done(grid)) return grid;
    if (i > 300) throw new Error(`the dashboard never showed it: ${JSON.stringify(grid).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const grid = ['compare', '--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '2', '--budget', '20', '--threads', '1', '--quiet', '--out', 'shared'];

describe('the dashboard of a PostgreSQL storage', () => {
  let dashboard: Dashboard;
  let watcher: StorageWatcher;

  beforeAll(async () => {
    watcher = await StorageWatcher.open(database.url, tmpdir());
    dashboard = await startDashboard({ source: watcher, pollMs: 100 });
  });
  afterAll(async () => {
    await dashboard?.close();
    await watcher?.close();
  });

  test('shows a grid that compare --storage queues and runs while it serves, and a two-objective study', { timeout: 60_000 }, async () => {
    const empty = await json<GridSnapshot>(dashboard.url, '/api/grid');
    expect(empty.waiting).toMatch(/holds no grid and no study yet$/);

    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-storage-'));
    expect(await runCli([...grid, '--storage', database.url, '--enqueue-only'], memoryIo('', cwd))).toBe(0);
    const queued = await gridWhen(dashboard.url, (g) => g.runs.length === 2);
    expect(queued.tasks.map((t) => t.task)).toEqual(['nb201']);
    expect(queued.optimizers).toEqual(['rs']);
    expect(queued.seeds).toEqual([0, 1]);
    expect(queued.runs.map((r) => [r.optimizer, r.seed, r.state])).toEqual([
      ['rs', 0, 'pending'],
      ['rs', 1, 'pending'],
    ]);
    expect(queued.title).toMatch(/: 1 grid, 0 studies$/);

    // This compare works on the queue itself, while the dashboard serves.
    const collected = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', database.url], collected), collected.err()).toBe(0);
    const done = await gridWhen(dashboard.url, (g) => g.progress.finished === 2);
    expect(done.runs.map((r) => [r.state, r.trials])).toEqual([
      ['finished', 20],
      ['finished', 20],
    ]);
    const view = await json<{ runs: number; charts: { id: string }[]; analysis: { optimizers: unknown[] } }>(dashboard.url, '/api/tasks/nb201');
    expect(view.runs).toBe(2);
    expect(view.charts.map((c) => c.id)).toContain('trajectory');
    const trials = await json<{ rows: unknown[] }>(dashboard.url, '/api/tasks/nb201/trials?seed=1');
    expect(trials.rows).toHaveLength(20);

    // A study in the same database appears as a task of its own, and grows as trials are told.
    const storage = openStorage(database.url);
    try {
      const space = new ConfigurationSpace({ name: 'two', parameters: [float('x', 0, 1)] });
      const study = await StoredStudy.create({
        storage,
        name: 'pareto',
        space,
        objectives: ['f1', 'f2'],
        optimizer: { id: 'rs' },
        seed: 3,
        registry: createRegistry([randomSearchModule]),
      });
      for (const trial of await study.ask(6)) {
        const x = trial.config['x'] as number;
        await study.tell({ trialId: trial.id, objectives: [x, (1 - x) ** 2] });
      }
      const withStudy = await gridWhen(dashboard.url, (g) => g.runs.some((r) => r.task === 'study:pareto' && r.trials === 6));
      expect(withStudy.title).toMatch(/: 1 grid, 1 study$/);
      expect(withStudy.runs.find((r) => r.task === 'study:pareto')).toMatchObject({ optimizer: 'rs', seed: 3, state: 'running', trials: 6 });
      const studyView = await json<{ title: string; charts: { id: string }[] }>(dashboard.url, `/api/tasks/${encodeURIComponent('study:pareto')}`);
      expect(studyView.title).toBe('study pareto');
      expect(studyView.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['trajectory', 'pareto']));
      const [next] = await study.ask();
      await study.tell({ trialId: next!.id, objectives: [0.5, 0.25] });
      await gridWhen(dashboard.url, (g) => g.runs.find((r) => r.task === 'study:pareto')?.trials === 7);
    } finally {
      await storage.close();
    }
  });
});

describe('jahskit dashboard <storage URL>', () => {
  test('serves the storage until stopped, naming it without its password', async () => {
    const io = memoryIo('', tmpdir());
    const url = new URL(database.url);
    url.password = 'not-needed';
    let grid: GridSnapshot | undefined;
    const { dashboardCommand } = await import('../commands/dashboard');
    const command = dashboardCommand({ until: async (at) => void (grid = await json<GridSnapshot>(at, '/api/grid')) });
    expect(await command.run([url.href], io)).toBe(0);
    expect(grid?.title).toContain(':***@');
    expect(io.out()).toMatch(/^dashboard of postgresql:\/\/[^:]+:\*\*\*@.* at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
    expect(io.out()).not.toContain('not-needed');
  });

  test.each([
    [
      'an unreachable server',
      'postgresql://me@127.0.0.1:1/grid',
      /^jahskit dashboard: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/grid: connection refused/,
    ],
    ['an unknown scheme', 'ftp://host/grid', /^jahskit dashboard: unknown storage "ftp:\/\/host\/grid"; use memory:, file:/],
    ['a journal file that is not there', 'file:nothing.jsonl', /^jahskit dashboard: file:.*nothing\.jsonl does not exist; give the journal file/],
  ])('%s is one line and exit 1', async (_, url, message) => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-dashboard-storage-')));
    expect(await runCli(['dashboard', url], io)).toBe(1);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  test('a wrong password is one line and exit 1, naming the user and never the password', async () => {
    const url = new URL(database.url);
    url.username = 'nobody';
    url.password = 's3cret-wrong';
    const io = memoryIo('', tmpdir());
    expect(await runCli(['dashboard', url.href], io)).toBe(1);
    expect(io.err()).toMatch(/^jahskit dashboard: cannot connect to PostgreSQL at .*: password authentication failed for user "nobody"\n$/);
    expect(io.err()).not.toContain('s3cret');
  });
});
