import { describe, expect, test } from 'vitest';
import type { RunHeader } from '../compare/RunHeader';
import { analyzeGrid } from './analyzeGrid';
import { leaderboardCsv } from './leaderboardCsv';
import { leaderboardMarkdown } from './leaderboardMarkdown';
import type { RunResult } from './RunResult';

const header = (optimizer: string, seed: number): RunHeader => ({
  task: 'toy',
  title: 'Toy task',
  benchmark: 'toy',
  benchmarkOptions: {},
  optimizer,
  optimizerOptions: {},
  seed,
  budget: { evaluations: 4 },
  workers: 1,
  objectives: [{ name: 'err', direction: 'minimize', cheap: false }],
  fullFidelity: {},
  metric: 'best',
  axis: 'evaluations',
});

function run(optimizer: string, seed: number, values: number[], setting: RunResult['end']['setting'] = 'black-box'): RunResult {
  return {
    header: header(optimizer, seed),
    records: values.map((err, trial) => ({ trial, config: {}, fidelity: {}, status: 'ok', objectives: { err }, metrics: {}, cost: 1 })),
    end: {
      stopReason: 'evaluations',
      simulatedSeconds: values.length,
      trials: values.length,
      setting,
      incumbent: { trial: 0, config: {}, value: Math.min(...values), extras: { 'test @200': 100 - Math.min(...values) } },
    },
  };
}

describe('analyzeGrid', () => {
  const runs = [
    run('a', 0, [5, 4, 3, 2]),
    run('a', 1, [6, 1, 1, 1]),
    run('b', 0, [3, 3, 3, 3]),
    run('b', 1, [2, 2, 2, 2]),
    run('c', 0, [9, 9, 9, 1], 'multi-fidelity'),
    run('c', 1, [9, 9, 9, 9], 'multi-fidelity'),
  ];
  const analysis = analyzeGrid(runs);
  const task = analysis.tasks[0]!;

  test('trajectories on a common grid: mean and SEM over seeds', () => {
    expect(task.trajectories.map((t) => t.optimizer)).toEqual(['a', 'b', 'c']);
    const a = task.trajectories[0]!;
    expect(a.x).toHaveLength(100);
    expect(a.x.at(-1)).toBe(4);
    // At x = 1 both seeds of a have one result: 5 and 6.
    expect(a.mean[24]).toBe(5.5);
    expect(a.sem[24]).toBeCloseTo(0.5, 12);
    expect(a.mean.at(-1)).toBe(1.5);
  });

  test('no mean before every seed has a result', () => {
    const late = analyzeGrid([run('a', 0, [1, 1]), { ...run('a', 1, [1, 1]), records: [] }]);
    expect(late.tasks[0]!.trajectories[0]!.mean.every((m) => m === null)).toBe(true);
  });

  test('final values, ranks per seed averaged, extras, sorted best first', () => {
    expect(task.final.map((r) => r.optimizer)).toEqual(['a', 'c', 'b']);
    expect(task.final[0]!.value).toMatchObject({ mean: 1.5, n: 2 });
    // Seed 0: a=2, b=3, c=1 -> ranks 2, 3, 1; seed 1: a=1, b=2, c=9 -> 1, 2, 3.
    expect(task.final.map((r) => r.averageRank)).toEqual([1.5, 2, 2.5]);
    expect(task.final[0]!.extras['test @200']!.mean).toBe(98.5);
    expect(task.anytimeRanks[0]!.rank.at(-1)).toBe(1.5);
  });

  test('leaderboards per setting rank within the setting', () => {
    expect(analysis.leaderboards.map((b) => `${b.setting}:${b.rows.map((r) => `${r.optimizer}=${r.averageRank}`).join(',')}`)).toEqual([
      'black-box:a=1,b=2',
      'multi-fidelity:c=1',
    ]);
    expect(leaderboardMarkdown(analysis)).toContain('| 1 | a | 1.50 ± 0.50 | 1 |');
    expect(leaderboardCsv(analysis).split('\n')[1]).toBe('black-box,toy,a,best err,1.5,0.5,2,1');
  });
});

