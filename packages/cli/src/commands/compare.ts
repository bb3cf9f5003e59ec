import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { handlesObjectives, validateOptions, type JsonValue, type PluginRegistry } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { BUILTIN_PROTOCOLS } from '../compare/builtinProtocols';
import type { RunJob } from '../compare/executeRun';
import { findProtocol } from '../compare/findProtocol';
import { parseOptimizerVariant } from '../compare/optimizerVariant';
import { presetOptions } from '../compare/presetOptions';
import { protocolList } from '../compare/protocolList';
import { claimResultsFolder, manifestSeeds, seedsField } from '../compare/GridManifest';
import { parseBudget } from '../compare/parseBudget';
import { parseSeeds } from '../compare/parseSeeds';
import { readProtocolFile } from '../compare/readProtocolFile';
import { gridThreadsCanRun } from '../compare/gridThreadsCanRun';
import type { Protocol } from '../compare/Protocol';
import { RunContext } from '../compare/RunContext';
import { compileTask, protocolExpressionErrors } from '../compare/compileTask';
import { runBenchmarkOptions } from '../compare/resolveProtocolRun';
import { runGrid } from '../compare/runGrid';
import { takeSpareGridThread } from '../compare/spareGridThread';
import { gridRuns, runFilePath, type SkippedPair } from '../compare/RunSpec';
import { writeAnalysis } from '../compare/writeAnalysis';
import { distributeGrid } from '../compare/distributeGrid';
import { defineCommand } from '../defineCommand';
import { defaultWorkerName } from '../study/openCliStudy';
import { parseIntegerOption } from '../parseIntegerOption';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';
import { renamedFlag } from '../renamedFlag';
import { ProgressBar } from '../report/ProgressBar';
import { loadStorage } from '../loadStorage';

/** What `npm start` runs: a small comparison on the data that ships with jahskit. */
const DEFAULT_COMPARISON = { protocols: 'nb201,jahs', optimizers: 'rs,re,hyperband', seeds: '10', out: join('runs', 'compare') } as const;

const USAGE = `usage: jahskit compare [--protocols <name,...>] [--optimizers <id,...>] [--seeds <n | a..b>]
                       [--budget <n | Ns>] [--constraint <expr> ...] [--objective <name = expr> ...] [--extend] [--protocol-file <f>] [--threads <k>] [--out <dir>] [--optimizer-options <json>] [--report] [--quiet] [--json]
                       [--storage <postgresql-url> [--enqueue-only] [--lease-seconds <s>]]
  runs every optimizer on every protocol with seeds 0..n-1 in k threads, this one included (default: one
  per core, at most one per run; a thread takes a run needing a benchmark another thread has loaded only
  when that shortens the grid);
  one JSON-lines file per run in <out>/<protocol>/<optimizer>/seed<s>.jsonl; rerunning the same command
  resumes an interrupted grid. Then writes analysis.json, leaderboard.md, leaderboard.csv
  (and report.html with --report) in <out>.
  --optimizer-options '{"re": {"population": 50}}'   options per optimizer id
  --optimizers rs,re,re@pop20 --optimizer-options '{"re@pop20": {"population": 20}}'   a labelled variant:
      the same optimizer again with other options, in its own folder and leaderboard row
  --seeds 10..19   seeds 10 to 19 (--seeds n: 0..n-1); --budget 200 or 12000s: evaluations or simulated
      seconds of every run instead of each protocol's budget
  --constraint "latency_s <= 0.02"   added to every protocol's constraints (repeatable): trajectories, ranks
      and leaderboards count only trials that satisfy them all, and the optimizers are told each trial's values
  --objective "err = valid_error"   replaces every protocol's objectives (repeatable); theirs stay readable
      as metrics. A protocol may carry both as data ("objectives", "constraints"; see nb201-latency)
  --list-protocols   every protocol (with --protocol-file's) with its source, presets and published values
  --optimizers rs,re@nb201-paper   a protocol's preset: its source's options, no --optimizer-options needed
  --protocol-file <file.json>   protocols of your own (a JSON array, see docs/guides/benchmark-studies.md),
      named in --protocols beside the shipped ones
  --extend   add this grid's protocols, optimizers and seeds to the grid already in --out: the folder then
      holds the union, and only runs not finished before run
  --benchmarks and --workers, the old names of --protocols and --threads, work until the next release
  --storage postgresql://user@host:port/db   a distributed grid: its runs are queued in PostgreSQL (the same
      run is never queued twice), this process works on them beside any \`jahskit worker\` processes on
      other machines, and every result is written here as a local grid would; --enqueue-only queues and
      collects what is done without running anything
  --json   print one JSON document at the end (what ran, the files written and analysis.json's content)
      instead of the progress bar and the leaderboard
  defaults: --protocols ${DEFAULT_COMPARISON.protocols} --optimizers ${DEFAULT_COMPARISON.optimizers} --seeds ${DEFAULT_COMPARISON.seeds} --out ${DEFAULT_COMPARISON.out}
protocols:
${BUILTIN_PROTOCOLS.map((p) => `  ${p.name.padEnd(13)} ${p.title}${p.embedded ? '' : ' (data: separate download)'}`).join('\n')}`;

