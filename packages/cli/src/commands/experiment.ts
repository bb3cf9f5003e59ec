import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { PluginRegistry } from '@jahskit/core';
import { formatMeanSem } from '../analysis/formatMeanSem';
import type { MeanSem } from '../analysis/GridAnalysis';
import type { GridAnalysis } from '../analysis/GridAnalysis';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { BUILTIN_EXPERIMENTS as EXPERIMENTS } from '../compare/builtinExperiments';
import { experimentAnalysis } from '../compare/experimentAnalysis';
import { defineCommand } from '../defineCommand';
import { quoteValue } from '../quoteValue';
import { renamedFlag } from '../renamedFlag';
import { compareCommand } from './compare';

const USAGE = `usage: jahskit experiment <name> [--seeds <n>] [--threads <k>] [--out <dir>]
  runs a named experiment (a grid of jahskit compare) and writes its plot (<name>.svg) and table (<name>.md)
  into <out> (default runs/<name>); --workers, the old name of --threads, works until the next release
experiments:
${EXPERIMENTS.map((e) => `  ${e.name.padEnd(22)} ${e.title}`).join('\n')}`;

const FLAGS = { seeds: { type: 'string' }, threads: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' } } as const;

/** `jahskit experiment <name>`: a research question as a resumable grid, with its plot. */
export function experimentCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'experiment',
      summary: 'run a named experiment (e.g. jahs-joint-vs-single) and write its plot and table',
      usage: USAGE,
      flags: FLAGS,
      deprecatedFlags: ['workers'],
      words: EXPERIMENTS.map((e) => e.name),
      positionals: true,
    },
    async ({ values, positionals }, io) => {
      const name = positionals[0];
      const experiment = EXPERIMENTS.find((e) => e.name === name);
      if (experiment === undefined || positionals.length !== 1) {
        const allowed = EXPERIMENTS.map((e) => e.name).join(', ');
        throw new CliError('usage', `${name === undefined ? 'name an experiment' : `unknown experiment ${quoteValue(name)}`}; experiments: ${allowed}`, {
          parameter: 'name',
          allowed,
        });
      }
      const threads = renamedFlag(values, 'threads', 'workers', io);
      const out = values.out ?? join('runs', experiment.name);
      const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
      const grid = [
        '--protocols',
        unique(experiment.arms.map((a) => a.protocol)).join(','),
        '--optimizers',
        unique(experiment.arms.map((a) => a.optimizer)).join(','),
        ...(experiment.optimizerOptions !== undefined ? ['--optimizer-options', JSON.stringify(experiment.optimizerOptions)] : []),
        '--seeds',
        values.seeds ?? String(experiment.seeds),
        '--out',
        out,
        '--quiet',
        ...(threads !== undefined ? ['--threads', threads] : []),
      ];
      const quiet = { ...io, stdout: () => undefined };
      const code = await compareCommand(registry).run(grid, quiet);
      if (code !== 0) return code;
      const dir = resolve(io.cwd, out);
      const analysis = JSON.parse(await readFile(join(dir, 'analysis.json'), 'utf8')) as GridAnalysis;
      const task = experimentAnalysis(experiment, analysis);
      // Loaded on demand: the charting library is large and only plots need it.
      const { trajectoryChartSvg } = await import('../report/html/renderReport');
      await writeFile(join(dir, `${experiment.name}.svg`), await trajectoryChartSvg(task));
      const columns = Object.keys(task.final[0]?.extras ?? {});
      const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
      const table = [
        row(['arm', `${task.metric.label} at the end of the budget`, ...columns]),
        row(['---', '---', ...columns.map(() => '---')]),
        ...task.final.map((r) => row([r.optimizer, formatMeanSem(r.value), ...columns.map((c) => showMeanSem(r.extras[c]))])),
        '',
        `Mean ± standard error over ${task.seeds} seeds; the x axis is ${task.xLabel} ("at 25%": after a quarter of the budget on it).`,
        `Command: \`npx jahskit experiment ${experiment.name}${values.seeds !== undefined ? ` --seeds ${values.seeds}` : ''}\` (one \`jahskit compare\` grid; its folder holds every run), ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${availableParallelism()} cores.`,
      ].join('\n');
      await writeFile(
        join(dir, `${experiment.name}.md`),
        `# ${experiment.title}\n\n${experiment.question}\n\n![${experiment.title}](${experiment.name}.svg)\n\n${table}\n`,
      );
      io.stdout(`${experiment.title}\n\n${table}\n\nwrote ${join(out, `${experiment.name}.svg`)}, ${join(out, `${experiment.name}.md`)}\n`);
      return 0;
    },
  );
}

function showMeanSem(value: MeanSem | undefined): string {
  return value === undefined || !Number.isFinite(value.mean) ? 'none yet' : formatMeanSem(value);
}
