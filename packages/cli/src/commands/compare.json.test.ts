import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { freshDir, printedJson } from '../cliRunFixtures';
import { compareIn } from '../compare/gridFixtures';

describe('jahskit compare --json', () => {
  test('one JSON document: what ran, the files written and the analysis; a rerun says resumed', async () => {
    const cwd = freshDir('compare-json');
    const grid = { protocols: 'nb201', optimizers: 'rs,re', seeds: 2, budget: 10, threads: 1, out: 'grid', json: true } as const;
    const doc = printedJson(await compareIn(cwd, grid));
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
    expect(printedJson(await compareIn(cwd, grid))).toMatchObject({ grid: 'resumed', runs: 4, skipped: 4 });
  });
});
