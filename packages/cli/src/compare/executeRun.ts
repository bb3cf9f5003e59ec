import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { optimizerContextFor, simulate, type Benchmark, type Configuration, type Objective, type Optimizer, type TrialRecord } from '@jahskit/core';
import { compileTask, protocolExpressionErrors } from './compileTask';
import type { Setting } from '../analysis/GridAnalysis';
import { countsForMetric, metricTracker } from '../analysis/runTrajectory';
import { CliError } from '../commandLineError';
import { resultLine, timingLine } from '../report/resultLines';
import { optimizerIdOf } from './optimizerVariant';
import type { Protocol } from './Protocol';
import { RunFileWriter, scanRunFile } from './RunFile';
import { quoteValue } from '../quoteValue';
import type { RunContext } from './RunContext';
import type { RunEnd, RunHeader } from './RunHeader';
import { headerSimulation } from './headerSimulation';
import { timingFilePath, type RunSpec } from './RunSpec';
import { runBenchmarkOptions, runBudget } from './resolveProtocolRun';

/** One run to do: what, by which protocol, into which file. Plain data, so it can cross threads. */
export interface RunJob {
  readonly spec: RunSpec;
  readonly protocol: Protocol;
  readonly path: string;
}

export interface RunOutcome {
  /** 'skipped': finished before; 'resumed': an interrupted file was completed; 'ran': from scratch. */
  readonly status: 'ran' | 'resumed' | 'skipped';
  readonly trials: number;
  /** The run's last line, when it ran here. */
  readonly end?: RunEnd;
}

/**
 * Runs one job of a grid into its file, resuming an interrupted file (see RunFileWriter). The file
 * holds only deterministic lines; the optimizer's wall-clock time goes to a separate timing file.
 */
export async function executeRun(
  job: RunJob,
  context: RunContext,
  observe?: (record: TrialRecord, constraints: readonly number[]) => void,
): Promise<RunOutcome> {
  const { spec, protocol, path } = job;
  const state = scanRunFile(path);
  if (state.first !== undefined) checkSameRun(path, JSON.parse(state.first) as { run?: Partial<RunHeader> }, spec);

  const loaded = await context.benchmark(protocol.benchmark, runBenchmarkOptions(protocol, spec.seed));
  const { benchmark, constraints } = await compileTask(loaded, protocol, protocolExpressionErrors(protocol.name));
  const header = runHeader(protocol, spec, benchmark);
  if (state.first !== undefined) checkSameHeader(path, state.first, header);
  if (state.finished) return { status: 'skipped', trials: (JSON.parse(state.last as string) as { end: RunEnd }).end.trials };
  const optimizer = context.registry.createOptimizer(
    optimizerIdOf(spec.optimizer),
    spec.optimizerOptions,
    optimizerContextFor(benchmark, spec.seed, constraints),
  );
  const writer = new RunFileWriter(path, state);
  // Timing varies from run to run: it is written afresh beside the results, never compared.
  const timing = new TimingWriter(timingFilePath(path));
  try {
    writer.write(JSON.stringify({ run: header }));
    const setting = settingTracker(optimizer, header.fullFidelity);
    const incumbent = incumbentTracker(header);
    let trials = 0;
    const run = await simulate({
      benchmark,
      optimizer,
      ...headerSimulation(header),
      constraints,
      // Records go to the file as they come; nothing per trial stays in memory.
      keepHistory: false,
      onRecord: (record, study) => {
        const values = study.constraintValues(record);
        writer.write(resultLine(record, constraints.length > 0 ? values : undefined));
        setting.add(record);
        incumbent.add(record, values);
        trials++;
        observe?.(record, values);
      },
      onTiming: (entry, index) => timing.write(timingLine(entry, index)),
    });
    const end: RunEnd = {
      stopReason: run.stopReason,
      simulatedSeconds: run.simulatedSeconds,
      trials,
      setting: setting.value(),
      ...(await incumbentOf(header, protocol, spec, incumbent.best(), context)),
    };
    writer.write(JSON.stringify({ end }));
    writer.finish();
    timing.finish();
    return { status: state.count > 0 ? 'resumed' : 'ran', trials, end };
  } finally {
    writer.close();
    timing.close();
  }
}

function runHeader(protocol: Protocol, spec: RunSpec, benchmark: Benchmark): RunHeader {
  const objectives = benchmark.objectives.map((o): Objective => ({ name: o.name, direction: o.direction, cheap: o.cheap }));
  const first = objectives[0] as Objective;
  const optimum = benchmark.optimum?.values[first.name];
  if (protocol.metric === 'regret' && optimum === undefined) {
    throw new CliError('input', `protocol "${protocol.name}" measures regret, but benchmark "${benchmark.id}" knows no optimum of ${first.name}`, {
      parameter: 'protocols',
    });
  }
  if (protocol.metric === 'hypervolume' && protocol.referencePoint?.length !== objectives.length) {
    throw new CliError('input', `protocol "${protocol.name}" needs a reference point of ${objectives.length} values`, { parameter: 'protocols' });
  }
  const names = objectives.slice(0, 2).map((o) => o.name);
  const trueFront = benchmark.optimum?.paretoFronts?.find(
    (f) => f.objectives.length === objectives.length && f.objectives.every((n, j) => n === objectives[j]?.name),
  );
  return {
    task: protocol.name,
    title: protocol.title,
    benchmark: benchmark.id,
    benchmarkOptions: runBenchmarkOptions(protocol, spec.seed),
    optimizer: spec.optimizer,
    optimizerOptions: spec.optimizerOptions,
    seed: spec.seed,
    budget: runBudget(protocol),
    workers: protocol.workers,
    ...(protocol.mode !== undefined ? { mode: protocol.mode } : {}),
    ...(protocol.fidelityMode !== undefined ? { fidelityMode: protocol.fidelityMode } : {}),
    objectives,
    ...(protocol.objectives !== undefined && protocol.objectives.length > 0 ? { objectiveExpressions: protocol.objectives } : {}),
    ...(protocol.constraints !== undefined && protocol.constraints.length > 0 ? { constraints: protocol.constraints } : {}),
    fullFidelity: benchmark.fidelitySpace.defaultConfiguration(),
    metric: protocol.metric,
    ...(protocol.metricLabel !== undefined ? { metricLabel: protocol.metricLabel } : {}),
    axis: protocol.axis,
    ...(protocol.logScale === true ? { logScale: true } : {}),
    ...(protocol.meanEvaluationSeconds !== undefined ? { meanEvaluationSeconds: protocol.meanEvaluationSeconds } : {}),
    ...(protocol.referencePoint !== undefined ? { referencePoint: protocol.referencePoint } : {}),
    ...(protocol.metric === 'regret' ? { optimum } : {}),
    ...(protocol.metric === 'hypervolume' && trueFront !== undefined && names.length === 2
      ? { trueFront: trueFront.points.map((p) => [p[0] as number, p[1] as number]) }
      : {}),
    ...referenceOf(protocol, spec),
  };
}

