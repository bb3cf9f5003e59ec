import pg from 'pg';
import { CoreError, type JsonValue } from '@jahskit/core';
import { postgresErrorReason } from './postgresErrorReason';
import type { GridProgressCounts, GridQueue, QueuedGrid, QueuedRun, QueuedRunState } from '../grid/GridQueue';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jahskit_grid_runs (
  key text PRIMARY KEY,
  job text NOT NULL,
  state text NOT NULL DEFAULT 'queued',
  worker text,
  lease_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  result text,
  error text,
  enqueued_at timestamptz NOT NULL DEFAULT now(),
  seq bigserial
);
CREATE TABLE IF NOT EXISTS jahskit_grids (
  id text PRIMARY KEY,
  label text NOT NULL,
  manifest text NOT NULL,
  keys text[] NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * The grid queue in PostgreSQL: a run is claimed with `FOR UPDATE SKIP LOCKED`, so workers never wait
 * for each other's claims and never get the same run while its lease holds; leases are measured on
 * the server's clock, so machines need not agree on the time.
 */
export class PostgresGridQueue implements GridQueue {
  readonly location: string;
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;

  constructor(url: string) {
    this.location = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
    this.pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async enqueue(runs: readonly QueuedRun[]): Promise<number> {
    if (runs.length === 0) return 0;
    const result = await this.query(
      `INSERT INTO jahskit_grid_runs AS r (key, job) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (key) DO UPDATE SET state = 'queued', error = NULL WHERE r.state = 'failed'`,
      [runs.map((r) => r.key), runs.map((r) => JSON.stringify(r.job))],
    );
    return result.rowCount ?? 0;
  }

  async claim(worker: string, leaseSeconds: number, keys?: readonly string[]): Promise<QueuedRun | undefined> {
    const result = await this.query<{ key: string; job: string }>(
      `UPDATE jahskit_grid_runs SET state = 'running', worker = $1, lease_until = now() + make_interval(secs => $2), attempts = attempts + 1
       WHERE key = (SELECT key FROM jahskit_grid_runs
                    WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND ($3::text[] IS NULL OR key = ANY($3::text[]))
                    ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING key, job`,
      [worker, leaseSeconds, keys ?? null],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { key: row.key, job: JSON.parse(row.job) as QueuedRun['job'] };
  }

  async renew(worker: string, leaseSeconds: number): Promise<void> {
    await this.query(`UPDATE jahskit_grid_runs SET lease_until = now() + make_interval(secs => $2) WHERE worker = $1 AND state = 'running'`, [
      worker,
      leaseSeconds,
    ]);
  }

  async complete(key: string, result: string): Promise<{ readonly outcome: 'recorded' | 'duplicate'; readonly recorded: string }> {
    const updated = await this.query(`UPDATE jahskit_grid_runs SET state = 'done', result = $2, lease_until = NULL WHERE key = $1 AND state <> 'done'`, [
      key,
      result,
    ]);
    if ((updated.rowCount ?? 0) === 1) return { outcome: 'recorded', recorded: result };
    const existing = await this.query<{ result: string | null }>(`SELECT result FROM jahskit_grid_runs WHERE key = $1`, [key]);
    const recorded = existing.rows[0]?.result;
    if (recorded === undefined || recorded === null) throw new CoreError('storage', `grid run ${key} is not in ${this.location}`, { parameter: 'storage' });
    return { outcome: 'duplicate', recorded };
  }

  async fail(key: string, reason: string): Promise<void> {
    await this.query(`UPDATE jahskit_grid_runs SET state = 'failed', error = $2, lease_until = NULL WHERE key = $1 AND state = 'running'`, [key, reason]);
  }

  async failures(keys: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const result = await this.query<{ key: string; error: string }>(
      `SELECT key, error FROM jahskit_grid_runs WHERE key = ANY($1::text[]) AND state = 'failed'`,
      [keys],
    );
    return new Map(result.rows.map((r) => [r.key, r.error]));
  }

  async progress(keys: readonly string[]): Promise<GridProgressCounts> {
    const result = await this.query<{ state: string; lease_ok: boolean; n: string }>(
      `SELECT state, coalesce(lease_until >= now(), false) AS lease_ok, count(*) AS n FROM jahskit_grid_runs WHERE key = ANY($1::text[]) GROUP BY 1, 2`,
      [keys],
    );
    const counts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of result.rows) {
      const n = Number(row.n);
      if (row.state === 'done') counts.done += n;
      else if (row.state === 'failed') counts.failed += n;
      else if (row.state === 'running' && row.lease_ok) counts.running += n;
      else counts.queued += n;
    }
    return counts;
  }

  async results(keys: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const result = await this.query<{ key: string; result: string }>(
      `SELECT key, result FROM jahskit_grid_runs WHERE key = ANY($1::text[]) AND state = 'done'`,
      [keys],
    );
    return new Map(result.rows.map((r) => [r.key, r.result]));
  }

  async recordGrid(grid: Omit<QueuedGrid, 'recordedAt'>): Promise<void> {
    await this.query(
      `INSERT INTO jahskit_grids (id, label, manifest, keys) VALUES ($1, $2, $3, $4::text[])
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, recorded_at = now()`,
      [grid.id, grid.label, JSON.stringify(grid.manifest), grid.keys],
    );
  }

  async grids(): Promise<readonly QueuedGrid[]> {
    const result = await this.query<{ id: string; label: string; manifest: string; keys: string[]; recorded_at: Date }>(
      `SELECT id, label, manifest, keys, recorded_at FROM jahskit_grids ORDER BY recorded_at DESC, id`,
      [],
    );
    return result.rows.map((r) => ({
      id: r.id,
      label: r.label,
      manifest: JSON.parse(r.manifest) as JsonValue,
      keys: r.keys,
      recordedAt: r.recorded_at.toISOString(),
    }));
  }

  async runStates(keys: readonly string[]): Promise<readonly QueuedRunState[]> {
    type Row = { key: string; state: QueuedRunState['state']; lease_ok: boolean; attempts: number; worker: string | null; error: string | null };
    const result = await this.query<Row>(
      `SELECT key, state, coalesce(lease_until >= now(), false) AS lease_ok, attempts, worker, error FROM jahskit_grid_runs WHERE key = ANY($1::text[])`,
      [keys],
    );
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    return keys.flatMap((key) => {
      const r = byKey.get(key);
      if (r === undefined) return [];
      // As in `progress`: a run whose lease ran out waits for a worker to claim it again.
      const state = r.state === 'running' && !r.lease_ok ? 'queued' : r.state;
      return [{ key, state, attempts: r.attempts, ...(r.worker !== null ? { worker: r.worker } : {}), ...(r.error !== null ? { error: r.error } : {}) }];
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      // Two workers creating the table at once: the loser's error means the table is there.
      this.ready ??= this.pool.query(SCHEMA).then(
        () => undefined,
        (error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42P07') throw error;
        },
      );
      await this.ready;
      return await this.pool.query<R>(text, values);
    } catch (error) {
      this.ready = undefined;
      if (CoreError.is(error)) throw error;
      throw new CoreError('storage', `${this.location}: ${postgresErrorReason(error)}`, { parameter: 'storage', cause: error });
    }
  }
}
