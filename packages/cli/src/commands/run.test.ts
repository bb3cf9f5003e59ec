import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliIn, freshDir } from '../cliRunFixtures';
import { readRunFile } from '../compare/RunFile';

const base = ['run', '--benchmark', 'synthetic', '--optimizer', 'rs'];

describe('jahskit run', () => {
  test('streams one run file (header, trials, end), a timing file, and prints a summary', async () => {
    const cwd = freshDir('run');
    const ran = await cliIn(cwd, [...base, '--budget', '20', '--seed', '3']);
    expect(ran.code).toBe(0);
    expect(ran.out).toMatch(/best y/);
    expect(ran.out).toMatch(/regret/);
    const { lines } = readRunFile(join(cwd, 'runs', 'synthetic-branin-rs-seed3.jsonl'));
    expect(lines).toHaveLength(22);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['run']);
    expect(Object.keys(JSON.parse(lines[1]!))).toEqual(['trial', 'config', 'fidelity', 'status', 'objectives', 'metrics', 'cost', 'start', 'end', 'worker']);
    expect(JSON.parse(lines[21]!)).toMatchObject({ end: { trials: 20, stopReason: 'evaluations' } });
    expect(
      readFileSync(join(cwd, 'runs', 'synthetic-branin-rs-seed3.timing.jsonl'), 'utf8')
        .trim()
        .split('\n').length,
    ).toBeGreaterThan(20);
  });

  test('--quiet prints nothing', async () => {
    expect(await cliIn(freshDir('run'), [...base, '--budget', '5', '--quiet'])).toEqual({ code: 0, out: '', err: '' });
  });

  test('two runs with the same seed write byte-identical results files', async () => {
    const read = async (out: string) => {
      const cwd = freshDir('run');
      expect((await cliIn(cwd, [...base, '--budget', '30', '--workers', '4', '--benchmark-options', '{"instance":"zdt1"}', '--out', out])).code).toBe(0);
      return readFileSync(join(cwd, out, 'synthetic-zdt1-rs-seed0.jsonl'));
    };
    expect((await read('a')).equals(await read('b'))).toBe(true);
  });

  test('an interrupted run resumes to the uninterrupted bytes; a finished one is left as it is', async () => {
    const cwd = freshDir('run');
    const args = [...base, '--budget', '50', '--optimizer', 're'];
    expect((await cliIn(cwd, [...args, '--quiet'])).code).toBe(0);
    const path = join(cwd, 'runs', 'synthetic-branin-re-seed0.jsonl');
    const complete = readFileSync(path);
    writeFileSync(path, complete.subarray(0, Math.floor(complete.length * 0.6)));
    for (const said of [/\(resumed\)/, /finished before/]) {
      const ran = await cliIn(cwd, args);
      expect(ran.code).toBe(0);
      expect(ran.out).toMatch(said);
      expect(readFileSync(path).equals(complete)).toBe(true);
    }
  });

  test('a different run under the same name is refused in one line and its results are kept', async () => {
    const cwd = freshDir('run');
    expect((await cliIn(cwd, [...base, '--budget', '50', '--quiet'])).code).toBe(0);
    const path = join(cwd, 'runs', 'synthetic-branin-rs-seed0.jsonl');
    const before = readFileSync(path);
    const refused = await cliIn(cwd, [...base, '--budget', '20', '--quiet']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/holds another run's results/);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('a multi-objective run reports the hypervolume ratio against the true front', async () => {
    const ran = await cliIn(freshDir('run'), [...base, '--budget', '40', '--benchmark-options', '{"instance":"zdt1","maxEpoch":1}']);
    expect(ran.code).toBe(0);
    expect(ran.out).toMatch(/non-dominated trials\s+\d+/);
    expect(ran.out).toMatch(/hypervolume ratio\s+\d+\.\d+ % of the true front's/);
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
    const bad = await cliIn(freshDir('run'), [...base, '--budget', '5', ...args]);
    expect(bad.code).toBe(code);
    expect(bad.err).toMatch(message);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});
