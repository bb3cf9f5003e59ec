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

  test('an unknown experiment names the known ones', async () => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-experiment-')));
    expect(await runCli(['experiment', 'nope'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown experiment "nope"; experiments: jahs-joint-vs-single, nb201-single-objective, /);
  });
});
