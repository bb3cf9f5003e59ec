import type { Benchmark, Objective, TrialRecord } from '@jahskit/core';
import { paretoSummary } from './paretoSummary';

/**
 * The summary table printed after a run (label, value), kept as records stream past: counts, the best
 * record of a single-objective run, the non-dominated records of a multi-objective one (the others
 * change neither the front nor its hypervolume), so memory does not grow with the run. With
 * constraints, best and front are among the trials that satisfy them all (`add` gets the record's
 * constraint values).
 */
export function summaryTracker(
  benchmark: Benchmark,
  constraints: readonly string[] = [],
): {
  add(record: TrialRecord, constraintValues?: readonly number[]): void;
  trials(): number;
  rows(simulatedSeconds: number): [string, string][];
  summary(simulatedSeconds: number): RunSummary;
} {
  const objectives = benchmark.objectives;
  const signs = objectives.map((o) => (o.direction === 'maximize' ? -1 : 1));
  const values = (record: TrialRecord): number[] => objectives.map((o, j) => (signs[j] as number) * (record.objectives[o.name] as number));
  let trials = 0;
  let ok = 0;
  let feasible = 0;
  let best: TrialRecord | undefined;
  let front: TrialRecord[] = [];
  return {
    add(record, constraintValues = []) {
      trials++;
      if (record.status !== 'ok') return;
      ok++;
      if (constraints.length > 0 && !(constraintValues.length === constraints.length && constraintValues.every((c) => c <= 0))) return;
      feasible++;
      if (objectives.length === 1) {
        if (best === undefined || (values(record)[0] as number) < (values(best)[0] as number)) best = record;
        return;
      }
      const v = values(record);
      const dominates = (a: number[], b: number[]): boolean => a.every((x, j) => x <= (b[j] as number)) && a.some((x, j) => x < (b[j] as number));
      if (front.some((r) => dominates(values(r), v))) return;
      front = [...front.filter((r) => !dominates(v, values(r))), record];
    },
    trials: () => trials,
    summary(simulatedSeconds) {
      const base = { trials, ok, failed: trials - ok, ...(constraints.length > 0 ? { feasible, constraints } : {}), simulatedSeconds };
      if (objectives.length > 1) return { ...base, nonDominated: front.map((r) => ({ trial: r.trial.id, objectives: r.objectives, config: r.trial.config })) };
      if (best === undefined) return base;
      const objective = objectives[0] as Objective;
      const value = best.objectives[objective.name] as number;
      const optimum = benchmark.optimum?.values[objective.name];
      return {
        ...base,
        best: {
          objective: objective.name,
          value,
          trial: best.trial.id,
          config: best.trial.config,
          ...(optimum !== undefined ? { regret: (signs[0] as number) * (value - optimum) } : {}),
        },
      };
    },
    rows(simulatedSeconds) {
      const rows: [string, string][] = [
        ['trials', `${trials} (${ok} ok, ${trials - ok} failed or diverged)`],
        ['simulated time', formatSeconds(simulatedSeconds)],
      ];
      if (constraints.length > 0)
        rows.push(['feasible trials', `${feasible} of ${ok} ok (${constraints.join('; ')})${feasible === 0 ? ': none satisfies the constraints' : ''}`]);
      if (objectives.length > 1) return [...rows, ...paretoSummary(benchmark, front)];
      if (best === undefined) return rows;
      const objective = objectives[0] as Objective;
      const value = best.objectives[objective.name] as number;
      rows.push([`best ${objective.name}`, `${format(value)} (trial ${best.trial.id})`]);
      const optimum = benchmark.optimum?.values[objective.name];
      if (optimum !== undefined) rows.push(['regret', format((signs[0] as number) * (value - optimum))]);
      rows.push(['best configuration', JSON.stringify(best.trial.config)]);
      return rows;
    },
  };
}

/** What `jahskit run --json` says of a run: counts, the best trial of one objective, the non-dominated trials of several. */
export interface RunSummary {
  readonly trials: number;
  readonly ok: number;
  readonly failed: number;
  /** With constraints: the ok trials that satisfy them all, and the constraints. */
  readonly feasible?: number;
  readonly constraints?: readonly string[];
  readonly simulatedSeconds: number;
  readonly best?: { readonly objective: string; readonly value: number; readonly trial: number | string; readonly config: unknown; readonly regret?: number };
  readonly nonDominated?: readonly { readonly trial: number | string; readonly objectives: unknown; readonly config: unknown }[];
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}

function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${format(seconds)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min (${Math.round(seconds)} s)`;
  return `${(seconds / 3600).toFixed(2)} h (${Math.round(seconds)} s)`;
}