const FLAGS = {
  protocols: { type: 'string' },
  benchmarks: { type: 'string' },
  optimizers: { type: 'string', default: DEFAULT_COMPARISON.optimizers },
  seeds: { type: 'string', default: DEFAULT_COMPARISON.seeds },
  threads: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string', default: DEFAULT_COMPARISON.out },
  'optimizer-options': { type: 'string' },
  report: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  storage: { type: 'string' },
  'enqueue-only': { type: 'boolean', default: false },
  'lease-seconds': { type: 'string', default: '60' },
  budget: { type: 'string' },
  extend: { type: 'boolean', default: false },
  'protocol-file': { type: 'string' },
  json: { type: 'boolean', default: false },
  'list-protocols': { type: 'boolean', default: false },
  constraint: { type: 'string', multiple: true },
  objective: { type: 'string', multiple: true },
} as const;

/** `jahskit compare`: a grid of protocols x optimizers x seeds, resumable, in parallel threads. */
export function compareCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'compare',
      summary: 'run a grid of optimizers x benchmark protocols x seeds in parallel; resumable',
      usage: USAGE,
      flags: FLAGS,
      deprecatedFlags: ['benchmarks', 'workers'],
    },
    async ({ values, argv }, io) => {
      if (values['list-protocols']) {
        // Listing runs nothing: a grid's flags beside it are a mistake, not something to ignore.
        const others = argv
          .filter((a) => a.startsWith('--') && a !== '--')
          .map((a) => a.slice(2).split('=')[0]!)
          .filter((name) => !['list-protocols', 'protocol-file', 'quiet'].includes(name));
        if (others.length > 0) {
          throw new CliError('usage', `--list-protocols lists the protocols and runs nothing; it takes only --protocol-file (got --${others[0]})`, {
            parameter: 'list-protocols',
            allowed: '--protocol-file',
          });
        }
      }
      if (values.storage !== undefined && !/^postgres(ql)?:\/\//.test(values.storage)) {
        throw new CliError('usage', `--storage must be a postgresql:// URL: distributed grids are kept in PostgreSQL, got ${quoteValue(values.storage)}`, {
          parameter: 'storage',
          allowed: 'postgresql://user@host:port/db',
        });
      }
      const leaseSeconds = parseIntegerOption(values['lease-seconds'], 'lease-seconds', 1);
      const budget = values.budget === undefined ? undefined : parseBudget(values.budget);
      const known = [
        ...BUILTIN_PROTOCOLS,
        ...(values['protocol-file'] === undefined ? [] : readProtocolFile(resolve(io.cwd, values['protocol-file']), values['protocol-file'])),
      ];
      if (values['list-protocols']) {
        io.stdout(
          protocolList(
            known,
            values['protocol-file'] === undefined
              ? undefined
              : { names: new Set(known.slice(BUILTIN_PROTOCOLS.length).map((p) => p.name)), file: values['protocol-file'] },
          ),
        );
        return 0;
      }
      const flagged = { objectives: values.objective ?? [], constraints: values.constraint ?? [] };
      const protocolNamed = (name: string): Protocol => withFlags(findProtocol(name, known), budget, flagged);
      const protocols = list(renamedFlag(values, 'protocols', 'benchmarks', io) ?? DEFAULT_COMPARISON.protocols, 'protocols').map(protocolNamed);
      const seeds = parseSeeds(values.seeds);
      const threadsFlag = renamedFlag(values, 'threads', 'workers', io);
      const threads = threadsFlag === undefined ? availableParallelism() : parseIntegerOption(threadsFlag, 'threads', 1);
      const optionsById = presetOptions(
        list(values.optimizers, 'optimizers'),
        parseJsonOption(values['optimizer-options'], '--optimizer-options') as Record<string, JsonValue>,
        known,
      );
      const reg = registry();
      const ids = list(values.optimizers, 'optimizers');
      const variants = ids.map(parseOptimizerVariant);
      for (const key of Object.keys(optionsById)) {
        if (!ids.includes(key))
          throw new CliError('usage', `--optimizer-options names "${key}", which is not in --optimizers (${ids.join(', ')})`, {
            parameter: 'optimizer-options',
            allowed: ids.join(', '),
          });
      }
      for (const { label, variant } of variants) {
        // A variant without options of its own would rerun its optimizer under a second name.
        if (variant !== undefined && optionsById[label] === undefined) {
          throw new CliError('usage', `--optimizers names the variant "${label}", which has no options in --optimizer-options (e.g. '{"${label}": {...}}')`, {
            parameter: 'optimizer-options',
          });
        }
      }
      const skipped: SkippedPair[] = [];
      const optimizers = variants.map(({ label: id, id: registered }) => {
        const descriptor = reg.get('optimizer', registered);
        const options = (optionsById[id] ?? {}) as Record<string, JsonValue>;
        // Fail before any run starts: a typo must not surface as 60 failed runs.
        validateOptions(descriptor.options, options, `optimizer "${id}"`);
        const wants = descriptor.capabilities.objectives;
        // A single-objective optimizer sits out the multi-objective tasks of a grid, and vice versa.
        for (const protocol of protocols) {
          const m =
            protocol.objectives?.length ?? (Array.isArray(protocol.benchmarkOptions['objectives']) ? protocol.benchmarkOptions['objectives'].length : 1);
          if (!handlesObjectives(descriptor.capabilities, m)) skipped.push({ task: protocol.name, optimizer: id });
        }
        if (skipped.filter((s) => s.optimizer === id).length === protocols.length) {
          throw new CliError('usage', `optimizer "${id}" is ${wants}-objective and fits none of the protocols ${protocols.map((p) => p.name).join(', ')}`, {
            parameter: 'optimizers',
          });
        }
        return { id, options };
      });
      for (const protocol of protocols) reg.get('benchmark', protocol.benchmark);
      for (const protocol of protocols) {
        if (seeds.length < protocol.seeds) io.stderr(`note: protocol "${protocol.name}" asks for at least ${protocol.seeds} seeds; running ${seeds.length}\n`);
      }

      const out = resolve(io.cwd, values.out);
      for (const pair of skipped) io.stderr(`note: ${pair.optimizer} does not run ${pair.task} (objectives do not fit)\n`);
      const asked = {
        tasks: protocols.map((p) => p.name),
        optimizers,
        seeds: seedsField(seeds),
        skipped,
        ...(budget !== undefined ? { budget } : {}),
        ...(flagged.objectives.length > 0 ? { objectives: flagged.objectives } : {}),
        ...(flagged.constraints.length > 0 ? { constraints: flagged.constraints } : {}),
      };
      // Every expression is checked against its benchmark before the folder is claimed or any run
      // starts: a typo must not surface as 60 failed runs. Only protocols with expressions load here,
      // into the context this thread runs its jobs with.
      const context = new RunContext(reg, io.env);
      let claim: ReturnType<typeof claimResultsFolder>;
      try {
        for (const protocol of protocols) await checkExpressions(findProtocol(protocol.name, known), protocol, context);
        claim = claimResultsFolder(out, asked, { extend: values.extend });
      } catch (error) {
        await context.close();
        throw error;
      }
      const { status: claimed, manifest: grid } = claim;
      // An extended grid runs every run of the union; those of the grid before are found finished.
      const gridProtocols = grid.tasks.map((name) => protocols.find((p) => p.name === name) ?? protocolNamed(name));
      const jobs: RunJob[] = gridRuns(grid.tasks, grid.optimizers, manifestSeeds(grid), grid.skipped).map((spec) => ({
        spec,
        protocol: gridProtocols.find((p) => p.name === spec.task)!,
        path: runFilePath(out, spec),
      }));
      const progress = values.quiet || values.json ? undefined : new ProgressBar(io, jobs.length, 'runs');
      const counts = { ran: 0, resumed: 0, skipped: 0 };
      // This thread runs jobs too, whatever the number of threads (with `context`).
      let used = Math.min(threads, jobs.length);
      if (used > 1 && !gridThreadsCanRun(reg, gridProtocols, grid.optimizers)) {
        io.stderr(`note: running in this thread only: grid threads load only the plugins jahskit ships, and this grid uses others\n`);
        used = 1;
      }
      let where = `with ${used} thread${used === 1 ? '' : 's'}`;
      // The thread bin.ts started beside this one, if any (see spareGridThread): the grid's first thread, or ended here.
      const spare = takeSpareGridThread();
      if (spare !== undefined && (used === 1 || values.storage !== undefined)) void spare.terminate();
      try {
        if (values.storage !== undefined) {
          const queue = new (await loadStorage()).PostgresGridQueue(values.storage);
          try {
            const done = await distributeGrid(jobs, queue, context, {
              worker: defaultWorkerName(),
              leaseSeconds,
              work: !values['enqueue-only'],
              wait: !values['enqueue-only'],
              onProgress: (finished) => progress?.update(finished),
              grid: { label: values.out, manifest: grid },
            });
            where = `through ${queue.location} (${done.added} newly queued)`;
            if (done.done < done.total) {
              progress?.done();
              io.stdout(
                `queued ${jobs.length} runs in ${queue.location} (${done.added} new); ${done.done} done. Start \`jahskit worker --storage <url>\` on any machines, then run this command again to collect the results\n`,
              );
              return 0;
            }
          } finally {
            await queue.close();
          }
        } else {
          await runGrid(jobs, {
            threads: used,
            context,
            ...(spare !== undefined && used > 1 ? { spare } : {}),
            onProgress: (p) => {
              if (p.outcome !== undefined) counts[p.outcome.status]++;
              progress?.update(p.finished);
            },
          });
        }
      } finally {
        progress?.done();
        await context.close();
      }
      const { analysis, markdown } = await writeAnalysis(out);
      if (values.report) {
        // Loaded on demand: the charting library is large and only reports need it.
        const { renderReport } = await import('../report/html/renderReport');
        await writeFile(join(out, 'report.html'), await renderReport(analysis));
      }
      const written = ['analysis.json', 'leaderboard.md', 'leaderboard.csv', ...(values.report ? ['report.html'] : [])].map((f) => join(values.out, f));
      if (values.json) {
        const runs = values.storage === undefined ? { runs: jobs.length, ...counts } : { runs: jobs.length };
        io.stdout(
          `${JSON.stringify({ grid: claimed === 'resume' ? 'resumed' : claimed === 'extend' ? 'extended' : 'ran', out: values.out, ...runs, threads: used, written, analysis }, null, 2)}\n`,
        );
        return 0;
      }
      io.stdout(
        `${claimed === 'resume' ? 'resumed' : claimed === 'extend' ? 'extended the grid to' : 'ran'} ${jobs.length} runs in ${values.out} ${values.storage === undefined ? `(${counts.ran} new, ${counts.resumed} resumed, ${counts.skipped} already finished) ` : ''}${where}\n\n` +
          `${markdown}\nwrote ${['analysis.json', 'leaderboard.md', 'leaderboard.csv', ...(values.report ? ['report.html'] : [])].map((f) => join(values.out, f)).join(', ')}\n`,
      );
      return 0;
    },
  );
}

