import { createServer } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import type { JournalOp, StudyStorage } from '@jahskit/core';
import { coreErrorOfAsync, describeStorageConformance } from '@jahskit/core/testing';
import { adminQuery, freshPostgresDatabase, postgresAdminUrl, randomSuffix, withDatabase, type TestDatabase } from './postgresFixtures';
import { PostgresStorage } from './PostgresStorage';

const databases: TestDatabase[] = [];
const storages: StudyStorage[] = [];
afterAll(async () => {
  await Promise.all(storages.map((s) => s.close()));
  for (const database of databases) await database.drop();
});

async function freshDatabase(options: { owner?: string } = {}): Promise<TestDatabase> {
  const database = await freshPostgresDatabase(options);
  databases.push(database);
  return database;
}

function storageAt(url: string): PostgresStorage {
  const storage = new PostgresStorage(url);
  storages.push(storage);
  return storage;
}

describeStorageConformance({ make: async () => new PostgresStorage((await freshDatabase()).url) });

/** A role that must log in with its password, and a database of its own; both dropped at the end. */
async function withRole(
  body: (role: string, database: TestDatabase, login: (password?: string) => PostgresStorage) => Promise<void>,
  owner = false,
): Promise<void> {
  const role = `jahskit_user_${randomSuffix()}`;
  await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'right-secret'`);
  const opened: PostgresStorage[] = [];
  let database: TestDatabase | undefined;
  try {
    database = await freshDatabase(owner ? { owner: role } : {});
    const db = database;
    await body(role, db, (password) => {
      const storage = new PostgresStorage(withDatabase(db.url, db.name, { user: role, ...(password === undefined ? {} : { password }) }));
      opened.push(storage);
      return storage;
    });
  } finally {
    await Promise.all(opened.map((s) => s.close()));
    await database?.drop();
    await adminQuery(`DROP ROLE IF EXISTS ${role}`);
  }
}

const hb = (at: number): JournalOp => ({ op: 'heartbeat', worker: 'w', at });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('PostgresStorage', () => {
  test("storages in other processes (other pools) see each other's appends, each entry once", async () => {
    const { url } = await freshDatabase();
    const pools = [storageAt(url), storageAt(url), storageAt(url)];
    const seen = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (pools[i % 3] as PostgresStorage).transact('s', -1, (entries) => ({ append: [hb(i)], result: entries.length }))),
    );
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const entries = await (pools[0] as PostgresStorage).read('s', -1);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(new Set(entries.map((e) => (e as { at: number }).at)).size).toBe(30);
  });

  test('reads from the middle of a journal verify the entries that follow', async () => {
    const storage = storageAt((await freshDatabase()).url);
    await storage.transact('s', -1, () => ({ append: [hb(1), hb(2), hb(3), hb(4)], result: undefined }));
    expect((await storage.read('s', 1)).map((e) => (e as { at: number }).at)).toEqual([3, 4]);
    expect(await storage.transact('s', 2, (entries) => ({ append: [], result: entries.map((e) => e.seq) }))).toEqual([3]);
    expect(await storage.read('s', 3)).toEqual([]);
  });

  test('tables are created once when several storages start at the same moment', async () => {
    const { url } = await freshDatabase();
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => storageAt(url).transact(name, -1, () => ({ append: [hb(1)], result: undefined }))));
    expect(await storageAt(url).studies()).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a transaction that appends nothing leaves no study behind', async () => {
    const storage = storageAt((await freshDatabase()).url);
    expect(await storage.transact('ghost', -1, (entries) => ({ append: [], result: entries.length }))).toBe(0);
    expect(await storage.studies()).toEqual([]);
  });

  test('names and entries with quotes, backslashes and non-ASCII text are stored as given', async () => {
    const storage = storageAt((await freshDatabase()).url);
    const name = `it's a \\ "study" ; DROP TABLE jahskit_journal; -- été`;
    const op: JournalOp = { op: 'heartbeat', worker: `w'\\"\n€😀`, at: 1 };
    await storage.transact(name, -1, () => ({ append: [op], result: undefined }));
    expect(await storage.read(name, -1)).toEqual([{ ...op, seq: 0 }]);
    expect(await storage.studies()).toEqual([name]);
  });

  test('an entry edited in the table is refused, naming the study and the entry', async () => {
    const database = await freshDatabase();
    const storage = storageAt(database.url);
    await storage.transact('s', -1, () => ({ append: [hb(1), hb(2), hb(3)], result: undefined }));
    await adminQuery(`UPDATE jahskit_journal SET entry = replace(entry, '"at":2', '"at":7') WHERE seq = 1`, database.name);
    for (const attempt of [() => storage.read('s', -1), () => storage.transact('s', 0, () => ({ append: [hb(4)], result: undefined }))]) {
      const error = await coreErrorOfAsync(attempt);
      expect(error.kind).toBe('journal-corrupt');
      expect(error.message).toContain('study "s", entry 1');
    }
    expect(await adminQuery(`SELECT seq FROM jahskit_journal`, database.name)).toHaveLength(3);
  });

  test('a removed entry is refused, by readers and by writers', async () => {
    const database = await freshDatabase();
    const storage = storageAt(database.url);
    await storage.transact('s', -1, () => ({ append: [hb(1), hb(2), hb(3)], result: undefined }));
    await adminQuery(`DELETE FROM jahskit_journal WHERE seq = 2`, database.name);
    expect((await coreErrorOfAsync(() => storage.read('s', -1))).kind).toBe('journal-corrupt');
    const error = await coreErrorOfAsync(() => storage.transact('s', 0, () => ({ append: [hb(4)], result: undefined })));
    expect(error.kind).toBe('journal-corrupt');
    expect(error.message).toContain('entry 2: missing');
  });

  test('a study deleted by hand while a storage holds it open starts again from nothing', async () => {
    const database = await freshDatabase();
    const storage = storageAt(database.url);
    await storage.transact('s', -1, () => ({ append: [hb(1), hb(2)], result: undefined }));
    await adminQuery(`DELETE FROM jahskit_journal WHERE study = 's'; DELETE FROM jahskit_studies WHERE name = 's'`, database.name);
    expect(await storage.transact('s', -1, (entries) => ({ append: [hb(3)], result: entries.length }))).toBe(0);
    expect((await storage.read('s', -1)).map((e) => [e.seq, (e as { at: number }).at])).toEqual([[0, 3]]);
  });

  test('a journal of a newer schema is refused', async () => {
    const storage = storageAt((await freshDatabase()).url);
    const spec = { schema: 99, objectives: [], optimizer: { id: 'rs', options: {} }, seed: 0, parameters: [], fidelityParameters: [], graceSeconds: 60 };
    await storage.transact('s', -1, () => ({ append: [{ op: 'create', spec }], result: undefined }));
    const error = await coreErrorOfAsync(() => storage.read('s', -1));
    expect(error.kind).toBe('journal-version');
    expect(error.message).toMatch(/schema 99/);
  });

  test('a role without CREATE on the schema uses tables that exist', () =>
    withRole(async (role, database, login) => {
      await storageAt(database.url).studies();
      await adminQuery(`GRANT SELECT, INSERT, UPDATE ON jahskit_studies, jahskit_journal TO ${role}`, database.name);
      const storage = login('right-secret');
      await storage.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
      expect(await storage.studies()).toEqual(['s']);
    }));

  test('a Unix socket folder given as ?host= is used', async () => {
    const database = await freshDatabase();
    const [settings] = await adminQuery<{ dir: string; port: string }>(
      `SELECT current_setting('unix_socket_directories') AS dir, current_setting('port') AS port`,
    );
    const dir = (settings?.dir ?? '').split(',')[0]?.trim() ?? '';
    const storage = storageAt(`postgresql://postgres@/${database.name}?host=${encodeURIComponent(dir)}&port=${settings?.port}`);
    await storage.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
    expect(await storage.studies()).toEqual(['s']);
  });
});

