import type { Benchmark, Evaluation } from '../benchmark/Benchmark';
import { CoreError } from '../errors/CoreError';
import type { Constraint } from '../expression/Constraint';
import type { Optimizer } from '../optimizer/Optimizer';
import type { Trial } from '../optimizer/Trial';
import type { TrialResult } from '../optimizer/TrialResult';
import { assertSeed, Rng } from '../random/Rng';
import { EventQueue } from './EventQueue';
import { Study, type StudyOptions } from './Study';
import type { TrialRecord } from './TrialRecord';

export interface SimulationBudget {
  /** Stop asking after this many trials (each fidelity step of a multi-fidelity run counts). */
  readonly evaluations?: number;
  /** Stop at this simulated time; trials still running then are not recorded. */
  readonly simulatedSeconds?: number;
}

export interface SimulationOptions {
  readonly benchmark: Benchmark;
  readonly optimizer: Optimizer;
  /** Seeds the benchmark's noise: trial t is evaluated with a seed derived from (seed, t's lineage). */
  readonly seed: number;
  readonly budget: SimulationBudget;
  /** Number of simulated workers; default 1. */
  readonly workers?: number;
  /**
   * 'async' (default): a free worker asks for one trial as soon as it is free. 'sync': ask a batch of
   * `workers` trials, wait for all of them, tell them together.
   */
  readonly mode?: 'async' | 'sync';
  /**
   * 'continue' (default): a trial that `continues` an earlier one is charged only the extra cost,
   * when the benchmark supports it. 'retrain': every trial trains from scratch.
   */
  readonly fidelityMode?: 'continue' | 'retrain';
  /**
   * Constraints on the reported values (see `StudyOptions.constraints`). Those that read only the
   * benchmark's cheap metrics (parameters, FLOPs) are checked before evaluation: a trial that breaks
   * one is not trained, costs no simulated time and is recorded as 'failed' with its cheap metrics.
   */
  readonly constraints?: readonly Constraint[];
  /** Called after each recorded trial (progress bars, streaming writers). */
  readonly onRecord?: (record: TrialRecord, study: Study) => void;
  /** Called with the optimizer's measured time of each call. */
  readonly onTiming?: StudyOptions['onTiming'];
  /**
   * Keep every record in memory (`records`); default true. A long streamed run turns it off and
   * reads records through `onRecord`: memory then stays flat however many trials run.
   */
  readonly keepHistory?: boolean;
}

export interface SimulationResult {
  readonly study: Study;
  readonly records: readonly TrialRecord[];
  /** Simulated seconds when the study stopped. */
  readonly simulatedSeconds: number;
  readonly stopReason: 'evaluations' | 'simulated-seconds' | 'optimizer-exhausted';
}

interface Running {
  readonly trialId: number;
  readonly trial: Trial;
  readonly evaluation: Evaluation;
  readonly charged: number;
  readonly start: number;
  readonly end: number;
  readonly worker: number;
}

/**
 * Runs an optimizer against a benchmark on a simulated clock: k workers, an event queue ordered by
 * simulated finish time (ties by trial id). Nothing depends on real time, so the same seed gives the
 * same history, and the optimizer's own wall-clock cost is measured apart (`study.wallClock`).
 */