describe('analyzeGrid: published values beside the measured ones', () => {
  const withReference = (optimizer: string, seed: number, accuracy: number): RunResult => {
    const base = run(optimizer, seed, [100 - accuracy]);
    const reference = optimizer === 'a' ? { source: 'Paper, Table 1', runs: 400, values: { 'test @200': { mean: 97, std: 2 } } } : undefined;
    return { ...base, header: { ...base.header, ...(reference !== undefined ? { reference } : {}) } };
  };
  const analysis = analyzeGrid([
    withReference('a', 0, 96),
    withReference('a', 1, 98),
    withReference('a', 2, 99),
    withReference('b', 0, 90),
    withReference('b', 1, 91),
  ]);
  const reference = analysis.tasks[0]!.reference!;

  test('rows only for the optimizers whose runs carry a published value; the difference over its standard error', () => {
    expect(reference.source).toBe('Paper, Table 1');
    expect(reference.rows).toHaveLength(1);
    const row = reference.rows[0]!;
    expect(row).toMatchObject({ optimizer: 'a', metric: 'test @200', published: { mean: 97, std: 2, runs: 400 } });
    // Measured 96, 98, 99: mean 97.667, sample std 1.5275, SEM 0.8819; published SE 2 / 20 = 0.1.
    expect(row.measured.mean).toBeCloseTo(97.6667, 4);
    expect(row.difference).toBeCloseTo(0.6667, 4);
    expect(row.standardErrors).toBeCloseTo(0.6667 / Math.sqrt(0.8819 ** 2 + 0.1 ** 2), 3);
  });

  test('the leaderboard prints them side by side', () => {
    const markdown = leaderboardMarkdown(analysis);
    expect(markdown).toContain('### Beside the published values: Paper, Table 1');
    expect(markdown).toContain('| test @200 | a | 97 ± 2 (400) | 97.67 ± 0.88 (3) | 1.528 | 0.67 | 0.75 |');
    expect(leaderboardMarkdown(analyzeGrid([run('a', 0, [1, 2])]))).not.toContain('published');
  });
});

describe('analyzeGrid, constrained task', () => {
  /** A run whose trial i has error values[i] and constraint value violations[i] (<= 0: feasible). */
  function constrained(optimizer: string, seed: number, values: number[], violations: number[]): RunResult {
    const base = run(optimizer, seed, values);
    return {
      header: { ...base.header, constraints: ['size <= 1'] },
      records: base.records.map((r, i) => ({ ...r, constraints: [violations[i]!] })),
      end: base.end,
    };
  }
  // a: seed 0 finds 3 feasible (1 and 2 are not), seed 1 finds nothing feasible; b: 4 and 2.
  const runs = [
    constrained('a', 0, [5, 1, 2, 3], [0, 1, 0.5, -1]),
    constrained('a', 1, [1, 1, 1, 1], [1, 2, 3, 4]),
    constrained('b', 0, [4, 4, 4, 4], [0, 0, 0, 0]),
    constrained('b', 1, [6, 2, 9, 9], [-1, 0, 0, 0]),
  ];
  const task = analyzeGrid(runs).tasks[0]!;

  test('final values are the best feasible, over the runs that found one; the others are counted and rank last', () => {
    const a = task.final.find((r) => r.optimizer === 'a')!;
    const b = task.final.find((r) => r.optimizer === 'b')!;
    expect(a.value).toMatchObject({ mean: 3, n: 1 });
    expect(a.runsWithoutFeasible).toBe(1);
    expect(b.value).toMatchObject({ mean: 3, n: 2 });
    expect(b.runsWithoutFeasible).toBe(0);
    // Seed 0: a 3 beats b 4; seed 1: a has nothing, b ranks first.
    expect(a.averageRank).toBe(1.5);
    expect(task.constraints).toEqual(['size <= 1']);
  });

  test('trajectories average the runs that found a feasible trial, so one such run does not blank the curve', () => {
    const a = task.trajectories.find((t) => t.optimizer === 'a')!;
    expect(a.mean.at(-1)).toBe(3);
    expect(a.mean[24]).toBe(5); // x = 1, after the first trial
    expect(task.trajectories.find((t) => t.optimizer === 'b')!.mean.at(-1)).toBe(3);
  });

  test('the leaderboard says what counts and how many runs found no feasible trial', () => {
    const markdown = leaderboardMarkdown(analyzeGrid(runs));
    expect(markdown).toContain(
      'Subject to `size <= 1`: only trials that satisfy every constraint count. 1 run found no feasible trial (a: 1 of 2): left out of the means, ranked after every run that found one.',
    );
    expect(leaderboardMarkdown(analyzeGrid([run('a', 0, [1, 2])]))).not.toContain('Subject to');
    const none = analyzeGrid([constrained('a', 0, [1], [1])]);
    expect(none.tasks[0]!.final[0]!.value.n).toBe(0);
    expect(leaderboardMarkdown(none)).toMatch(/\| a \| black-box \| n\/a \|/);
  });
});
