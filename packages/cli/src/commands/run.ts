import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { simulate, type PluginRegistry, type TrialRecord } from '@jahskit/core';
import type { CliIo, Command } from '../Command';
import { CliError } from '../commandLineError';
import { parseFlags } from '../parseFlags';
import { MAX_SEED, parseIntegerOption } from '../parseIntegerOption';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';
import { ProgressBar } from '../report/ProgressBar';
import { resultLine, timingLine } from '../report/resultLines';
import { formatTable, summarize } from '../report/summarize';

/** The defaults of `jahskit run`: regularised evolution on NAS-Bench-201 (CIFAR-10), embedded data. */
export const DEFAULT_STUDY = { benchmark: 'nb201', optimizer: 're', budget: '200', seed: '0' } as const;

const USAGE = `usage: jahskit run [--benchmark <id>] [--optimizer <id>] [--seed <n>] [--budget <n> | <seconds>s]
                   [--workers <k>] [--mode async|sync] [--fidelity-mode continue|retrain]
                   [--instance <name>] [--benchmark-options <json>] [--optimizer-options <json>]
                   [--out <dir>] [--quiet]
  --budget 200     stop after 200 trials;  --budget 86400s  stop after 86,400 simulated seconds
  defaults: --benchmark ${DEFAULT_STUDY.benchmark} --optimizer ${DEFAULT_STUDY.optimizer} --budget ${DEFAULT_STUDY.budget} --seed ${DEFAULT_STUDY.seed} --workers 1 --out runs
  writes <out>/<benchmark>-<optimizer>-seed<seed>/{results.jsonl, timing.jsonl, study.json}`;

/** `jahskit run`: one seeded study on simulated time, with a progress bar, a summary and a results file. */
export function runCommand(registry: () => PluginRegistry): Command {
  return {
    name: 'run',
    summary: 'run an optimizer on a benchmark on simulated time and write a results file',
    usage: USAGE,
    async run(argv, io) {
      const { values } = parseFlags(argv, {
        benchmark: { type: 'string', default: DEFAULT_STUDY.benchmark },
        optimizer: { type: 'string', default: DEFAULT_STUDY.optimizer },
        seed: { type: 'string', default: DEFAULT_STUDY.seed },
        budget: { type: 'string', default: DEFAULT_STUDY.budget },
        workers: { type: 'string', default: '1' },
        mode: { type: 'string', default: 'async' },
        'fidelity-mode': { type: 'string', default: 'continue' },
        instance: { type: 'string' },
        'benchmark-options': { type: 'string' },
        'optimizer-options': { type: 'string' },
        out: { type: 'string', default: 'runs' },
        quiet: { type: 'boolean', default: false },
      });
      const seed = parseIntegerOption(values.seed, 'seed', 0, MAX_SEED);
      const workers = parseIntegerOption(values.workers, 'workers', 1);
      const budget = parseBudget(values.budget);
      const mode = oneOf(values.mode, 'mode', ['async', 'sync'] as const);
      const fidelityMode = oneOf(values['fidelity-mode'], 'fidelity-mode', ['continue', 'retrain'] as const);
      const benchmarkOptions = {
        ...parseJsonOption(values['benchmark-options'], '--benchmark-options'),
        ...(values.instance !== undefined ? { instance: values.instance } : {}),
      };
      const optimizerOptions = parseJsonOption(values['optimizer-options'], '--optimizer-options');

      const reg = registry();
      // Look both plugins up before loading data, so a typo fails at once.
      reg.get('benchmark', values.benchmark);
      reg.get('optimizer', values.optimizer);
      const benchmark = await reg.createBenchmark(values.benchmark, benchmarkOptions, { env: io.env });
      try {
        const optimizer = reg.createOptimizer(values.optimizer, optimizerOptions, {
          space: benchmark.space,
          fidelitySpace: benchmark.fidelitySpace,
          objectives: benchmark.objectives,
          seed,
          ...(benchmark.cheapMetrics !== undefined ? { cheapObjectives: benchmark.cheapMetrics.bind(benchmark) } : {}),
        });
        // Instance ids such as nb201/cifar10 become one folder name, not nested folders.
        const name = `${benchmark.id.replaceAll('/', '-')}-${values.optimizer}-seed${seed}`;
        const dir = resolve(io.cwd, values.out, name);
        await mkdir(dir, { recursive: true });
        const progress = values.quiet ? undefined : new ProgressBar(io, budget.evaluations ?? budget.simulatedSeconds ?? 0, budget.evaluations !== undefined ? 'trials' : 's');
        const lines: string[] = [];
        const run = await simulate({
          benchmark,
          optimizer,
          seed,
          workers,
          mode,
          fidelityMode,
          budget,
          onRecord: (record: TrialRecord, study) => {
            lines.push(resultLine(record));
            progress?.update(budget.evaluations !== undefined ? study.records.length : (record.end ?? 0));
          },
        });
        progress?.done();
        await writeFile(join(dir, 'results.jsonl'), lines.length > 0 ? `${lines.join('\n')}\n` : '');
        const timing = run.study.wallClock.entries.map(timingLine);
        await writeFile(join(dir, 'timing.jsonl'), timing.length > 0 ? `${timing.join('\n')}\n` : '');
        const settings = { benchmark: benchmark.id, benchmarkOptions, optimizer: values.optimizer, optimizerOptions, seed, workers, mode, fidelityMode, budget };
        await writeFile(join(dir, 'study.json'), `${JSON.stringify({ settings, objectives: benchmark.objectives, stopReason: run.stopReason, simulatedSeconds: run.simulatedSeconds, trials: run.records.length }, null, 2)}\n`);
        const totals = run.study.wallClock.totals;
        const rows = summarize(benchmark, run.records, run.simulatedSeconds);
        io.stdout(
          `${values.optimizer} on ${benchmark.id}, seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'} (${mode}); stopped by ${run.stopReason}\n` +
            `${formatTable([...rows, ['optimizer wall-clock', `${((totals.ask + totals.tell) * 1000).toFixed(1)} ms in ${totals.calls} calls`], ['results', join(values.out, name, 'results.jsonl')]])}\n`,
        );
        return 0;
      } finally {
        await benchmark.close?.();
      }
    },
  };
}

function oneOf<const T extends readonly string[]>(text: string, name: string, allowed: T): T[number] {
  if (!allowed.includes(text)) {
    throw new CliError('usage', `--${name} must be one of ${allowed.join(', ')}, got ${quoteValue(text)}`, { parameter: name, allowed: allowed.join(', ') });
  }
  return text as T[number];
}

/** "200" -> 200 trials; "3600s" -> 3,600 simulated seconds. */
export function parseBudget(text: string): { evaluations?: number; simulatedSeconds?: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s?)\s*$/.exec(text);
  if (match === null || Number(match[1]) <= 0 || (match[2] === '' && !Number.isInteger(Number(match[1])))) {
    throw new CliError('usage', `--budget must be a number of trials (e.g. 200) or simulated seconds (e.g. 86400s), got ${quoteValue(text)}`, {
      parameter: 'budget',
      allowed: '<trials> or <seconds>s',
    });
  }
  return match[2] === 's' ? { simulatedSeconds: Number(match[1]) } : { evaluations: Number(match[1]) };
}

export type { CliIo };
