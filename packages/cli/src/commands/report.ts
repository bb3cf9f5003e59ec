import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { writeAnalysis } from '../compare/writeAnalysis';

const USAGE = `usage: jahskit report <results-dir> [--out <file.html>]
  analyses the runs that \`jahskit compare\` (or \`jahskit run\`, one file per run) wrote in <results-dir> and writes one self-contained HTML file
  (default <results-dir>/report.html) with trajectories (mean ± SEM), anytime ranks, Pareto fronts and tables,
  plus analysis.json, leaderboard.md and leaderboard.csv beside the runs`;

const FLAGS = { out: { type: 'string' } } as const;

/** `jahskit report`: the HTML report of a results folder. */
export const reportCommand: Command = defineCommand(
  {
    name: 'report',
    summary: 'write the HTML report (plots and tables) of a folder of jahskit compare or run results',
    usage: USAGE,
    flags: FLAGS,
    positionals: true,
  },
  async ({ values, positionals }, io) => {
    if (positionals.length !== 1)
      throw new CliError('usage', 'give exactly one results folder (written by jahskit compare or jahskit run)', { parameter: 'results-dir' });
    const dir = resolve(io.cwd, positionals[0] as string);
    const { analysis, unfinished } = await writeAnalysis(dir);
    // Loaded on demand: the charting library is large and only reports need it.
    const { renderReport } = await import('../report/html/renderReport');
    const file = values.out === undefined ? join(dir, 'report.html') : resolve(io.cwd, values.out);
    await writeFile(file, await renderReport(analysis));
    if (unfinished.length > 0) io.stderr(`note: ${unfinished.length} runs are not finished (e.g. ${unfinished[0]}); the report covers the finished ones\n`);
    io.stdout(`wrote ${relative(io.cwd, file) || file}\n`);
    return 0;
  },
);
