import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CoreError } from '@jahskit/core';
import { PostgresGridQueue } from './PostgresGridQueue';
import { freshPostgresDatabase, type TestDatabase } from './postgresFixtures';

let database: TestDatabase;
let url: string;
beforeAll(async () => {
  database = await freshPostgresDatabase();
  url = database.url;
});
afterAll(async () => database.drop());

const runs = (keys: string[]) => keys.map((key) => ({ key, job: { key } }));

describe('PostgresGridQueue', () => {
  test('enqueuing the same runs twice adds nothing; claims hand out each run once', async () => {
    const a = new PostgresGridQueue(url);
    const b = new PostgresGridQueue(url);
    try {
      expect(await a.enqueue(runs(['r1', 'r2', 'r3']))).toBe(3);
      expect(await b.enqueue(runs(['r1', 'r2', 'r3', 'r4']))).toBe(1);
      const claimed = await Promise.all([a.claim('wa', 60), b.claim('wb', 60), a.claim('wa', 60), b.claim('wb', 60), a.claim('wa', 60)]);
      const keys = claimed.filter((c) => c !== undefined).map((c) => c.key);
      expect(keys.sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
      expect(await a.progress(['r1', 'r2', 'r3', 'r4'])).toEqual({ queued: 0, running: 4, done: 0, failed: 0 });
      expect(await a.complete('r1', 'result one')).toEqual({ outcome: 'recorded', recorded: 'result one' });
      expect(await b.complete('r1', 'result again')).toEqual({ outcome: 'duplicate', recorded: 'result one' });
      expect(await a.results(['r1', 'r2'])).toEqual(new Map([['r1', 'result one']]));
      await a.fail('r2', 'no data');
      expect(await a.failures(['r1', 'r2'])).toEqual(new Map([['r2', 'no data']]));
      expect(await b.enqueue(runs(['r1', 'r2']))).toBe(1);
      expect(await a.progress(['r1', 'r2', 'r3', 'r4'])).toEqual({ queued: 1, running: 2, done: 1, failed: 0 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a run whose lease ran out is claimed again by another worker', async () => {
    const queue = new PostgresGridQueue(url);
    try {
      await queue.enqueue(runs(['lease-1']));
      const dead: string[] = [];
      for (let c = await queue.claim('dead', 0.2); c !== undefined; c = await queue.claim('dead', 0.2)) dead.push(c.key);
      expect(dead).toContain('lease-1');
      expect(await queue.claim('alive', 60)).toBeUndefined();
      await new Promise((r) => setTimeout(r, 400));
      const alive: string[] = [];
      for (let c = await queue.claim('alive', 60); c !== undefined; c = await queue.claim('alive', 60)) alive.push(c.key);
      expect(alive.sort()).toEqual(dead.sort());
    } finally {
      await queue.close();
    }
  });

  test('recorded grids are listed with their manifest, and each run with its state and failure', async () => {
    const queue = new PostgresGridQueue(url);
    const other = new PostgresGridQueue(url);
    try {
      expect(await queue.grids()).toEqual([]);
      const keys = ['g/a', 'g/b', 'g/c', 'g/d'];
      await queue.enqueue(runs(keys));
      await queue.recordGrid({ id: 'grid-1', label: 'runs/one', manifest: { tasks: ['t'], seeds: 2 }, keys });
      await other.recordGrid({ id: 'grid-2', label: 'runs/two', manifest: { tasks: ['u'] }, keys: ['g/a'] });
      // Recorded again (a second compare of the same grid): still one grid, under its newest label.
      await queue.recordGrid({ id: 'grid-1', label: 'runs/one-again', manifest: { tasks: ['t'], seeds: 2 }, keys });
      const grids = await other.grids();
      expect(grids.map((g) => [g.id, g.label])).toEqual([
        ['grid-1', 'runs/one-again'],
        ['grid-2', 'runs/two'],
      ]);
      expect(grids[0]).toMatchObject({ manifest: { tasks: ['t'], seeds: 2 }, keys });
      expect(Number.isNaN(Date.parse(grids[0]?.recordedAt ?? ''))).toBe(false);

      const first = await queue.claim('w1', 60, ['g/a']);
      const second = await queue.claim('w1', 60, ['g/b']);
      await queue.claim('w2', 0.1, ['g/c']);
      await queue.complete(first?.key ?? '', 'the result');
      await queue.fail(second?.key ?? '', 'no data');
      await new Promise((r) => setTimeout(r, 200));
      const states = await other.runStates([...keys, 'not-queued']);
      expect(states).toEqual([
        { key: 'g/a', state: 'done', attempts: 1, worker: 'w1' },
        { key: 'g/b', state: 'failed', attempts: 1, worker: 'w1', error: 'no data' },
        // Its lease ran out: queued for the next worker, as progress counts it.
        { key: 'g/c', state: 'queued', attempts: 1, worker: 'w2' },
        { key: 'g/d', state: 'queued', attempts: 0 },
      ]);
    } finally {
      await queue.close();
      await other.close();
    }
  });

  test('an unreachable server is one storage error naming it, without the password', async () => {
    const queue = new PostgresGridQueue('postgresql://someone:secret@127.0.0.1:1/db');
    try {
      const error = await queue.enqueue(runs(['x'])).catch((e: unknown) => e);
      expect(CoreError.is(error) && error.kind).toBe('storage');
      expect((error as Error).message).toContain('127.0.0.1:1');
      expect((error as Error).message).not.toContain('secret');
      expect((error as Error).message).toContain('connection refused');
      const listing = await queue.grids().catch((e: unknown) => e);
      expect(CoreError.is(listing) && listing.kind).toBe('storage');
    } finally {
      await queue.close();
    }
  });
});
