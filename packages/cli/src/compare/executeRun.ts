import { writeFileSync } from 'node:fs';
import { simulate, type Benchmark, type Configuration, type Objective, type Optimizer, type TrialRecord } from '@jahskit/core';
import type { Setting } from '../analysis/GridAnalysis';
import { isFullFidelity } from '../analysis/isFullFidelity';
import { metricTracker } from '../analysis/runTrajectory';
import { CliError } from '../commandLineError';
import { resultLine, timingLine } from '../report/resultLines';
import type { Protocol } from './Protocol';
import { readRunFile, RunFileWriter } from './RunFile';
import type { RunContext } from './RunContext';
import type { RunEnd, RunHeader } from './RunHeader';
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
}

/**
 * Runs one job of a grid into its file, resuming an interrupted file (see RunFileWriter). The file
 * holds only deterministic lines; the optimizer's wall-clock time goes to a separate timing file.
 */
export async function executeRun(job: RunJob, context: RunContext): Promise<RunOutcome> {
  const { spec, protocol, path } = job;
  const state = readRunFile(path);
  const headerLine = state.lines[0];
  if (headerLine !== undefined) checkSameRun(path, JSON.parse(headerLine) as { run?: Partial<RunHeader> }, spec);
  if (state.finished) return { status: 'skipped', trials: (JSON.parse(state.lines.at(-1) as string) as { end: RunEnd }).end.trials };

  const benchmark = await context.benchmark(protocol.benchmark, runBenchmarkOptions(protocol, spec.seed));
  const header = runHeader(protocol, spec, benchmark);
  const optimizer = context.registry.createOptimizer(spec.optimizer, spec.optimizerOptions, {
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    seed: spec.seed,
    ...(benchmark.cheapMetrics !== undefined ? { cheapObjectives: benchmark.cheapMetrics.bind(benchmark) } : {}),
  });
  const writer = new RunFileWriter(path, state);
  try {
    writer.write(JSON.stringify({ run: header }));
    const run = await simulate({
      benchmark,
      optimizer,
      seed: spec.seed,
      workers: protocol.workers,
      budget: header.budget,
      onRecord: (record) => writer.write(resultLine(record)),
    });
    const end: RunEnd = {
      stopReason: run.stopReason,
      simulatedSeconds: run.simulatedSeconds,
      trials: run.records.length,
      setting: runSetting(optimizer, run.records, header.fullFidelity),
      ...(await incumbentOf(header, protocol, spec, run.records, context)),
    };
    writer.write(JSON.stringify({ end }));
    writer.finish();
    const timing = run.study.wallClock.entries.map(timingLine);
    writeFileSync(timingFilePath(path), timing.length > 0 ? `${timing.join('\n')}\n` : '');
    return { status: state.lines.length > 0 ? 'resumed' : 'ran', trials: run.records.length };
  } finally {
    writer.close();
  }
}

function runHeader(protocol: Protocol, spec: RunSpec, benchmark: Benchmark): RunHeader {
  const objectives = benchmark.objectives.map((o): Objective => ({ name: o.name, direction: o.direction, cheap: o.cheap }));
  const first = objectives[0] as Objective;
  const optimum = benchmark.optimum?.values[first.name];
  if (protocol.metric === 'regret' && optimum === undefined) {
    throw new CliError('input', `protocol "${protocol.name}" measures regret, but benchmark "${benchmark.id}" knows no optimum of ${first.name}`, { parameter: 'benchmarks' });
  }
  if (protocol.metric === 'hypervolume' && protocol.referencePoint?.length !== objectives.length) {
    throw new CliError('input', `protocol "${protocol.name}" needs a reference point of ${objectives.length} values`, { parameter: 'benchmarks' });
  }
  const names = objectives.slice(0, 2).map((o) => o.name);
  const trueFront = benchmark.optimum?.paretoFronts?.find((f) => f.objectives.length === objectives.length && f.objectives.every((n, j) => n === objectives[j]?.name));
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
    objectives,
    fullFidelity: benchmark.fidelitySpace.defaultConfiguration(),
    metric: protocol.metric,
    ...(protocol.metricLabel !== undefined ? { metricLabel: protocol.metricLabel } : {}),
    axis: protocol.axis,
    ...(protocol.logScale === true ? { logScale: true } : {}),
    ...(protocol.meanEvaluationSeconds !== undefined ? { meanEvaluationSeconds: protocol.meanEvaluationSeconds } : {}),
    ...(protocol.referencePoint !== undefined ? { referencePoint: protocol.referencePoint } : {}),
    ...(protocol.metric === 'regret' ? { optimum } : {}),
    ...(protocol.metric === 'hypervolume' && trueFront !== undefined && names.length === 2 ? { trueFront: trueFront.points.map((p) => [p[0] as number, p[1] as number]) } : {}),
  };
}

/** A results file belongs to the run that wrote it: never append one run's lines to another's. */
function checkSameRun(path: string, line: { run?: Partial<RunHeader> }, spec: RunSpec): void {
  const run = line.run;
  const same = run !== undefined && run.task === spec.task && run.optimizer === spec.optimizer && run.seed === spec.seed && JSON.stringify(run.optimizerOptions) === JSON.stringify(spec.optimizerOptions);
  if (!same) {
    throw new CliError('input', `${path} holds another run's results (${JSON.stringify(run ?? null).slice(0, 120)}); choose another --out`, { parameter: 'out' });
  }
}

/**
 * The setting a run was in, from what it did: the fidelity parameters it moved below full fidelity
 * (none: black-box or cost-aware; one: multi-fidelity; several: multi-multi-fidelity).
 */
export function runSetting(optimizer: Optimizer, records: readonly TrialRecord[], full: Configuration): Setting {
  const varied = new Set<string>();
  for (const record of records) {
    for (const key in full) if (record.trial.fidelity[key] !== full[key]) varied.add(key);
  }
  if (varied.size >= 2) return 'multi-multi-fidelity';
  if (varied.size === 1) return 'multi-fidelity';
  return optimizer.capabilities.costAware === true ? 'cost-aware' : 'black-box';
}

async function incumbentOf(header: RunHeader, protocol: Protocol, spec: RunSpec, records: readonly TrialRecord[], context: RunContext): Promise<Pick<RunEnd, 'incumbent'>> {
  if (header.metric === 'hypervolume') return {};
  const metric = metricTracker(header);
  let best: TrialRecord | undefined;
  for (const record of records) {
    if (record.status === 'ok' && isFullFidelity(record.trial.fidelity, header.fullFidelity) && metric.add(record.objectives)) best = record;
  }
  if (best === undefined) return {};
  const extras: Record<string, number> = {};
  for (const wanted of protocol.incumbentMetrics ?? []) {
    const options = { ...header.benchmarkOptions };
    for (const key of wanted.withoutOptions ?? []) delete options[key];
    const benchmark = await context.benchmark(protocol.benchmark, options);
    const [evaluation] = await benchmark.evaluate([{ config: best.trial.config, fidelity: wanted.fidelity, seed: spec.seed }]);
    extras[wanted.label] = evaluation?.metrics[wanted.metric] ?? Number.NaN;
  }
  return { incumbent: { trial: best.trial.id, config: best.trial.config, value: metric.value(), extras } };
}
