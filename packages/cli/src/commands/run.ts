import { join, resolve } from 'node:path';
import type { Benchmark, JsonValue, PluginRegistry, TrialRecord } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { peekFlag } from '../pluginOptionFlags';
import { MAX_SEED, parseIntegerOption } from '../parseIntegerOption';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';
import { compileTask } from '../compare/compileTask';
import { executeRun } from '../compare/executeRun';
import type { Protocol } from '../compare/Protocol';
import { RunContext } from '../compare/RunContext';
import { runMetric } from '../compare/runMetric';
import { ProgressBar } from '../report/ProgressBar';
import { formatTable } from '../report/formatTable';
import { summaryTracker } from '../report/summaryTracker';

/** The defaults of `jahskit run`: regularised evolution on NAS-Bench-201 (CIFAR-10), embedded data. */
const DEFAULT_STUDY = { benchmark: 'nb201', optimizer: 're', budget: '200', seed: '0' } as const;

const USAGE = `usage: jahskit run [--benchmark <id>] [--optimizer <id>] [--seed <n>] [--budget <n> | <seconds>s]
                   [--workers <k>] [--mode async|sync] [--fidelity-mode continue|retrain]
                   [--instance <name>] [--benchmark-options <json>] [--optimizer-options <json>]
                   [--constraint <expr> ...] [--objective <name = expr> ...]
                   [--out <dir>] [--quiet] [--json] [--<option> <value> ...]
  --json   print one JSON document at the end (the run, its stop reason, counts and best trial or
      non-dominated trials) instead of the progress bar and the table
  --eta 3, --population 20, --prior ...   an option of the optimizer or the benchmark, as \`jahskit list\`
      prints it (also --min-budget for --minBudget, --no-prior for false): the same as giving it in
      --optimizer-options / --benchmark-options (not both); its value is JSON where the option takes it
  --constraint "latency_s <= 0.02"   only trials that satisfy it count (repeatable; <=, <, >=, > over the
      objectives and metrics the benchmark reports, with + - * / ^ and abs exp log log10 log2 max min sqrt);
      the optimizer is told each trial's constraint values, and a constraint reading only cheap metrics
      (parameters, FLOPs) rejects a trial before training
  --objective "err = valid_error"   optimise this expression instead of the task's objectives (repeatable:
      several make a multi-objective task; "maximize acc = 100 - valid_error" to maximise); the task's
      objectives (--objectives or the default) stay readable as metrics
  --budget 200     stop after 200 trials;  --budget 86400s  stop after 86,400 simulated seconds
  defaults: --benchmark ${DEFAULT_STUDY.benchmark} --optimizer ${DEFAULT_STUDY.optimizer} --budget ${DEFAULT_STUDY.budget} --seed ${DEFAULT_STUDY.seed} --workers 1 --out runs
  writes <out>/<benchmark>-<optimizer>-seed<seed>.jsonl as it goes (a header line, one line per trial,
  an end line; the same run file as compare's, read by report) and its .timing.jsonl; rerunning the same
  command after an interruption resumes it, and a different run's file is never overwritten`;

const FLAGS = {
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
  json: { type: 'boolean', default: false },
  constraint: { type: 'string', multiple: true },
  objective: { type: 'string', multiple: true },
} as const;

