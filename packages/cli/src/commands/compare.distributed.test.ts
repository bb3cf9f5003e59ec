import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshPostgresDatabase, type TestDatabase } from '@jahskit/storage/testing';
import { memoryIo } from '../cliFixtures';
import { snapshot } from '../compare/compareFixtures';
import { runCli } from '../runCli';

const bin = fileURLToPath(new URL('../../bin/jahskit.js', import.meta.url));
// Fewer seeds than the protocols ask for: compare notes that on stderr, nothing else.
const grid = ['compare', '--protocols', 'nb201,jahs', '--optimizers', 'rs,re', '--seeds', '3', '--quiet'];

let database: TestDatabase;
beforeAll(async () => {
  database = await freshPostgresDatabase();
});
afterAll(async () => database.drop());

/** A `jahskit worker` process, and the lines it wrote on stderr. */
function worker(cwd: string, url: string) {
  const child = spawn(process.execPath, [bin, 'worker', '--storage', url, '--lease-seconds', '2'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: string[] = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => lines.push(...text.split('\n').filter((l) => l !== '')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

/** The distributed-grid acceptance test: the commands of docs/guides/distributed.md, on a real PostgreSQL. */
describe('jahskit compare --storage and jahskit worker', () => {
  test('workers on one queue, one killed mid-grid, give exactly the results, analysis and leaderboards of a local grid', { timeout: 90_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-distributed-'));
    const url = database.url;
    expect(await runCli([...grid, '--threads', '1', '--out', 'local'], memoryIo('', cwd))).toBe(0);

    const queued = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', url, '--enqueue-only', '--out', 'shared'], queued)).toBe(0);
    expect(queued.out()).toMatch(/queued 12 runs .*\(12 new\); 0 done/);
    const again = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', url, '--enqueue-only', '--out', 'shared'], again)).toBe(0);
    expect(again.out()).toMatch(/\(0 new\)/);

    // The doomed worker starts alone, so that it is sure to get runs; it is killed without warning once
    // it has recorded one (it then holds the lease of its next one), while a second worker runs too.
    const doomed = worker(cwd, url);
    let doomedExit: number | null | undefined;
    void doomed.exited.then((code) => (doomedExit = code));
    for (let waited = 0; waited < 90_000 && doomedExit === undefined && !doomed.lines.some((l) => l.startsWith('ran ')); waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    expect(
      doomed.lines.some((l) => l.startsWith('ran ')),
      doomed.lines.join('\n'),
    ).toBe(true);
    const survivor = worker(cwd, url);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect(await survivor.exited).toBe(0);
    expect(survivor.lines.every((l) => l.startsWith('ran '))).toBe(true);

    // Collecting starts while the dead worker's lease is still live: it must wait for the lease to run
    // out and then rerun that run itself (it used to wait for it forever).
    const collected = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', url, '--out', 'shared', '--lease-seconds', '2'], collected)).toBe(0);
    expect(collected.err()).not.toMatch(/jahskit compare:/);
    expect(snapshot(join(cwd, 'shared'))).toEqual(snapshot(join(cwd, 'local')));
    for (const file of ['analysis.json', 'leaderboard.md', 'leaderboard.csv']) {
      expect(readFileSync(join(cwd, 'shared', file), 'utf8'), file).toBe(readFileSync(join(cwd, 'local', file), 'utf8'));
    }
  });

  test('a storage that is not PostgreSQL, or that cannot be reached, is one line and changes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-distributed-'));
    const file = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', 'file:grid.jsonl', '--out', 'x'], file)).toBe(2);
    expect(file.err()).toMatch(/--storage must be a postgresql:\/\/ URL/);
    const unreachable = memoryIo('', cwd);
    expect(await runCli([...grid, '--storage', 'postgresql://nobody:secret@127.0.0.1:1/none', '--out', 'y'], unreachable)).toBe(1);
    expect(
      unreachable
        .err()
        .split('\n')
        .filter((l) => l.startsWith('jahskit compare:')),
    ).toHaveLength(1);
    expect(unreachable.err()).toMatch(/127\.0\.0\.1:1/);
    expect(unreachable.err()).not.toMatch(/secret/);
  });
});
