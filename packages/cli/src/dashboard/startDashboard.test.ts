import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import { attainmentSurfaces } from './attainmentSurfaces';
import { writeSmallGrid } from './dashboardFixtures';
import { startDashboard, type Dashboard } from './startDashboard';

async function get(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

async function json<T = Record<string, unknown>>(base: string, path: string): Promise<T> {
  const { status, body } = await get(base, path);
  expect(status, `${path}: ${body}`).toBe(200);
  return JSON.parse(body) as T;
}

/** Resolves with the versions of the first `count` change events of the stream. */
/** The versions of the first `count` change events; `opened` is called with the first (the version on connecting). */
async function changeEvents(base: string, count: number, signal: AbortSignal, opened?: () => void): Promise<number[]> {
  const response = await fetch(new URL('/api/events', base), { signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const versions: number[] = [];
  let text = '';
  while (versions.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
    for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n')) {
      const event = text.slice(0, end);
      text = text.slice(end + 2);
      const data = /^data: (.*)$/m.exec(event)?.[1];
      if (event.startsWith('event: change') && data !== undefined) {
        versions.push((JSON.parse(data) as { version: number }).version);
        if (versions.length === 1) opened?.();
      }
    }
  }
  await reader.cancel();
  return versions;
}

describe('startDashboard on a finished grid', () => {
  let grid = '';
  let dashboard: Dashboard;

  beforeAll(async () => {
    grid = await writeSmallGrid();
    dashboard = await startDashboard({ dir: grid, port: 0, surfacesOf: attainmentSurfaces });
  });
  afterAll(() => dashboard?.close());

  test('listens on 127.0.0.1 and serves the page, which loads nothing but its own server', async () => {
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(dashboard.url, '/');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('<script src="/vega.js"></script>');
    expect(page.body).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    const vega = await get(dashboard.url, '/vega.js');
    expect(vega.type).toMatch(/^text\/javascript/);
    expect(vega.body.length).toBeGreaterThan(100_000);
  });

  test('/api/grid: protocols, optimizers, seeds and every run finished', async () => {
    const body = await json<{ tasks: { task: string; title: string }[]; optimizers: string[]; seeds: number[]; progress: unknown; runs: { state: string }[] }>(
      dashboard.url,
      '/api/grid',
    );
    expect(body.tasks.map((t) => t.task)).toEqual(['nb201', 'nb201-mo']);
    expect(body.tasks[1]!.title).toBe('NAS-Bench-201 CIFAR-10: validation error and parameters');
    expect(body.optimizers).toEqual(['rs', 're', 'nsga2']);
    expect(body.seeds).toEqual([0, 1, 2]);
    // 2 tasks x 2 optimizers each (re skips the two-objective task, nsga2 the other) x 3 seeds.
    expect(body.progress).toEqual({ finished: 12, running: 0, total: 12 });
    expect(body.runs.every((r) => r.state === 'finished')).toBe(true);
  });

  test('/api/tasks/<task>: trajectories with SEM, anytime ranks, Pareto fronts with the true front and attainment surfaces, and their charts', async () => {
    const view = await json<{
      analysis: { trajectories: { optimizer: string; sem: (number | null)[] }[]; anytimeRanks: unknown[]; pareto: { trueFront: unknown[] } };
      charts: { id: string; vega: { marks?: unknown[] } }[];
      final: { headers: string[]; rows: string[][] };
    }>(dashboard.url, '/api/tasks/nb201-mo');
    expect(view.analysis.trajectories.map((t) => t.optimizer)).toEqual(['rs', 'nsga2']);
    expect(view.analysis.trajectories[0]!.sem.some((s) => s !== null && s > 0)).toBe(true);
    expect(view.analysis.anytimeRanks).toHaveLength(2);
    expect(view.analysis.pareto.trueFront.length).toBeGreaterThan(5);
    expect(view.charts.map((c) => c.id)).toEqual(['trajectory', 'ranks', 'trials', 'pareto']);
    const pareto = JSON.stringify(view.charts[3]!.vega);
    expect(pareto).toContain('"level":"median"');
    expect(pareto).toContain('"surface":"nsga2 75%"');
    expect(view.final.rows.map((r) => r[0])).toHaveLength(2);
    const single = await json<{ charts: { id: string }[] }>(dashboard.url, '/api/tasks/nb201');
    expect(single.charts.map((c) => c.id)).toEqual(['trajectory', 'ranks', 'trials']);
  });

  test('/api/tasks/<task>/trials: the per-trial records of a run, configuration, fidelity, objectives and metrics as columns', async () => {
    const table = await json<{ columns: { name: string; group: string; numeric: boolean }[]; rows: Record<string, unknown>[] }>(
      dashboard.url,
      '/api/tasks/nb201/trials?optimizer=rs&seed=1',
    );
    expect(table.rows).toHaveLength(70);
    expect(table.rows.every((r) => r['optimizer'] === 'rs' && r['seed'] === 1)).toBe(true);
    expect(table.rows.map((r) => r['trial'])).toEqual(Array.from({ length: 70 }, (_, i) => i));
    const names = table.columns.map((c) => c.name);
    expect(names.slice(0, 7)).toEqual(['optimizer', 'seed', 'trial', 'status', 'full fidelity', 'x', 'cost']);
    expect(names).toContain('op_0_1');
    expect(names).toContain('fidelity epoch');
    expect(table.columns.find((c) => c.name === 'op_0_1')).toMatchObject({ group: 'config', numeric: false });
    const all = await json<{ rows: unknown[] }>(dashboard.url, '/api/tasks/nb201/trials');
    expect(all.rows).toHaveLength(2 * 3 * 70);
    const parallel = await json<{ vega: object }>(dashboard.url, '/api/tasks/nb201-mo/parallel?seed=0');
    expect(JSON.stringify(parallel.vega)).toContain('"axis":"valid_error"');
  });

  test('/api/tasks/<task>/importance: functional ANOVA shares of the six NB201 edges, per objective, and their bar chart', async () => {
    type Importance = {
      version: number;
      importance: {
        space: string;
        available: number;
        used: number;
        objectives: { objective: string; trees: number; parameters: { name: string; importance: number; std: number }[]; pairs: { name: string }[] }[];
      };
      vega: object;
    };
    const pooled = await json<Importance>(dashboard.url, '/api/tasks/nb201/importance');
    expect(pooled.importance.space).toBe('benchmark');
    expect(pooled.importance.available).toBe(2 * 3 * 70);
    const [only] = pooled.importance.objectives;
    expect(only!.objective).toBe('valid_error');
    expect(only!.trees).toBe(16);
    expect(only!.parameters.map((p) => p.name).sort()).toEqual(['op_0_1', 'op_0_2', 'op_0_3', 'op_1_2', 'op_1_3', 'op_2_3']);
    const shares = only!.parameters.map((p) => p.importance);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(only!.pairs).toHaveLength(3);
    expect(JSON.stringify(pooled.vega)).toContain('"type":"rect"');
    const one = await json<Importance>(dashboard.url, '/api/tasks/nb201/importance?optimizer=rs&seed=1');
    expect(one.importance.available).toBe(70);
    // Two objectives: one set of shares each, the parameters sorted by the first.
    const mo = await json<Importance>(dashboard.url, '/api/tasks/nb201-mo/importance?seed=0');
    expect(mo.importance.objectives.map((o) => o.objective)).toEqual(['valid_error', 'params_mb']);
    expect((await get(dashboard.url, '/api/tasks/nb201/importance?seed=-1')).status).toBe(400);
  });

  test('bad requests get JSON errors naming what is wrong, never a stack', async () => {
    const unknown = await get(dashboard.url, '/api/tasks/nope');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: 'no task nope in this grid' });
    const seed = await get(dashboard.url, '/api/tasks/nb201/trials?seed=x');
    expect(seed.status).toBe(400);
    expect(JSON.parse(seed.body)).toEqual({ error: 'seed must be a whole number, got "x"' });
    const encoding = await get(dashboard.url, '/api/tasks/%E0%A4%A');
    expect(encoding.status).toBe(400);
    expect(JSON.parse(encoding.body)).toEqual({ error: 'the task in the address is not valid percent-encoding: "%E0%A4%A"' });
    expect((await get(dashboard.url, '/etc/passwd')).status).toBe(404);
    expect((await get(dashboard.url, '/api/tasks/..%2F..%2Fetc/trials')).status).toBe(404);
    expect((await fetch(new URL('/api/grid', dashboard.url), { method: 'POST' })).status).toBe(405);
  });

  test('a request naming another host (DNS rebinding) is refused', async () => {
    const { port } = new URL(dashboard.url);
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/api/grid', headers: { host: `evil.example:${port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });
});

describe('startDashboard on a grid being written', () => {
  test('progress and runs follow the folder, and the event stream announces each change', async () => {
    const source = await writeSmallGrid();
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-live-'));
    const dashboard = await startDashboard({ dir, port: 0, debounceMs: 50, pollMs: 200 });
    const abort = new AbortController();
    try {
      // Nothing yet: the page waits for compare's grid.json.
      const empty = await json<{ waiting?: string; progress: unknown }>(dashboard.url, '/api/grid');
      expect(empty.waiting).toMatch(/holds no grid\.json and no run file yet/);

      // The folder changes only once the stream is open, so that its first event is the empty folder's.
      let opened!: () => void;
      const connected = new Promise<void>((resolve) => (opened = resolve));
      const events = changeEvents(dashboard.url, 3, abort.signal, opened);
      await connected;
      copyFileSync(join(source, 'grid.json'), join(dir, 'grid.json'));
      await until(async () => (await json<{ progress: { total: number } }>(dashboard.url, '/api/grid')).progress.total === 12);

      // Half of a run file, its last line torn as a writer would leave it mid-write.
      const run = 'nb201/rs/seed0.jsonl';
      const lines = readFileSync(join(source, run), 'utf8').split('\n');
      mkdirSync(dirname(join(dir, run)), { recursive: true });
      writeFileSync(join(dir, run), `${lines.slice(0, 21).join('\n')}\n${lines[21]!.slice(0, 30)}`);
      await until(async () => (await json<{ progress: { running: number } }>(dashboard.url, '/api/grid')).progress.running === 1);
      const partial = await json<{ runs: { file: string; state: string; trials: number }[] }>(dashboard.url, '/api/grid');
      expect(partial.runs.find((r) => r.file === run)).toMatchObject({ state: 'running', trials: 20 });
      const growing = await json<{ charts: unknown[]; runs: number }>(dashboard.url, '/api/tasks/nb201');
      expect(growing.runs).toBe(1);
      expect(growing.charts).toHaveLength(3);

      // The writer finishes the line and the run.
      appendFileSync(join(dir, run), `${lines[21]!.slice(30)}\n${lines.slice(22).join('\n')}`);
      await until(async () => (await json<{ progress: { finished: number } }>(dashboard.url, '/api/grid')).progress.finished === 1);
      const versions = await events;
      expect(versions[0]).toBe(0);
      expect(versions[1]!).toBeGreaterThan(versions[0]!);
      expect(versions[2]!).toBeGreaterThan(versions[1]!);
    } finally {
      abort.abort();
      await dashboard.close();
    }
  });

  test('an edited run file shows as an error of that run; the rest of the grid is still served', async () => {
    const dir = await writeSmallGrid();
    const run = join(dir, 'nb201/re/seed2.jsonl');
    writeFileSync(run, readFileSync(run, 'utf8').replace('"status":"ok"', '"status":"ok" '));
    const dashboard = await startDashboard({ dir, port: 0 });
    try {
      const grid = await json<{ progress: unknown; runs: { file: string; state: string; error?: string }[] }>(dashboard.url, '/api/grid');
      expect(grid.progress).toEqual({ finished: 11, running: 0, total: 12 });
      expect(grid.runs.find((r) => r.file === 'nb201/re/seed2.jsonl')).toMatchObject({
        state: 'error',
        error: expect.stringMatching(/line 2 was changed after it was written/),
      });
      expect((await get(dashboard.url, '/api/tasks/nb201')).status).toBe(200);
    } finally {
      await dashboard.close();
    }
  });

  test('a folder of jahskit run files: one task per benchmark, the files present are the runs', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-runs-'));
    for (const [optimizer, seed] of [
      ['rs', '1'],
      ['re', '2'],
    ] as const) {
      const args = ['run', '--benchmark', 'nb201', '--optimizer', optimizer, '--seed', seed, '--budget', '20', '--quiet', '--out', 'runs'];
      expect(await runCli(args, memoryIo('', cwd))).toBe(0);
    }
    const dashboard = await startDashboard({ dir: join(cwd, 'runs'), port: 0 });
    try {
      const grid = await json<{ tasks: { task: string }[]; optimizers: string[]; seeds: number[]; progress: unknown }>(dashboard.url, '/api/grid');
      expect(grid.tasks.map((t) => t.task)).toEqual(['nb201/cifar10']);
      expect(grid.optimizers.sort()).toEqual(['re', 'rs']);
      expect(grid.seeds).toEqual([1, 2]);
      expect(grid.progress).toEqual({ finished: 2, running: 0, total: 2 });
      const trials = await json<{ rows: unknown[] }>(dashboard.url, `/api/tasks/${encodeURIComponent('nb201/cifar10')}/trials?optimizer=rs`);
      expect(trials.rows).toHaveLength(20);
    } finally {
      await dashboard.close();
    }
  });

  test('a port in use is an io error naming --port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-port-'));
    const first = await startDashboard({ dir, port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startDashboard({ dir, port })).rejects.toMatchObject({
        kind: 'io',
        message: expect.stringMatching(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/),
      });
    } finally {
      await first.close();
    }
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the dashboard to see the change');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