/**
 * The protocol of a grid run: the protocol with --budget, --objective and --constraint applied. Derived
 * objectives have no known optimum and the protocol's label and reference point are about its own
 * objectives: one derived objective is judged by its best value, several need the protocol's
 * hypervolume reference point to have as many values.
 */
function withFlags(
  protocol: Protocol,
  budget: Protocol['budget'] | undefined,
  flagged: { objectives: readonly string[]; constraints: readonly string[] },
): Protocol {
  const constraints = [...(protocol.constraints ?? []), ...flagged.constraints];
  const withBudget = { ...protocol, ...(budget !== undefined ? { budget } : {}), ...(constraints.length > 0 ? { constraints } : {}) };
  if (flagged.objectives.length === 0) return withBudget;
  const { metricLabel: _label, referencePoint, ...rest } = withBudget;
  if (flagged.objectives.length === 1) return { ...rest, objectives: flagged.objectives, metric: 'best' };
  if (protocol.metric !== 'hypervolume' || referencePoint?.length !== flagged.objectives.length) {
    throw new CliError(
      'usage',
      `--objective gives ${flagged.objectives.length} objectives, but protocol "${protocol.name}" has no hypervolume reference point for them; give one objective, or write a protocol with its referencePoint (--protocol-file)`,
      {
        parameter: 'objective',
      },
    );
  }
  return { ...rest, objectives: flagged.objectives, referencePoint };
}

