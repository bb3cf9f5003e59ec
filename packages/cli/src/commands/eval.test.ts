import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

describe('jahskit eval', () => {
  test('prints one JSON line per query with objectives, metrics and cost', async () => {
    const io = memoryIo('{"config": {"x1": 3.141592653589793, "x2": 2.275}}\n\n{"config": {"x1": 0, "x2": 0, "epoch": 1}}\n');
    expect(await runCli(['eval', '--benchmark', 'synthetic'], io)).toBe(0);
    const lines = io.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].objectives.y).toBeCloseTo(0.397887, 5);
    expect(lines[0].fidelity).toEqual({ epoch: 27 });
    expect(lines[1].fidelity).toEqual({ epoch: 1 });
    expect(lines[1].cost).toBeGreaterThan(0);
  });

  test('a bad line names the line and the parameter', async () => {
    const io = memoryIo('{"config": {"x1": 3, "x2": 2}}\n{"config": {"x1": 99, "x2": 2}}\n');
    expect(await runCli(['eval', '--benchmark', 'synthetic'], io)).toBe(1);
    expect(io.err()).toMatch(/^jahskit eval: line 2: .*x1/);
    expect(io.out()).toBe('');
  });

  test('missing --benchmark is a usage error', async () => {
    const io = memoryIo('');
    expect(await runCli(['eval'], io)).toBe(2);
  });
});
