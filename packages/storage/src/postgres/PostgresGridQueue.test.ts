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

  test('an unreachable server is one storage error naming it, without the password', async () => {
    const queue = new PostgresGridQueue('postgresql://someone:secret@127.0.0.1:1/db');
    try {
      const error = await queue.enqueue(runs(['x'])).catch((e: unknown) => e);
      expect(CoreError.is(error) && error.kind).toBe('storage');
      expect((error as Error).message).toContain('127.0.0.1:1');
      expect((error as Error).message).not.toContain('secret');
    } finally {
      await queue.close();
    }
  });
});

