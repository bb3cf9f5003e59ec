import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

describe('jahskit compare --json', () => {
  test('one JSON document: what ran, the files written and the analysis; a rerun says resumed', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-json-'));
    const argv = ['compare', '--protocols', 'nb201', '--optimizers', 'rs,re', '--seeds', '2', '--budget', '10', '--threads', '1', '--out', 'grid', '--json'];
    const io = memoryIo('', cwd);
    expect(await runCli(argv, io)).toBe(0);
    const doc = JSON.parse(io.out()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      grid: 'ran',
      out: 'grid',
      runs: 4,
      ran: 4,
      resumed: 0,
      skipped: 0,
      threads: 1,
      written: [join('grid', 'analysis.json'), join('grid', 'leaderboard.md'), join('grid', 'leaderboard.csv')],
    });
    expect(doc['analysis']).toEqual(JSON.parse(readFileSync(join(cwd, 'grid', 'analysis.json'), 'utf8')));
    const again = memoryIo('', cwd);
    expect(await runCli(argv, again)).toBe(0);
    expect(JSON.parse(again.out())).toMatchObject({ grid: 'resumed', runs: 4, skipped: 4 });
  });
});
