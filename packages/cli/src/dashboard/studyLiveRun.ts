import type { Constraint, JsonValue, Objective } from '@jahskit/core';
import type { ListedTrial, StudyListing } from '@jahskit/storage';
import type { RecordLine } from '../analysis/RunResult';
import type { RunHeader } from '../compare/RunHeader';
import type { LiveRun } from './LiveRun';

/** The task a study is shown as: one per study, beside the grids' protocols. */
export function studyTask(name: string): string {
  return `study:${name}`;
}

/**
 * A stored study as a run of its own task, so that the dashboard shows it as it shows a grid's runs:
 * the best value so far (or, with several objectives, the hypervolume) against told trials, every
 * trial, and the Pareto front. Its trials are the told ones in the order they were told; a study has
 * no end, so it reads as running. `constraints` are the spec's, compiled: trials that break one do not
 * count for the best value, as in `study show`. Undefined for a journal without its create entry.
 */
export function studyLiveRun(listing: StudyListing, constraints: readonly Constraint[]): LiveRun | undefined {
  const spec = listing.spec;
  if (spec === undefined) return undefined;
  const told = listing.trials.filter(
    (t): t is ListedTrial & { result: NonNullable<ListedTrial['result']>; toldAt: number } => t.state === 'told' && t.result !== undefined,
  );
  told.sort((a, b) => a.toldAt - b.toldAt);
  const start = listing.trials.reduce((first, t) => Math.min(first, t.askedAt), Number.POSITIVE_INFINITY);
  const records: RecordLine[] = told.map((t) => {
    const values = constraintValues(constraints, { ...t.result.metrics, ...t.result.objectives });
    return {
      trial: t.id,
      config: t.config,
      fidelity: t.fidelity,
      status: t.result.status ?? 'ok',
      objectives: t.result.objectives,
      metrics: t.result.metrics,
      ...(values !== undefined ? { constraints: values } : {}),
      cost: t.result.cost,
      end: Math.max(0, (t.toldAt - start) / 1000),
    };
  });
  const multi = spec.objectives.length > 1;
  const header: RunHeader = {
    task: studyTask(listing.name),
    title: `study ${listing.name}`,
    benchmark: 'study',
    benchmarkOptions: {},
    optimizer: spec.optimizer.id,
    optimizerOptions: (typeof spec.optimizer.options === 'object' && spec.optimizer.options !== null && !Array.isArray(spec.optimizer.options)
      ? spec.optimizer.options
      : {}) as Record<string, JsonValue>,
    seed: spec.seed,
    budget: {},
    workers: new Set(listing.trials.map((t) => t.worker)).size,
    objectives: spec.objectives,
    ...(constraints.length > 0 ? { constraints: constraints.map((c) => c.expression) } : {}),
    // Every fidelity counts: a study does not say which of its fidelities is the full one.
    fullFidelity: {},
    metric: multi ? 'hypervolume' : 'best',
    axis: 'evaluations',
    ...(multi ? { referencePoint: referencePoint(spec.objectives, records) } : {}),
  };
  return { header, records };
}

/** One value per constraint (at most 0 when satisfied), or undefined when one cannot be computed. */
function constraintValues(constraints: readonly Constraint[], values: Readonly<Record<string, number>>): number[] | undefined {
  if (constraints.length === 0) return undefined;
  const out = constraints.map((c) => (c.uses.every((name) => Number.isFinite(values[name])) ? c.value(values) : Number.NaN));
  return out.every((v) => !Number.isNaN(v)) ? out : undefined;
}

/**
 * A study has no reference point of its own: the worst value of each objective so far, moved a tenth
 * of its range further (so that the extreme trials count), in the objective's own direction.
 */
function referencePoint(objectives: readonly Objective[], records: readonly RecordLine[]): number[] {
  return objectives.map((o) => {
    const values = records
      .filter((r) => r.status === 'ok')
      .map((r) => r.objectives[o.name])
      .filter((v): v is number => Number.isFinite(v));
    if (values.length === 0) return 0;
    const lo = values.reduce((a, b) => Math.min(a, b));
    const hi = values.reduce((a, b) => Math.max(a, b));
    const margin = (hi - lo) / 10 || Math.abs(hi) / 10 || 1;
    return o.direction === 'maximize' ? lo - margin : hi + margin;
  });
}