/** `jahskit run`: one seeded study on simulated time, with a progress bar, a summary and a results file. */
export function runCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'run',
      summary: 'run an optimizer on a benchmark on simulated time and write a results file',
      usage: USAGE,
      flags: FLAGS,
      pluginOptions: (argv) => [
        { kind: 'benchmark', descriptor: registry().get('benchmark', peekFlag(argv, 'benchmark') ?? DEFAULT_STUDY.benchmark) },
        { kind: 'optimizer', descriptor: registry().get('optimizer', peekFlag(argv, 'optimizer') ?? DEFAULT_STUDY.optimizer) },
      ],
    },
    async (flagged, io) => {
      const values = flagged.values;
      const seed = parseIntegerOption(values.seed, 'seed', 0, MAX_SEED);
      const workers = parseIntegerOption(values.workers, 'workers', 1);
      const budget = parseBudget(values.budget);
      const mode = oneOf(values.mode, 'mode', ['async', 'sync'] as const);
      const fidelityMode = oneOf(values['fidelity-mode'], 'fidelity-mode', ['continue', 'retrain'] as const);
      const benchmarkOptions = {
        ...flagged.options('benchmark', parseJsonOption(values['benchmark-options'], '--benchmark-options'), '--benchmark-options'),
        ...(values.instance !== undefined ? { instance: values.instance } : {}),
      };
      const optimizerOptions = flagged.options('optimizer', parseJsonOption(values['optimizer-options'], '--optimizer-options'), '--optimizer-options');

      const reg = registry();
      // Look both plugins up before loading data, so a typo fails at once.
      reg.get('benchmark', values.benchmark);
      reg.get('optimizer', values.optimizer);
      const context = new RunContext(reg, io.env);
      try {
        const loaded = await context.benchmark(values.benchmark, benchmarkOptions as Record<string, JsonValue>);
        const expressions = { objectives: values.objective ?? [], constraints: values.constraint ?? [] };
        // Checked here, before any trial, so that a bad expression is a usage error naming the flag.
        const { benchmark } = await compileTask(loaded, expressions, { kind: 'usage', objective: '--objective', constraint: '--constraint' });
        const protocol = {
          ...runProtocol(values.benchmark, benchmark, benchmarkOptions as Record<string, JsonValue>, { budget, workers, mode, fidelityMode }),
          ...taskExpressions(expressions),
        };
        // Instance ids such as nb201/cifar10 become one file name, not nested folders.
        const name = `${benchmark.id.replaceAll('/', '-')}-${values.optimizer}-seed${seed}`;
        const path = resolve(io.cwd, values.out, `${name}.jsonl`);
        const progress =
          values.quiet || values.json
            ? undefined
            : new ProgressBar(io, budget.evaluations ?? budget.simulatedSeconds ?? 0, budget.evaluations !== undefined ? 'trials' : 's');
        const summary = summaryTracker(benchmark, expressions.constraints);
        const outcome = await executeRun(
          { spec: { task: protocol.name, optimizer: values.optimizer, optimizerOptions: optimizerOptions as Record<string, JsonValue>, seed }, protocol, path },
          context,
          (record: TrialRecord, constraintValues) => {
            summary.add(record, constraintValues);
            progress?.update(budget.evaluations !== undefined ? summary.trials() : (record.end ?? 0));
          },
        );
        progress?.done();
        const file = join(values.out, `${name}.jsonl`);
        if (values.json) {
          const about = { benchmark: benchmark.id, optimizer: values.optimizer, seed, workers, mode, results: file };
          const end =
            outcome.end === undefined
              ? { status: 'finished-before', trials: outcome.trials }
              : { status: outcome.status, stopReason: outcome.end.stopReason, ...summary.summary(outcome.end.simulatedSeconds) };
          io.stdout(`${JSON.stringify({ ...about, ...end }, null, 2)}\n`);
          return 0;
        }
        if (values.quiet) return 0;
        if (outcome.end === undefined) {
          io.stdout(`${file} holds this run, finished before (${outcome.trials} trials); nothing to do\n`);
          return 0;
        }
        io.stdout(
          `${values.optimizer} on ${benchmark.id}, seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'} (${mode}); stopped by ${outcome.end.stopReason}${outcome.status === 'resumed' ? ' (resumed)' : ''}\n` +
            `${formatTable([...summary.rows(outcome.end.simulatedSeconds), ['results', file]])}\n`,
        );
        return 0;
      } finally {
        await context.close();
      }
    },
  );
}

/**
 * The protocol of one `jahskit run`: the benchmark's task as the command line set it up, judged as
 * runMetric says.
 */
function runProtocol(
  id: string,
  benchmark: Benchmark,
  benchmarkOptions: Readonly<Record<string, JsonValue>>,
  settings: { budget: { evaluations?: number; simulatedSeconds?: number }; workers: number; mode: 'async' | 'sync'; fidelityMode: 'continue' | 'retrain' },
): Protocol {
  const { metric, front } = runMetric(benchmark);
  return {
    name: 'run',
    title: benchmark.id,
    description: 'one study run by jahskit run',
    benchmark: id,
    benchmarkOptions,
    budget: settings.budget,
    workers: settings.workers,
    mode: settings.mode,
    fidelityMode: settings.fidelityMode,
    seeds: 1,
    metric,
    axis: settings.budget.evaluations !== undefined ? 'evaluations' : 'simulated-seconds',
    ...(metric === 'hypervolume' ? { referencePoint: front?.referencePoint } : {}),
    embedded: true,
  };
}

/** The protocol fields of a task's expressions: absent when there are none, so such runs' headers stay as they were. */
function taskExpressions(expressions: { objectives: readonly string[]; constraints: readonly string[] }): Pick<Protocol, 'objectives' | 'constraints'> {
  return {
    ...(expressions.objectives.length > 0 ? { objectives: expressions.objectives } : {}),
    ...(expressions.constraints.length > 0 ? { constraints: expressions.constraints } : {}),
  };
}

function oneOf<const T extends readonly string[]>(text: string, name: string, allowed: T): T[number] {
  if (!allowed.includes(text)) {
    throw new CliError('usage', `--${name} must be one of ${allowed.join(', ')}, got ${quoteValue(text)}`, { parameter: name, allowed: allowed.join(', ') });
  }
  return text as T[number];
}

/** "200" -> 200 trials; "3600s" -> 3,600 simulated seconds. */
function parseBudget(text: string): { evaluations?: number; simulatedSeconds?: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s?)\s*$/.exec(text);
  if (match === null || Number(match[1]) <= 0 || (match[2] === '' && !Number.isInteger(Number(match[1])))) {
    throw new CliError('usage', `--budget must be a number of trials (e.g. 200) or simulated seconds (e.g. 86400s), got ${quoteValue(text)}`, {
      parameter: 'budget',
      allowed: '<trials> or <seconds>s',
    });
  }
  return match[2] === 's' ? { simulatedSeconds: Number(match[1]) } : { evaluations: Number(match[1]) };
}
