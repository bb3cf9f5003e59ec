import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import { writeReportGrid } from './reportFixtures';

describe('jahskit report', () => {
  test('writes one self-contained HTML file with every task, the Pareto fronts and the leaderboards', async () => {
    const cwd = await writeReportGrid();
    const io = memoryIo('', cwd);
    expect(await runCli(['report', 'grid'], io)).toBe(0);
    expect(io.out()).toBe(`wrote ${join('grid', 'report.html')}\n`);
    const html = readFileSync(join(cwd, 'grid', 'report.html'), 'utf8');
    expect(html).toContain('NAS-Bench-201 CIFAR-10: validation regret');
    expect(html).toContain('NAS-Bench-201 CIFAR-10: validation error and parameters');
    // Scripts only inline (Vega's runtime and the live view), nothing to fetch.
    expect(html).not.toMatch(/<script[^>]*\bsrc=|\b(src|href)="https?:/);
    // 2 tasks x (trajectory + anytime ranks) + the Pareto fronts of the multi-objective task.
    expect(html.match(/<figure class="plot"/g)).toHaveLength(5);
  });

  test('reads a folder of jahskit run results as a grid: one task per benchmark, one series per optimizer', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-report-'));
    for (const optimizer of ['rs', 're']) {
      for (const seed of ['1', '2']) {
        expect(
          await runCli(
            ['run', '--benchmark', 'nb201', '--optimizer', optimizer, '--seed', seed, '--budget', '30', '--quiet', '--out', 'runs'],
            memoryIo('', cwd),
          ),
        ).toBe(0);
      }
    }
    const io = memoryIo('', cwd);
    expect(await runCli(['report', 'runs'], io)).toBe(0);
    const board = readFileSync(join(cwd, 'runs', 'leaderboard.md'), 'utf8');
    expect(board).toMatch(/^# 2 optimizers x 1 tasks x 2 seeds/);
    expect(board).toMatch(/\| re \| black-box \| /);
    expect(board).toMatch(/\| rs \| black-box \| /);
    expect(readFileSync(join(cwd, 'runs', 'report.html'), 'utf8')).toContain('nb201/cifar10');

    // A run of the same benchmark with another budget cannot join the comparison.
    expect(
      await runCli(['run', '--benchmark', 'nb201', '--optimizer', 'rs', '--seed', '3', '--budget', '10', '--quiet', '--out', 'runs'], memoryIo('', cwd)),
    ).toBe(0);
    const mixed = memoryIo('', cwd);
    expect(await runCli(['report', 'runs'], mixed)).toBe(1);
    expect(mixed.err()).toMatch(/runs of nb201\/cifar10 with other objectives, metric, budget or workers; report them from separate folders/);
  });

  test.each([
    [[], /give exactly one results folder/],
    [['nowhere'], /nowhere holds no grid.json and no run files: not a folder written by jahskit compare or jahskit run/],
  ])('bad input %j gives one readable line', async (args, message) => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-report-')));
    expect(await runCli(['report', ...args], io)).not.toBe(0);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