/**
 * The source's published values for this run's optimizer, when it ran as the source did: a preset
 * label with the preset's own options, or a plain id with no options (its defaults).
 */
function referenceOf(protocol: Protocol, spec: RunSpec): Pick<RunHeader, 'reference'> {
  const values = protocol.reference?.values[spec.optimizer];
  if (protocol.reference === undefined || values === undefined) return {};
  const preset = protocol.presets?.find((p) => p.label === spec.optimizer);
  if (JSON.stringify(spec.optimizerOptions) !== JSON.stringify(preset?.options ?? {})) return {};
  return { reference: { source: protocol.reference.source, runs: protocol.reference.runs, values } };
}

/** A results file belongs to the run that wrote it: never append one run's lines to another's. */
function checkSameRun(path: string, line: { run?: Partial<RunHeader> }, spec: RunSpec): void {
  const run = line.run;
  const same =
    run !== undefined &&
    run.task === spec.task &&
    run.optimizer === spec.optimizer &&
    run.seed === spec.seed &&
    JSON.stringify(run.optimizerOptions) === JSON.stringify(spec.optimizerOptions);
  if (!same) {
    throw new CliError('input', `${path} holds another run's results (${JSON.stringify(run ?? null).slice(0, 120)}); choose another --out`, {
      parameter: 'out',
    });
  }
}

/**
 * The recorded header must be the one this run writes (budget, workers, options, benchmark...): a
 * run with other settings under the same name is another run, whose results are never touched.
 */
function checkSameHeader(path: string, recorded: string, header: RunHeader): void {
  const expected = JSON.stringify({ run: header });
  if (recorded !== expected) {
    throw new CliError(
      'input',
      `${path} holds another run's results (recorded ${quoteValue(recorded, 160)}, this run ${quoteValue(expected, 160)}); choose another --out or move the file away`,
      { parameter: 'out' },
    );
  }
}

/**
 * The setting a run was in, from what it did: the fidelity parameters it moved below full fidelity
 * (none: black-box or cost-aware; one: multi-fidelity; several: multi-multi-fidelity).
 */
function settingTracker(optimizer: Optimizer, full: Configuration): { add(record: TrialRecord): void; value(): Setting } {
  const varied = new Set<string>();
  return {
    add(record) {
      for (const key in full) if (record.trial.fidelity[key] !== full[key]) varied.add(key);
    },
    value() {
      if (varied.size >= 2) return 'multi-multi-fidelity';
      if (varied.size === 1) return 'multi-fidelity';
      return optimizer.capabilities.costAware === true ? 'cost-aware' : 'black-box';
    },
  };
}

/** The best full-fidelity record of a single-objective run that satisfies its constraints, kept as records stream past. */
function incumbentTracker(header: RunHeader): { add(record: TrialRecord, constraints: readonly number[]): void; best(): TrialRecord | undefined } {
  if (header.metric === 'hypervolume') return { add: () => undefined, best: () => undefined };
  const metric = metricTracker(header);
  let best: TrialRecord | undefined;
  return {
    add(record, constraints) {
      if (!countsForMetric(header, record.status, record.trial.fidelity, constraints)) return;
      if (metric.add(record.objectives)) best = record;
    },
    best: () => best,
  };
}

async function incumbentOf(
  header: RunHeader,
  protocol: Protocol,
  spec: RunSpec,
  best: TrialRecord | undefined,
  context: RunContext,
): Promise<Pick<RunEnd, 'incumbent'>> {
  if (best === undefined) return {};
  const metric = metricTracker(header);
  metric.add(best.objectives);
  const extras: Record<string, number> = {};
  for (const wanted of protocol.incumbentMetrics ?? []) {
    const options = { ...header.benchmarkOptions };
    for (const key of wanted.withoutOptions ?? []) delete options[key];
    Object.assign(options, wanted.options);
    const benchmark = await context.benchmark(protocol.benchmark, options);
    const [evaluation] = await benchmark.evaluate([{ config: best.trial.config, fidelity: wanted.fidelity, seed: spec.seed }]);
    extras[wanted.label] = evaluation?.metrics[wanted.metric] ?? Number.NaN;
  }
  return { incumbent: { trial: best.trial.id, config: best.trial.config, value: metric.value(), extras } };
}

/** A timing file written as the run goes, in buffered chunks. */
class TimingWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private closed = false;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.buffer.push(line);
    if (this.buffer.length >= 256) this.flush();
  }

  finish(): void {
    this.flush();
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
}
