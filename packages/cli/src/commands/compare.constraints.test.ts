import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GridAnalysis } from '../analysis/GridAnalysis';
import { readRunResult } from '../analysis/readRunResult';
import { freshDir, type Flags } from '../cliRunFixtures';
import { NB201_MEDIAN_LATENCY_S } from '../compare/builtinProtocols';
import { cifar10Protocol, compareIn } from '../compare/gridFixtures';

describe('jahskit compare with constraints and derived objectives', () => {
  test('nb201-latency runs end to end in grid threads: constraint values per trial, best feasible, the note in the leaderboard and report', async () => {
    const cwd = freshDir('compare-constraints');
    expect((await compareIn(cwd, { protocols: 'nb201-latency', optimizers: 'rs', seeds: 2, threads: 2, report: true, quiet: true, out: 'g' })).code).toBe(0);
    const run = readRunResult(join(cwd, 'g', 'nb201-latency', 'rs', 'seed1.jsonl'))!;
    expect(run.header.constraints).toEqual([`latency_s <= ${NB201_MEDIAN_LATENCY_S}`]);
    expect(run.records.every((r) => r.constraints?.length === 1)).toBe(true);
    const feasible = run.records.filter((r) => r.constraints![0]! <= 0).map((r) => r.objectives['valid_error']!);
    expect(feasible.length).toBeGreaterThan(0);
    expect(feasible.length).toBeLessThan(run.records.length);
    expect(run.end.incumbent!.value).toBe(Math.min(...feasible));
    const analysis = JSON.parse(readFileSync(join(cwd, 'g', 'analysis.json'), 'utf8')) as GridAnalysis;
    expect(analysis.tasks[0]!.constraints).toEqual(run.header.constraints);
    expect(analysis.tasks[0]!.final[0]!.runsWithoutFeasible).toBe(0);
    expect(readFileSync(join(cwd, 'g', 'leaderboard.md'), 'utf8')).toContain('Every run found a feasible trial.');
    expect(readFileSync(join(cwd, 'g', 'report.html'), 'utf8')).toContain(`Subject to <code>latency_s &lt;= ${NB201_MEDIAN_LATENCY_S}</code>`);
  }, 60_000);

  test("--constraint adds to the protocol's, --objective replaces its objectives; the grid records both, and a run that finds nothing feasible is counted", async () => {
    const cwd = freshDir('compare-constraints');
    const grid = { protocols: 'nb201', optimizers: 'rs,re', seeds: 2, budget: 10, threads: 1, out: 'g' };
    const expressions = { objective: 'maximize acc = 100 - valid_error', constraint: 'latency_s <= 0' };
    expect((await compareIn(cwd, { ...grid, quiet: true, ...expressions })).code).toBe(0);
    const run = readRunResult(join(cwd, 'g', 'nb201', 're', 'seed0.jsonl'))!;
    expect(run.header.objectives).toEqual([{ name: 'acc', direction: 'maximize', cheap: false }]);
    expect(run.header.objectiveExpressions).toEqual(['maximize acc = 100 - valid_error']);
    // nb201's regret has no optimum for a derived objective: the best value is reported instead.
    expect(run.header.metric).toBe('best');
    expect(run.end.incumbent).toBeUndefined();
    const manifest = JSON.parse(readFileSync(join(cwd, 'g', 'grid.json'), 'utf8')) as { objectives: string[]; constraints: string[] };
    expect(manifest).toMatchObject({ objectives: ['maximize acc = 100 - valid_error'], constraints: ['latency_s <= 0'] });
    const board = readFileSync(join(cwd, 'g', 'leaderboard.md'), 'utf8');
    expect(board).toContain('4 runs found no feasible trial (rs: 2 of 2, re: 2 of 2)');
    expect(board).toMatch(/\| rs \| black-box \| n\/a \|/);
    // The same grid without the expressions is another grid: refused, the results kept.
    const other = await compareIn(cwd, { ...grid, quiet: true });
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/holds another grid's results/);
    // The same grid again resumes (finds every run finished).
    const again = await compareIn(cwd, { ...grid, ...expressions });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/resumed 4 runs .*4 already finished/);
  }, 60_000);

  test.each<[Flags, RegExp]>([
    [
      { constraint: 'latncy_s <= 1' },
      /--constraint "latncy_s <= 1": unknown name "latncy_s" \(known: valid_error, params_mb, flops_m, latency_s, valid_acc, test_acc\)/,
    ],
    [{ objective: 'err = valid_error', constraint: 'valid_error <= err <= 3' }, /--constraint "valid_error <= err <= 3" must compare two expressions/],
    [{ objective: ['a = valid_error', 'b = latency_s'] }, /--objective gives 2 objectives, but protocol "nb201-latency" has no hypervolume reference point/],
  ])('a bad expression %j exits 2 with one line, before anything is written', async (expressions, message) => {
    const cwd = freshDir('compare-constraints');
    const bad = await compareIn(cwd, { protocols: 'nb201-latency', optimizers: 'rs', seeds: 1, out: 'g', ...expressions });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(message);
    expect(
      bad.err
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('note:')),
    ).toHaveLength(1);
    expect(existsSync(join(cwd, 'g'))).toBe(false);
  });

  test('a protocol file carries constraints and derived objectives as data; a bad one is an input error naming the protocol', async () => {
    const cwd = freshDir('compare-constraints');
    const mine = cifar10Protocol('small-nets', 'Small nets', 12, { objectives: ['err = valid_error'], constraints: ['params_mb <= 0.4'] });
    const runProtocol = (protocols: string, out: string) =>
      compareIn(cwd, { 'protocol-file': 'p.json', protocols, optimizers: 'rs', seeds: 1, threads: 1, quiet: true, out });
    writeFileSync(
      join(cwd, 'p.json'),
      JSON.stringify([mine, { ...mine, name: 'typo', constraints: ['parms_mb <= 0.4'] }, { ...mine, name: 'empty', constraints: [''] }]),
    );
    const empty = await runProtocol('small-nets', 'g');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/--protocol-file p\.json: 2\.constraints\.0: a constraint expression/);
    writeFileSync(join(cwd, 'p.json'), JSON.stringify([mine, { ...mine, name: 'typo', constraints: ['parms_mb <= 0.4'] }]));
    expect((await runProtocol('small-nets', 'g')).code).toBe(0);
    const result = readRunResult(join(cwd, 'g', 'small-nets', 'rs', 'seed0.jsonl'))!;
    expect(result.header.constraints).toEqual(['params_mb <= 0.4']);
    // params_mb is cheap: a cell that breaks the bound is rejected before training, at no cost.
    const rejected = result.records.filter((r) => r.constraints![0]! > 0);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((r) => r.status === 'failed' && r.cost === 0)).toBe(true);
    const typo = await runProtocol('typo', 'h');
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/protocol "typo": constraint "parms_mb <= 0.4": unknown name "parms_mb" \(known: err, valid_error,/);
    expect(existsSync(join(cwd, 'h'))).toBe(false);
    // Regret of a derived objective: no optimum to measure it against, said before the folder is claimed.
    writeFileSync(join(cwd, 'p.json'), JSON.stringify([{ ...mine, name: 'regret-of-err', metric: 'regret' }]));
    const regret = await runProtocol('regret-of-err', 'r');
    expect(regret.code).toBe(1);
    expect(regret.err).toMatch(/protocol "regret-of-err" measures regret, but its objective err has no known optimum/);
    expect(existsSync(join(cwd, 'r'))).toBe(false);
  }, 60_000);
});
