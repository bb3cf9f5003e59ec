import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRunResult } from '../analysis/readRunResult';
import type { RunResult } from '../analysis/RunResult';
import { CliError } from '../commandLineError';

/**
 * The runs `jahskit run` wrote into a folder (one `<benchmark>-<optimizer>-seed<s>.jsonl` per run, in
 * the same format as a grid's run files), so that `report` reads a folder of runs as it reads a grid:
 * each benchmark is a task, each optimizer a series. Runs of one benchmark must agree on what they
 * measure (objectives, metric, axis, budget), or they could not be compared.
 */
export function readRunFolder(dir: string): { runs: RunResult[]; unfinished: string[] } {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl') && !name.endsWith('.timing.jsonl'))
    .sort();
  const runs: RunResult[] = [];
  const unfinished: string[] = [];
  const firstOf = new Map<string, { file: string; measure: string }>();
  for (const file of files) {
    const run = readRunResult(join(dir, file));
    if (run === undefined) {
      unfinished.push(file);
      continue;
    }
    const { header } = run;
    // `run` files name their task "run": the benchmark is what tells their tasks apart.
    const task = header.task === 'run' ? header.benchmark : header.task;
    const measure = JSON.stringify([header.benchmarkOptions, header.objectives, header.metric, header.axis, header.budget, header.workers]);
    const first = firstOf.get(task);
    if (first === undefined) firstOf.set(task, { file, measure });
    else if (first.measure !== measure) {
      throw new CliError(
        'input',
        `${dir}: ${file} and ${first.file} are runs of ${task} with other objectives, metric, budget or workers; report them from separate folders`,
        { parameter: 'results-dir' },
      );
    }
    runs.push({ ...run, header: { ...header, task } });
  }
  return { runs, unfinished };
}
