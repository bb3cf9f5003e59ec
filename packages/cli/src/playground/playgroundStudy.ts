import { LineChain, optimizerContextFor, simulate, type Benchmark, type JsonValue, type Objective, type TrialRecord } from '@jahskit/core';
import type { Setting } from '../analysis/GridAnalysis';
import { countsForMetric, metricTracker } from '../analysis/runTrajectory';
import type { RunContext } from '../compare/RunContext';
import type { RunEnd, RunHeader } from '../compare/RunHeader';
import { headerSimulation } from '../compare/headerSimulation';
import { runMetric } from '../compare/runMetric';
import { resultLine } from '../report/resultLines';

/** One study of the playground: what `jahskit run` takes as flags. */
export interface PlaygroundStudySpec {
  readonly benchmark: string;
  /** As `--benchmark-options` (and `--instance`) give them: `{}` for the benchmark's defaults. */
  readonly benchmarkOptions: Readonly<Record<string, JsonValue>>;
  readonly optimizer: string;
  readonly optimizerOptions: Readonly<Record<string, JsonValue>>;
  readonly seed: number;
  readonly budget: { readonly evaluations: number } | { readonly simulatedSeconds: number };
  readonly workers: number;
}

/**
 * Runs one study as `jahskit run` does (asynchronous workers, continued fidelities, no constraints)
 * and hands over, in order, the lines of the run file the CLI writes for it: the header, one line per
 * trial as it finishes, the end line. Node-free, so it runs in the playground's Web Worker; the
 * playground's tests hold its lines byte for byte to the CLI's file.
 */
export async function playgroundStudy(spec: PlaygroundStudySpec, context: RunContext, onLine: (line: string, record?: TrialRecord) => void): Promise<RunEnd> {
  const benchmark = await context.benchmark(spec.benchmark, spec.benchmarkOptions);
  const header = runHeaderOf(spec, benchmark);
  const optimizer = context.registry.createOptimizer(spec.optimizer, spec.optimizerOptions, optimizerContextFor(benchmark, spec.seed));
  // Sealed as RunFileWriter seals them, so `jahskit report` reads the download as one of its own.
  const chain = new LineChain();
  const emit = (line: string, record?: TrialRecord): void => onLine(chain.seal(line), record);
  emit(JSON.stringify({ run: header }));
  const full = header.fullFidelity;
  const varied = new Set<string>();
  const metric = metricTracker(header);
  let best: TrialRecord | undefined;
  let trials = 0;
  const run = await simulate({
    benchmark,
    optimizer,
    ...headerSimulation(header),
    constraints: [],
    keepHistory: false,
    onRecord: (record) => {
      trials++;
      for (const key in full) if (record.trial.fidelity[key] !== full[key]) varied.add(key);
      if (header.metric !== 'hypervolume' && countsForMetric(header, record.status, record.trial.fidelity, undefined) && metric.add(record.objectives))
        best = record;
      emit(resultLine(record), record);
    },
  });
  // As the CLI names a run's setting: by the fidelity parameters it moved below full fidelity.
  const setting: Setting =
    varied.size >= 2 ? 'multi-multi-fidelity' : varied.size === 1 ? 'multi-fidelity' : optimizer.capabilities.costAware === true ? 'cost-aware' : 'black-box';
  const end: RunEnd = {
    stopReason: run.stopReason,
    simulatedSeconds: run.simulatedSeconds,
    trials,
    setting,
    ...(best !== undefined ? { incumbent: { trial: best.trial.id, config: best.trial.config, value: metric.value(), extras: {} } } : {}),
  };
  emit(JSON.stringify({ end }));
  return end;
}

/**
 * The header `jahskit run` writes: its one-study protocol, judged as runMetric says, keys in the
 * CLI's order.
 */
function runHeaderOf(spec: PlaygroundStudySpec, benchmark: Benchmark): RunHeader {
  const objectives = benchmark.objectives.map((o): Objective => ({ name: o.name, direction: o.direction, cheap: o.cheap }));
  const { metric, optimum, front } = runMetric(benchmark);
  return {
    task: 'run',
    title: benchmark.id,
    benchmark: benchmark.id,
    benchmarkOptions: spec.benchmarkOptions,
    optimizer: spec.optimizer,
    optimizerOptions: spec.optimizerOptions,
    seed: spec.seed,
    budget: spec.budget,
    workers: spec.workers,
    mode: 'async',
    fidelityMode: 'continue',
    objectives,
    fullFidelity: benchmark.fidelitySpace.defaultConfiguration(),
    metric,
    axis: 'evaluations' in spec.budget ? 'evaluations' : 'simulated-seconds',
    ...(metric === 'hypervolume' ? { referencePoint: front?.referencePoint as readonly number[] } : {}),
    ...(metric === 'regret' ? { optimum } : {}),
    ...(metric === 'hypervolume' && front !== undefined && objectives.length === 2
      ? { trueFront: front.points.map((p) => [p[0] as number, p[1] as number]) }
      : {}),
  };
}
