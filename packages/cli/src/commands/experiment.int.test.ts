import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

// A whole shipped experiment (eight optimizers, 200 evaluations each, BANANAS and GP-BO among them):
// seconds of work, so it runs with the end-to-end tests.
describe('jahskit experiment', () => {
  test('nb201-single-objective: optimizers and labelled variants on one protocol, with the values at the checkpoints', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-experiment-'));
    const io = memoryIo('', cwd);
    expect(await runCli(['experiment', 'nb201-single-objective', '--seeds', '1', '--threads', '1', '--out', 'x'], io)).toBe(0);
    const page = readFileSync(join(cwd, 'x', 'nb201-single-objective.md'), 'utf8');
    expect(page).toMatch(/\| arm \| regret of valid_error.* at the end of the budget \| at 25% \| at 50% \|/);
    expect(page).toMatch(/\| re \(population 20, sample 5\) \| \d/);
    expect(page).toMatch(/\| bananas \| /);
    expect(page).toMatch(/Command: `npx jahskit experiment nb201-single-objective --seeds 1` .*, \d{4}-\d\d-\d\d, Node \d+/);
    expect(readFileSync(join(cwd, 'x', 'nb201-200', 're@pop20', 'seed0.jsonl'), 'utf8')).toContain('"optimizerOptions":{"population":20,"sampleSize":5}');
  });
});