describe('PostgresStorage: what cannot be reached is a storage error in one line', () => {
  const admin = new URL(postgresAdminUrl());

  test('a port with no server names host:port/db and the reason', async () => {
    const port = await freePort();
    const storage = storageAt(`postgresql://postgres@127.0.0.1:${port}/jahskit`);
    const error = await coreErrorOfAsync(() => storage.studies());
    expect(error.kind).toBe('storage');
    expect(error.message).toBe(`cannot connect to PostgreSQL at 127.0.0.1:${port}/jahskit: connection refused (is the server running and listening there?)`);
  });

  test('an unknown database', async () => {
    const storage = storageAt(withDatabase(admin.href, 'jahskit_no_such_database'));
    const error = await coreErrorOfAsync(() => storage.transact('s', -1, () => ({ append: [hb(1)], result: undefined })));
    expect(error.kind).toBe('storage');
    expect(error.message).toBe(
      `cannot connect to PostgreSQL at ${admin.hostname}:${admin.port}/jahskit_no_such_database: database "jahskit_no_such_database" does not exist`,
    );
  });

  test(
    'a wrong password, or none, names the user and never the password',
    () =>
      withRole(async (role, database, login) => {
        // The right password works: the server does ask for it.
        await login('right-secret').transact('s', -1, () => ({ append: [hb(1)], result: undefined }));

        const wrong = login('wrong-secret');
        const error = await coreErrorOfAsync(() => wrong.read('s', -1));
        expect(error.kind).toBe('storage');
        expect(error.message).toBe(
          `cannot connect to PostgreSQL at ${admin.hostname}:${admin.port}/${database.name}: password authentication failed for user "${role}"`,
        );
        expect(wrong.location).not.toContain('wrong-secret');
        expect(wrong.location).toContain(':***@');

        const none = await coreErrorOfAsync(() => login().studies());
        expect(none.kind).toBe('storage');
        expect(none.message).toBe(
          `cannot connect to PostgreSQL at ${admin.hostname}:${admin.port}/${database.name}: the server asks for a password and the URL has none`,
        );
        // The refused connections are closed at once: a half-open one would hold up dropping the
        // database (withRole's) for the server's minute-long authentication timeout.
      }, true),
    20_000,
  );

  test('the location never shows the password, in any URL form', () => {
    expect(new PostgresStorage('postgresql://u:s3cret@h:5432/d').location).toBe('postgresql://u:***@h:5432/d');
    expect(new PostgresStorage('postgres://u:p%40ss@h/d').location).toBe('postgres://u:***@h/d');
    expect(new PostgresStorage('postgresql://u@h/d?password=s3cret&sslmode=disable').location).toBe('postgresql://u@h/d?password=***&sslmode=disable');
  });

  test('a storage used after close is a storage error', async () => {
    const storage = new PostgresStorage((await freshDatabase()).url);
    await storage.close();
    const error = await coreErrorOfAsync(() => storage.studies());
    expect(error.kind).toBe('storage');
    expect(error.message).toMatch(/was closed/);
  });

  test('pool options out of their domain are refused, naming the option', () => {
    expect(() => new PostgresStorage('postgresql://u@h/d', { connections: 0 })).toThrow(/connections must be a positive integer, got 0/);
    expect(() => new PostgresStorage('postgresql://u@h/d', { connectTimeoutMs: 1.5 })).toThrow(/connectTimeoutMs must be a positive integer/);
  });

  test('a sequence number that is not an integer is refused before reaching SQL', async () => {
    const storage = storageAt((await freshDatabase()).url);
    const error = await coreErrorOfAsync(() => storage.read('s', '0; DROP TABLE x' as unknown as number));
    expect(error.kind).toBe('invalid-argument');
    expect(error.parameter).toBe('after');
  });
});
