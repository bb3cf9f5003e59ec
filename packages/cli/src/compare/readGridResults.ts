import { join } from 'node:path';
import { readRunResult } from '../analysis/readRunResult';
import type { RunResult } from '../analysis/RunResult';
import { manifestSeeds, type GridManifest } from './GridManifest';
import { gridRuns, runFilePath } from './RunSpec';

/** The finished runs of a results folder, in grid order, and how many are not finished. */
export function readGridResults(out: string, manifest: GridManifest): { runs: RunResult[]; unfinished: string[] } {
  const runs: RunResult[] = [];
  const unfinished: string[] = [];
  for (const spec of gridRuns(manifest.tasks, manifest.optimizers, manifestSeeds(manifest), manifest.skipped ?? [])) {
    const path = runFilePath(out, spec);
    const run = readRunResult(path);
    if (run === undefined) unfinished.push(join(spec.task, spec.optimizer, `seed${spec.seed}`));
    else runs.push(run);
  }
  return { runs, unfinished };
}
