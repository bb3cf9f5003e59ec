import type { JsonValue } from '@jahskit/core';
import { join } from 'node:path';

/** One run of a grid: a protocol (task), an optimizer and a seed. */
export interface RunSpec {
  /** Protocol name. */
  readonly task: string;
  /** Registered optimizer id, or a labelled variant `id@variant` (see OptimizerVariant); also the row label of reports. */
  readonly optimizer: string;
  readonly optimizerOptions: Readonly<Record<string, JsonValue>>;
  readonly seed: number;
}

/** `<out>/<task>/<optimizer>/seed<seed>.jsonl`: one JSON-lines file per run. */
export function runFilePath(out: string, spec: RunSpec): string {
  return join(out, spec.task, spec.optimizer, `seed${spec.seed}.jsonl`);
}

/** The optimizer's measured wall-clock time, apart from the deterministic results file. */
export function timingFilePath(resultsPath: string): string {
  return resultsPath.replace(/\.jsonl$/, '.timing.jsonl');
}

/** A task and an optimizer that cannot run together (e.g. a single-objective optimizer on a two-objective task). */
export interface SkippedPair {
  readonly task: string;
  readonly optimizer: string;
}

/** Runs in a fixed order (task, optimizer, seed), whatever the order of the command line. */
export function gridRuns(
  tasks: readonly string[],
  optimizers: readonly { id: string; options: Readonly<Record<string, JsonValue>> }[],
  seeds: readonly number[],
  skip: readonly SkippedPair[] = [],
): RunSpec[] {
  const runs: RunSpec[] = [];
  for (const task of tasks) {
    for (const optimizer of optimizers) {
      if (skip.some((s) => s.task === task && s.optimizer === optimizer.id)) continue;
      for (const seed of seeds) runs.push({ task, optimizer: optimizer.id, optimizerOptions: optimizer.options, seed });
    }
  }
  return runs;
}