/**
 * Compiles a protocol's own expressions (an input error naming the protocol) and then those the
 * command line added (a usage error naming the flag) against the protocol's benchmark.
 */
async function checkExpressions(own: Protocol, run: Protocol, context: RunContext): Promise<void> {
  if ((run.objectives?.length ?? 0) === 0 && (run.constraints?.length ?? 0) === 0) return;
  const benchmark = await context.benchmark(run.benchmark, runBenchmarkOptions(run, 0));
  const task = await compileTask(benchmark, own, protocolExpressionErrors(own.name));
  await compileTask(benchmark, run, { kind: 'usage', objective: '--objective', constraint: '--constraint' });
  // Regret needs the optimum of the first objective, which derived objectives do not have: said here,
  // before the folder is claimed, rather than by every run.
  const first = task.benchmark.objectives[0]?.name;
  if (run.metric === 'regret' && first !== undefined && task.benchmark.optimum?.values[first] === undefined) {
    throw new CliError(
      'input',
      `protocol "${own.name}" measures regret, but its objective ${first} has no known optimum (a derived objective has none): use "metric": "best"`,
      { parameter: 'protocols' },
    );
  }
}

function list(text: string, name: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new CliError('usage', `--${name} needs at least one name`, { parameter: name });
  if (new Set(items).size !== items.length) throw new CliError('usage', `--${name} names something twice: ${quoteValue(text)}`, { parameter: name });
  return items;
}
