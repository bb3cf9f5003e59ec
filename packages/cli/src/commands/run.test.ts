import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

const base = ['run', '--benchmark', 'synthetic', '--optimizer', 'rs', '--quiet'];

describe('jahskit run', () => {
  test('writes a results file, a timing file and prints a summary', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-run-'));
    const io = memoryIo('', cwd);
    expect(await runCli([...base, '--budget', '20', '--seed', '3'], io)).toBe(0);
    expect(io.out()).toMatch(/best y/);
    expect(io.out()).toMatch(/regret/);
    const lines = readFileSync(join(cwd, 'runs', 'synthetic-branin-rs-seed3', 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(20);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['trial', 'config', 'fidelity', 'status', 'objectives', 'metrics', 'cost', 'start', 'end', 'worker']);
  });

  test('two runs with the same seed write byte-identical results files', async () => {
    const read = async (out: string) => {
      const cwd = mkdtempSync(join(tmpdir(), 'jahskit-run-'));
      expect(await runCli([...base, '--budget', '30', '--workers', '4', '--benchmark-options', '{"instance":"zdt1"}', '--out', out], memoryIo('', cwd))).toBe(0);
      return readFileSync(join(cwd, out, 'synthetic-zdt1-rs-seed0', 'results.jsonl'));
    };
    expect((await read('a')).equals(await read('b'))).toBe(true);
  });

  test('a multi-objective run reports the hypervolume ratio against the true front', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-run-'));
    const io = memoryIo('', cwd);
    expect(await runCli([...base, '--budget', '40', '--benchmark-options', '{"instance":"zdt1","maxEpoch":1}'], io)).toBe(0);
    expect(io.out()).toMatch(/non-dominated trials\s+\d+/);
    expect(io.out()).toMatch(/hypervolume ratio\s+\d+\.\d+ % of the true front's/);
  });

  test.each([
    [['--optimizer', 'nope'], /unknown optimizer "nope"; registered: .*rs/, 1],
    [['--benchmark', 'nope'], /unknown benchmark "nope"; registered: .*synthetic/, 1],
    [['--budget', 'abc'], /--budget must be a number of trials/, 2],
    [['--seed', '-1'], /--seed/, 2],
    [['--seed=-1'], /--seed must be an integer/, 2],
    [['--workers', '0'], /--workers must be an integer >= 1/, 2],
    [['--mode', 'fast'], /--mode must be one of async, sync/, 2],
    [['--benchmark-options', '{"instance":"zdt9"}'], /option "instance": expected one of/, 1],
    [['--benchmark-options', '{oops'], /must be a JSON object/, 2],
    [['--optimizer-options', '{"population": 3}'], /unknown option "population"/, 1],
    [['--frobnicate'], /Unknown option '--frobnicate'/, 2],
  ])('bad input %j gives one readable line and a non-zero exit', async (args, message, code) => {
    const io = memoryIo();
    const argv = [...base, '--budget', '5', ...args];
    expect(await runCli(argv, io)).toBe(code);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});
