import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

describe('jahskit eval', () => {
  test('prints one JSON line per query with objectives, metrics and cost', async () => {
    const io = memoryIo('{"config": {"x1": 3.141592653589793, "x2": 2.275}}\n\n{"config": {"x1": 0, "x2": 0, "epoch": 1}}\n');
    expect(await runCli(['eval', '--benchmark', 'synthetic'], io)).toBe(0);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].objectives.y).toBeCloseTo(0.397887, 5);
    expect(lines[0].fidelity).toEqual({ epoch: 27 });
    expect(lines[1].fidelity).toEqual({ epoch: 1 });
    expect(lines[1].cost).toBeGreaterThan(0);
  });

  test('a bad line names the line and the parameter, and stops eval once the lines before it are answered', async () => {
    const io = memoryIo('{"config": {"x1": 3, "x2": 2}}\n{"config": {"x1": 99, "x2": 2}}\n{"config": {"x1": 4, "x2": 2}}\n');
    expect(await runCli(['eval', '--benchmark', 'synthetic'], io)).toBe(1);
    expect(io.err()).toMatch(/^jahskit eval: line 2: .*x1/);
    expect(
      io
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).config),
    ).toEqual([{ x1: 3, x2: 2 }]);
  });

  test.each([
    ['a value', (big: string) => `{"config": {"x1": "${big}", "x2": 2}}`],
    ['a key', (big: string) => `{"config": {"x1": 1, "x2": 2, "${big}": 3}}`],
    ['a fidelity', (big: string) => `{"config": {"x1": 1, "x2": 2}, "fidelity": {"epoch": "${big}"}}`],
    ['a line that is not JSON', (big: string) => `{"config": ${big}`],
  ])('%s of 1 MB is cut in the error line', async (_, line) => {
    const io = memoryIo(`${line('x'.repeat(1_000_000))}\n`);
    expect(await runCli(['eval', '--benchmark', 'synthetic'], io)).toBe(1);
    expect(io.err()).toMatch(/^jahskit eval: line 1: /);
    expect(io.err().trimEnd().split('\n')).toHaveLength(1);
    expect(io.err().length).toBeLessThan(1000);
  });

  test('a --benchmark-options value of 1 MB is cut in the error line', async () => {
    const io = memoryIo('');
    expect(await runCli(['eval', '--benchmark', 'synthetic', '--benchmark-options', `{${'x'.repeat(1_000_000)}`], io)).toBe(2);
    expect(io.err()).toMatch(/^jahskit eval: --benchmark-options must be a JSON object, .*; got "\{x+"\.\.\. \(1000001 characters\)\n$/);
    expect(io.err().length).toBeLessThan(1000);
  });

  test('missing --benchmark is a usage error', async () => {
    const io = memoryIo('');
    expect(await runCli(['eval'], io)).toBe(2);
  });

  test("the benchmark's options as flags: --max-epoch 5 --noise 0 is --benchmark-options, not both", async () => {
    const query = '{"config": {"x1": 0.5, "x2": 0.5}}\n';
    const byFlags = memoryIo(query);
    expect(await runCli(['eval', '--benchmark', 'synthetic', '--max-epoch', '5', '--noise', '0'], byFlags)).toBe(0);
    const byJson = memoryIo(query);
    expect(await runCli(['eval', '--benchmark', 'synthetic', '--benchmark-options', '{"maxEpoch": 5, "noise": 0}'], byJson)).toBe(0);
    expect(byFlags.out()).toBe(byJson.out());
    expect(JSON.parse(byFlags.out()).fidelity).toEqual({ epoch: 5 });
    const both = memoryIo(query);
    expect(await runCli(['eval', '--benchmark', 'synthetic', '--noise', '0', '--benchmark-options', '{"noise": 0}'], both)).toBe(2);
    expect(both.err()).toBe('jahskit eval: --noise and --benchmark-options both set "noise": give one of them\n');
  });
});