export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const { benchmark, optimizer, budget } = options;
  assertSeed(options.seed, 'seed');
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) {
    throw new CoreError('invalid-argument', `workers must be an integer >= 1, got ${String(workers)}`, { parameter: 'workers', allowed: 'integers >= 1' });
  }
  const maxEvaluations = budget.evaluations ?? Number.POSITIVE_INFINITY;
  const maxSeconds = budget.simulatedSeconds ?? Number.POSITIVE_INFINITY;
  if (!(maxEvaluations >= 0) || !(maxSeconds >= 0) || (budget.evaluations === undefined && budget.simulatedSeconds === undefined)) {
    throw new CoreError('invalid-argument', 'budget needs evaluations >= 0 and/or simulatedSeconds >= 0', { parameter: 'budget' });
  }
  if (options.mode !== undefined && options.mode !== 'async' && options.mode !== 'sync') {
    throw new CoreError('invalid-argument', `mode must be "async" or "sync", got ${JSON.stringify(options.mode)}`, {
      parameter: 'mode',
      allowed: 'async, sync',
    });
  }
  const continuation = (options.fidelityMode ?? 'continue') === 'continue' && benchmark.supportsContinuation;
  const study: Study = new Study({
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    optimizer,
    constraints: options.constraints ?? [],
    keepHistory: options.keepHistory ?? true,
    ...(options.onRecord !== undefined ? { onRecord: (record: TrialRecord) => options.onRecord?.(record, study) } : {}),
    ...(options.onTiming !== undefined ? { onTiming: options.onTiming } : {}),
  });
  // Only an optimizer that chooses fidelities can continue a trial: the others need no lineage.
  const lineages = optimizer.capabilities.multiFidelity;
  const noise = Rng.seeded(options.seed).stream('evaluation');
  const lineageRoot = new Map<number, number>();
  const fullCost = new Map<number, number>();
  const queue = new EventQueue<Running>();
  const idle: number[] = Array.from({ length: workers }, (_, w) => w);
  let clock = 0;
  let asked = 0;
  let stopReason: SimulationResult['stopReason'] = 'optimizer-exhausted';

  const launch = async (count: number): Promise<number> => {
    const trials = study.ask(count);
    if (trials.length === 0) return 0;
    asked += trials.length;
    const requests = trials.map((trial) => {
      const root = trial.continues === undefined ? trial.id : (lineageRoot.get(trial.continues) ?? trial.continues);
      if (lineages) lineageRoot.set(trial.id, root);
      return { config: trial.config, fidelity: trial.fidelity, seed: noise.seedFor(root) };
    });
    const rejected = trials.map((trial) => rejectCheaply(trial));
    const toEvaluate = requests.filter((_, i) => rejected[i] === undefined);
    const evaluated = toEvaluate.length > 0 ? await benchmark.evaluate(toEvaluate) : [];
    if (evaluated.length !== toEvaluate.length) {
      throw new CoreError('benchmark-contract', `benchmark "${benchmark.id}" returned ${evaluated.length} evaluations for ${toEvaluate.length} requests`, {
        parameter: 'evaluate',
      });
    }
    let next = 0;
    const evaluations = rejected.map((rejection) => rejection ?? (evaluated[next++] as Evaluation));
    idle.sort((a, b) => a - b);
    trials.forEach((trial, i) => {
      const evaluation = evaluations[i] as Evaluation;
      if (!(evaluation.cost >= 0) || !Number.isFinite(evaluation.cost)) {
        throw new CoreError('benchmark-contract', `benchmark "${benchmark.id}" reported cost ${String(evaluation.cost)} for trial ${trial.id}`, {
          parameter: 'cost',
        });
      }
      if (lineages) fullCost.set(trial.id, evaluation.cost);
      const previous = continuation && trial.continues !== undefined ? (fullCost.get(trial.continues) ?? 0) : 0;
      const charged = Math.max(0, evaluation.cost - previous);
      const worker = idle.shift() as number;
      queue.push({ trialId: trial.id, trial, evaluation, charged, start: clock, end: clock + charged, worker });
    });
    return trials.length;
  };

  const rejectCheaply = cheapCheck(benchmark, options.constraints ?? []);

  const canAsk = (): boolean => asked < maxEvaluations && clock < maxSeconds;

  if ((options.mode ?? 'async') === 'async') {
    for (;;) {
      if (idle.length > 0 && canAsk()) await launch(Math.min(idle.length, maxEvaluations - asked));
      const next = queue.pop();
      if (next === undefined) break;
      if (next.end > maxSeconds) {
        clock = maxSeconds;
        stopReason = 'simulated-seconds';
        break;
      }
      clock = next.end;
      finish(study, benchmark, next);
      idle.push(next.worker);
    }
  } else {
    while (canAsk()) {
      const launched = await launch(Math.min(workers, maxEvaluations - asked));
      if (launched === 0 && queue.size === 0) break;
      const batch: Running[] = [];
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) batch.push(next);
      const batchEnd = Math.max(...batch.map((r) => r.end));
      const inTime = batch.filter((r) => r.end <= maxSeconds);
      for (const running of inTime) finish(study, benchmark, running);
      if (inTime.length < batch.length) {
        clock = maxSeconds;
        stopReason = 'simulated-seconds';
        break;
      }
      clock = batchEnd;
      idle.splice(0, idle.length, ...Array.from({ length: workers }, (_, w) => w));
    }
  }
  if (stopReason !== 'simulated-seconds') {
    if (asked >= maxEvaluations) stopReason = 'evaluations';
    else if (clock >= maxSeconds) stopReason = 'simulated-seconds';
  }
  return { study, records: study.records, simulatedSeconds: clock, stopReason };
}

/**
 * What rejects a trial before training: the constraints that read only cheap metrics, checked on the
 * benchmark's `cheapMetrics`. Returns the stand-in evaluation of a rejected trial (failed, no cost).
 */
function cheapCheck(benchmark: Benchmark, constraints: readonly Constraint[]): (trial: Trial) => Evaluation | undefined {
  const cheapMetrics = benchmark.cheapMetrics;
  if (cheapMetrics === undefined || constraints.length === 0) return () => undefined;
  const names = new Set(Object.keys(cheapMetrics.call(benchmark, benchmark.space.defaultConfiguration())));
  const cheap = constraints.filter((c) => c.uses.every((name) => names.has(name)));
  if (cheap.length === 0) return () => undefined;
  return (trial) => {
    const metrics = cheapMetrics.call(benchmark, trial.config);
    return cheap.some((c) => c.value(metrics) > 0) ? { metrics, cost: 0, status: 'failed' } : undefined;
  };
}

function finish(study: Study, benchmark: Benchmark, running: Running): void {
  const { trial, evaluation } = running;
  const status = evaluation.status ?? 'ok';
  const objectives: Record<string, number> = {};
  const metrics: Record<string, number> = {};
  const objectiveNames = new Set(study.objectives.map((o) => o.name));
  for (const [name, value] of Object.entries(evaluation.metrics)) {
    if (objectiveNames.has(name)) objectives[name] = value;
    else metrics[name] = value;
  }
  if (status === 'ok') {
    for (const name of objectiveNames) {
      if (!Number.isFinite(objectives[name])) {
        throw new CoreError('benchmark-contract', `benchmark "${benchmark.id}" reported no finite value for objective "${name}" (trial ${trial.id})`, {
          parameter: name,
        });
      }
    }
  }
  const result: TrialResult =
    status === 'ok' ? { trialId: trial.id, status, objectives, metrics, cost: running.charged } : { trialId: trial.id, status, metrics, cost: running.charged };
  study.tell(result, () => ({ start: running.start, end: running.end, worker: running.worker }));
}
