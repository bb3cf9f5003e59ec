import { hypervolume } from '@jahskit/multiobjective';
import type { Configuration, Objective } from '@jahskit/core';
import type { RunHeader } from '../compare/RunHeader';
import { isFullFidelity } from './isFullFidelity';

/** The parts of a finished trial a trajectory needs. */
export interface TrajectoryInput {
  readonly status: string;
  readonly fidelity: Configuration;
  readonly objectives: Readonly<Record<string, number>>;
  /** In a constrained run: the trial's constraint values (at most 0 when satisfied). */
  readonly constraints?: readonly number[];
  readonly end?: number;
}

/** A step function: from `x[i]` on, the run's metric is `value[i]` (x ascending). */
export interface Steps {
  readonly x: number[];
  readonly value: number[];
}

/**
 * The task metric of a run after each finished trial, as a step function of the protocol's axis.
 * Only ok results at full fidelity count: a multi-fidelity optimizer is judged by what it trained
 * fully, like everyone else, while the time it spent on cheaper evaluations still moves the clock.
 * In a constrained run only trials that satisfy every constraint count: the best feasible value so
 * far, and no step at all for a run that found no feasible trial.
 */
export function runTrajectory(header: RunHeader, records: readonly TrajectoryInput[]): Steps {
  const steps: Steps = { x: [], value: [] };
  const metric = metricTracker(header);
  records.forEach((record, i) => {
    if (!countsForMetric(header, record.status, record.fidelity, record.constraints) || !metric.add(record.objectives)) return;
    const x = axisValue(header, i, record.end ?? 0);
    if (steps.x.at(-1) === x) steps.value[steps.value.length - 1] = metric.value();
    else {
      steps.x.push(x);
      steps.value.push(metric.value());
    }
  });
  return steps;
}

/** Where the i-th finished trial of a run lies on the protocol's axis. */
export function axisValue(header: RunHeader, index: number, end: number): number {
  if (header.axis === 'evaluations') return index + 1;
  if (header.axis === 'simulated-seconds') return end;
  return end / (header.meanEvaluationSeconds ?? 1);
}

/**
 * Whether a finished trial counts for the run's metric: ok, at full fidelity, and, in a constrained
 * run, known to satisfy every constraint (a trial whose values could not be computed is not).
 */
export function countsForMetric(
  header: Pick<RunHeader, 'fullFidelity' | 'constraints'>,
  status: string,
  fidelity: Configuration,
  constraints: readonly number[] | undefined,
): boolean {
  if (status !== 'ok' || !isFullFidelity(fidelity, header.fullFidelity)) return false;
  const wanted = header.constraints?.length ?? 0;
  if (wanted === 0) return true;
  return constraints !== undefined && constraints.length === wanted && constraints.every((c) => c <= 0);
}

/** The value of a step function at x (undefined before its first step). */
export function valueAt(steps: Steps, x: number): number | undefined {
  let lo = 0;
  let hi = steps.x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((steps.x[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : steps.value[lo - 1];
}

/** Keeps the metric of the results seen so far; `add` says whether it changed. */
export interface MetricTracker {
  add(objectives: Readonly<Record<string, number>>): boolean;
  value(): number;
}

export function metricTracker(header: RunHeader): MetricTracker {
  return header.metric === 'hypervolume' ? hypervolumeTracker(header.objectives, header.referencePoint ?? []) : bestTracker(header);
}

function bestTracker(header: RunHeader): MetricTracker {
  const objective = header.objectives[0] as Objective;
  const sign = objective.direction === 'maximize' ? -1 : 1;
  let best = Number.POSITIVE_INFINITY;
  return {
    add(objectives) {
      const v = sign * (objectives[objective.name] as number);
      if (!(v < best)) return false;
      best = v;
      return true;
    },
    value() {
      const value = sign * best;
      return header.metric === 'regret' ? sign * (value - (header.optimum ?? 0)) : value;
    },
  };
}

function hypervolumeTracker(objectives: readonly Objective[], referencePoint: readonly number[]): MetricTracker {
  const d = objectives.length;
  const signs = objectives.map((o) => (o.direction === 'maximize' ? -1 : 1));
  const reference = referencePoint.map((r, j) => (signs[j] as number) * r);
  // Only the current front matters; points it dominates never change the hypervolume again.
  let front: number[][] = [];
  let hv = 0;
  return {
    add(values) {
      const p = objectives.map((o, j) => (signs[j] as number) * (values[o.name] as number));
      if (!p.every((v, j) => v < (reference[j] as number))) return false;
      if (front.some((q) => q.every((v, j) => v <= (p[j] as number)))) return false;
      front = front.filter((q) => !q.every((v, j) => (p[j] as number) <= v));
      front.push(p);
      hv = hypervolume(Float64Array.from(front.flat()), d, reference);
      return true;
    },
    value: () => hv,
  };
}
