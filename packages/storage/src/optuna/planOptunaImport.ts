import { CoreError, listedValues, type Configuration, type Objective, type ParameterSpec, type ParamValue, type TrialStatus } from '@jahskit/core';
import type { OptunaStudyData, OptunaTrialData } from './OptunaStudyData';
import type { OptunaTrialState } from './optunaJournalCodes';

/** `child` is active iff `parent` is active and takes one of `values` (ConfigSpace's IN). */
export interface OptunaInferredCondition {
  readonly child: string;
  readonly parent: string;
  readonly values: readonly ParamValue[];
}

/** One finished Optuna trial as a jahskit result. */
export interface OptunaImportedTrial {
  readonly number: number;
  readonly config: Configuration;
  readonly status: TrialStatus;
  /** By objective name; empty unless `status` is 'ok'. */
  readonly objectives: Readonly<Record<string, number>>;
  /** `optuna_number` (the Optuna trial number), and `optuna_pruned: 1` for a pruned trial. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Seconds from start to completion, as Optuna timed them (0 when it did not). */
  readonly cost: number;
}

/** What `jahskit study import --format optuna-journal` records: a space, objectives, results, and what it leaves out. */
export interface OptunaImportPlan {
  readonly objectives: readonly Objective[];
  /** Parameters some imported trial holds, in the order they first appear. */
  readonly parameters: readonly ParameterSpec[];
  /** When a parameter is missing from some trials, the earlier parameter whose value tells when (see {@link planOptunaImport}). */
  readonly conditions: readonly OptunaInferredCondition[];
  /** COMPLETE, FAIL and PRUNED trials, by trial number. */
  readonly trials: readonly OptunaImportedTrial[];
  /** RUNNING and WAITING trials, which have no result. */
  readonly skipped: readonly { readonly number: number; readonly state: OptunaTrialState }[];
}

/** Parent types, most telling first: a choice says more about a branch than a number does. */
const PARENT_RANK: Partial<Record<ParameterSpec['type'], number>> = { categorical: 0, constant: 1, ordinal: 1, integer: 2 };

/**
 * How an Optuna study (`fromOptunaJournal`) becomes a jahskit study's history: COMPLETE trials are
 * 'ok' with their values by objective name ('diverged' when a value is infinite or NaN, which
 * jahskit does not record), FAIL and PRUNED trials 'failed' (a pruned trial never reached the full
 * budget, so it has no value to learn from), RUNNING and WAITING trials are skipped.
 *
 * Optuna's spaces are defined by running code, so a parameter may be missing from some trials
 * (`if optimizer == "sgd": suggest momentum`). jahskit needs that as a condition: for each such
 * parameter the nearest earlier categorical (then ordinal or constant, then integer) parameter that
 * every trial holding it holds too, and whose values there are never taken by a trial without it,
 * becomes its parent (IN those values). A parameter no earlier one explains is a CoreError
 * 'invalid-argument' naming it. The conditions are read off the trials, not the code: with few
 * trials they may be narrower than what the code does.
 */
export function planOptunaImport(data: OptunaStudyData): OptunaImportPlan {
  const objectives = data.directions.map((direction, i): Objective => ({ name: data.metricNames[i] as string, direction, cheap: false }));
  const finished = data.trials.filter((t) => t.state !== 'running' && t.state !== 'waiting');
  const skipped = data.trials.filter((t) => t.state === 'running' || t.state === 'waiting').map((t) => ({ number: t.number, state: t.state }));
  if (finished.length === 0) {
    throw new CoreError(
      'invalid-argument',
      `Optuna study ${JSON.stringify(data.name)} has no finished trial to import (${skipped.length} running or waiting)`,
      {
        parameter: 'study',
        allowed: 'a study with COMPLETE, FAIL or PRUNED trials',
      },
    );
  }
  const held = new Set(finished.flatMap((t) => Object.keys(t.params)));
  const parameters = data.parameters.filter((p) => held.has(p.name));
  return {
    objectives,
    parameters,
    conditions: inferConditions(data.name, parameters, finished),
    trials: finished.map((t) => importedTrial(t, objectives)),
    skipped,
  };
}

function importedTrial(t: OptunaTrialData, objectives: readonly Objective[]): OptunaImportedTrial {
  const metrics: Record<string, number> = { optuna_number: t.number, ...(t.state === 'pruned' ? { optuna_pruned: 1 } : {}) };
  const base = { number: t.number, config: t.params, metrics, cost: seconds(t.datetimeStart, t.datetimeComplete) };
  if (t.state !== 'complete' || t.values === null || t.values.length !== objectives.length) return { ...base, status: 'failed', objectives: {} };
  if (!t.values.every(Number.isFinite)) return { ...base, status: 'diverged', objectives: {} };
  return { ...base, status: 'ok', objectives: Object.fromEntries(objectives.map((o, i) => [o.name, t.values?.[i] as number])) };
}

/** Optuna's naive ISO timestamps are both in the writer's local time: their difference is what counts. */
function seconds(start: string | null, end: string | null): number {
  if (start === null || end === null) return 0;
  const s = Date.parse(`${start}Z`);
  const e = Date.parse(`${end}Z`);
  return Number.isFinite(s) && Number.isFinite(e) && e >= s ? (e - s) / 1000 : 0;
}

function inferConditions(study: string, parameters: readonly ParameterSpec[], trials: readonly OptunaTrialData[]): OptunaInferredCondition[] {
  const conditions: OptunaInferredCondition[] = [];
  parameters.forEach((p, j) => {
    const holding = trials.filter((t) => p.name in t.params);
    const lacking = trials.filter((t) => !(p.name in t.params));
    if (lacking.length === 0) return;
    const candidates = parameters
      .slice(0, j)
      .map((q, i) => ({ q, i, rank: PARENT_RANK[q.type] }))
      .filter((c): c is { q: ParameterSpec; i: number; rank: number } => c.rank !== undefined)
      .sort((a, b) => a.rank - b.rank || b.i - a.i);
    for (const { q } of candidates) {
      if (!holding.every((t) => q.name in t.params)) continue;
      const keys = new Set(holding.map((t) => JSON.stringify(t.params[q.name])));
      if (lacking.some((t) => q.name in t.params && keys.has(JSON.stringify(t.params[q.name])))) continue;
      const values =
        q.type === 'integer'
          ? [...new Set(holding.map((t) => t.params[q.name] as number))].sort((a, b) => a - b)
          : domain(q).filter((v) => keys.has(JSON.stringify(v)));
      conditions.push({ child: p.name, parent: q.name, values });
      return;
    }
    throw new CoreError(
      'invalid-argument',
      `Optuna study ${JSON.stringify(study)}: parameter "${p.name}" is set in ${holding.length} trials and not in ${lacking.length}, and no earlier categorical or integer parameter's value tells when (trial ${lacking[0]?.number} lacks it); jahskit needs such a parameter's condition`,
      { parameter: p.name, allowed: "parameters that every trial sets, or that an earlier parameter's value switches on" },
    );
  });
  return conditions;
}

/** The values of a choice parameter in its own order. */
function domain(spec: ParameterSpec): readonly ParamValue[] {
  return listedValues(spec) ?? [];
}
