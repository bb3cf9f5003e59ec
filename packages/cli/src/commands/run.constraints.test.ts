import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RecordLine } from '../analysis/RunResult';
import { memoryIo } from '../cliFixtures';
import { freshDir } from '../cliRunFixtures';
import type { RunHeader } from '../compare/RunHeader';
import { readRunFile } from '../compare/RunFile';
import { runCli } from '../runCli';

const base = ['run', '--benchmark', 'nb201', '--optimizer', 'rs', '--budget', '40', '--seed', '2'];
/** The median latency of the cells (see the nb201-latency protocol): about half of random cells break it. */
const CONSTRAINT = 'latency_s <= 0.0047169267';
const file = 'nb201-cifar10-rs-seed2.jsonl';

function read(path: string): { header: RunHeader; records: RecordLine[]; end: { incumbent?: { trial: number; value: number } } } {
  const { lines } = readRunFile(path);
  return {
    header: (JSON.parse(lines[0]!) as { run: RunHeader }).run,
    records: lines.slice(1, -1).map((l) => JSON.parse(l) as RecordLine),
    end: (JSON.parse(lines.at(-1)!) as { end: { incumbent?: { trial: number; value: number } } }).end,
  };
}

describe('jahskit run --constraint / --objective', () => {
  test("records the expressions in the header and each trial's constraint values; the best is the best feasible", async () => {
    const cwd = freshDir('run-constraints');
    const io = memoryIo('', cwd);
    expect(await runCli([...base, '--constraint', CONSTRAINT, '--objective', 'err = valid_error'], io)).toBe(0);
    const { header, records, end } = read(join(cwd, 'runs', file));
    expect(header.objectives).toEqual([{ name: 'err', direction: 'minimize', cheap: false }]);
    expect(header.objectiveExpressions).toEqual(['err = valid_error']);
    expect(header.constraints).toEqual([CONSTRAINT]);
    for (const r of records) {
      expect(r.objectives['err']).toBe(r.metrics['valid_error']);
      expect(r.constraints).toHaveLength(1);
      expect(r.constraints![0]).toBeCloseTo(r.metrics['latency_s']! - 0.0047169267, 12);
    }
    const feasible = records.filter((r) => r.constraints![0]! <= 0);
    const infeasible = records.filter((r) => r.constraints![0]! > 0);
    expect(feasible.length).toBeGreaterThan(0);
    expect(infeasible.length).toBeGreaterThan(0);
    const best = Math.min(...feasible.map((r) => r.objectives['err']!));
    // The unconstrained best is infeasible here, so the test tells the two apart.
    expect(Math.min(...records.map((r) => r.objectives['err']!))).toBeLessThan(best);
    expect(end.incumbent?.value).toBe(best);
    expect(io.out()).toMatch(new RegExp(`feasible trials\\s+${feasible.length} of 40 ok \\(latency_s <= 0\\.0047169267\\)`));
    expect(io.out()).toMatch(new RegExp(`best err\\s+${best.toPrecision(6)}`));
  });

  test('--json reports the feasible count and the best feasible trial', async () => {
    const io = memoryIo('', freshDir('run-constraints'));
    expect(await runCli([...base, '--constraint', CONSTRAINT, '--constraint', 'params_mb < 10', '--json'], io)).toBe(0);
    const summary = JSON.parse(io.out()) as { feasible: number; constraints: string[]; best: { objective: string } };
    expect(summary.constraints).toEqual([CONSTRAINT, 'params_mb < 10']);
    expect(summary.feasible).toBeGreaterThan(0);
    expect(summary.best.objective).toBe('valid_error');
  });

  test('an interrupted constrained run resumes to the uninterrupted bytes', async () => {
    const cwd = freshDir('run-constraints');
    const args = [...base, '--constraint', CONSTRAINT, '--quiet'];
    expect(await runCli(args, memoryIo('', cwd))).toBe(0);
    const path = join(cwd, 'runs', file);
    const complete = readFileSync(path);
    writeFileSync(path, complete.subarray(0, Math.floor(complete.length * 0.5)));
    expect(await runCli(args, memoryIo('', cwd))).toBe(0);
    expect(readFileSync(path).equals(complete)).toBe(true);
    // Another constraint is another run: refused, the file kept.
    const other = memoryIo('', cwd);
    expect(await runCli([...base, '--constraint', 'latency_s <= 0.02', '--quiet'], other)).toBe(1);
    expect(other.err()).toMatch(/holds another run's results/);
    expect(readFileSync(path).equals(complete)).toBe(true);
  });

  test.each([
    [
      ['--constraint', 'latncy_s <= 0.02'],
      /--constraint "latncy_s <= 0.02": unknown name "latncy_s" \(known: valid_error, params_mb, flops_m, latency_s, valid_acc, test_acc\)/,
    ],
    [['--constraint', 'latency_s + 1'], /--constraint "latency_s \+ 1" must compare two expressions/],
    [['--constraint', 'latency_s <='], /--constraint "latency_s <=": Unexpected end of expression/],
    [['--objective', 'valid_error * 2'], /--objective "valid_error \* 2" must name the objective/],
    [['--objective', 'valid_error = valid_error'], /--objective "valid_error = valid_error": "valid_error" is a value benchmark "nb201\/cifar10" reports/],
    [['--objective', 'err = valid_error', '--constraint', 'er <= 5'], /unknown name "er" \(known: err, valid_error,/],
    [['--constraint'], /--constraint needs a value/],
  ])('a bad expression %j exits 2 with one line naming it, and writes nothing', async (args, message) => {
    const cwd = freshDir('run-constraints');
    const io = memoryIo('', cwd);
    expect(await runCli([...base, ...args], io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(cwd, 'runs', file))).toBe(false);
  });
});
