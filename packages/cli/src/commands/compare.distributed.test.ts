import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PostgresGridQueue } from '@jahskit/storage';
import { freshPostgresDatabase, type TestDatabase } from '@jahskit/storage/testing';
import { memoryIo } from '../cliFixtures';
import { snapshot } from '../compare/compareFixtures';
import { runCli } from '../runCli';

// Fewer seeds than the protocols ask for: compare notes that on stderr, nothing else.
const grid = ['compare', '--benchmarks', 'nb201,jahs', '--optimizers', 'rs,re', '--seeds', '3', '--quiet'];

let database: TestDatabase;
beforeAll(async () => {
  database = await freshPostgresDatabase();
});
afterAll(async () => database.drop());

/** The distributed-grid acceptance test: the commands of docs/guides/distributed.md, on a real PostgreSQL. */
describe('jahskit compare --storage and jahskit worker', () => {
  test('a storage that is not PostgreSQL, or that cannot be reached, is one line and changes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-distributed-'));
    const file = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', 'file:grid.jsonl', '--out', 'x'], file)).toBe(2);
    expect(file.err()).toMatch(/--storage must be a postgresql:\/\/ URL/);
    const unreachable = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', 'postgresql://nobody:secret@127.0.0.1:1/none', '--out', 'y'], unreachable)).toBe(1);
    expect(unreachable.err().split('\n').filter((l) => l.startsWith('jahskit compare:'))).toHaveLength(1);
    expect(unreachable.err()).toMatch(/127\.0\.0\.1:1/);
    expect(unreachable.err()).not.toMatch(/secret/);
  });
});
