import { analyzeGrid } from '../analysis/analyzeGrid';
import type { Setting, TaskAnalysis } from '../analysis/GridAnalysis';
import type { RunResult } from '../analysis/RunResult';
import type { LiveRun } from './LiveRun';

/**
 * The report's analysis of one task (trajectories with mean ± SEM, anytime ranks, final values,
 * Pareto fronts) over its runs so far. A run still being written counts up to its last trial, so a
 * grid's plots grow while `compare` runs; the means stay honest since a grid point is only averaged
 * where every seed of the optimizer has reached it. Undefined while no run has a trial.
 */
export function liveTaskAnalysis(runs: readonly LiveRun[]): TaskAnalysis | undefined {
  const settings = new Map<string, Setting>();
  for (const run of runs) if (run.end !== undefined) settings.set(run.header.optimizer, run.end.setting);
  const results: RunResult[] = runs
    .filter((run) => run.records.length > 0)
    .map((run) => ({
      header: run.header,
      records: run.records,
      end: run.end ?? {
        stopReason: 'running',
        simulatedSeconds: Math.max(0, ...run.records.map((r) => r.end ?? 0)),
        trials: run.records.length,
        // Known once a run of the optimizer finished; until then it only labels leaderboards, not drawn.
        setting: settings.get(run.header.optimizer) ?? 'black-box',
      },
    }));
  return results.length === 0 ? undefined : analyzeGrid(results).tasks[0];
}
