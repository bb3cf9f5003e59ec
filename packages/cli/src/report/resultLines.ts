import type { TrialRecord, WallClockEntry } from '@jahskit/core';

/**
 * One JSON line per finished trial. Keys are written in a fixed order so two runs with the same
 * seed produce byte-identical files. A constrained run also writes the trial's constraint values, as
 * the optimizer saw them (see Observation.constraints).
 */
export function resultLine(record: TrialRecord, constraints?: readonly number[]): string {
  const { trial } = record;
  return JSON.stringify({
    trial: trial.id,
    config: trial.config,
    fidelity: trial.fidelity,
    ...(trial.continues !== undefined ? { continues: trial.continues } : {}),
    ...(trial.tags !== undefined ? { tags: trial.tags } : {}),
    status: record.status,
    objectives: record.objectives,
    metrics: record.metrics,
    ...(constraints !== undefined ? { constraints } : {}),
    cost: record.cost,
    ...(record.start !== undefined ? { start: record.start, end: record.end, worker: record.worker } : {}),
  });
}

/** The optimizer's measured wall-clock time, one line per call: kept apart because it varies. */
export function timingLine(entry: WallClockEntry, index: number): string {
  return JSON.stringify({ call: index, kind: entry.call, seconds: entry.seconds });
}
