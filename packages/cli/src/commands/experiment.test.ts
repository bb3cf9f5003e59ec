import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

describe('jahskit experiment', () => {
  test('jahs-joint-vs-single: random search on the joint space, NAS only and HPO only, on one plot', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-experiment-'));
    const io = memoryIo('', cwd);
    expect(await runCli(['experiment', 'jahs-joint-vs-single', '--seeds', '2', '--threads', '1', '--out', 'x'], io)).toBe(0);
    expect(io.out()).toMatch(/\| joint \(NAS \+ HPO\) \| \d+(\.\d+)? ± /);
    expect(io.out()).toMatch(/\| NAS only \| /);
    expect(io.out()).toMatch(/\| HPO only \| /);
    const svg = readFileSync(join(cwd, 'x', 'jahs-joint-vs-single.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    for (const label of ['joint (NAS + HPO)', 'NAS only', 'HPO only']) expect(svg).toContain(label);
    expect(readFileSync(join(cwd, 'x', 'jahs-joint-vs-single.md'), 'utf8')).toContain('![');
  });

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

  test('an unknown experiment names the known ones', async () => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-experiment-')));
    expect(await runCli(['experiment', 'nope'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown experiment "nope"; experiments: jahs-joint-vs-single, nb201-single-objective, /);
  });
});
