import type { RunJob } from './executeRun';
import type { GridClaims } from './GridClaims';
import type { RunContext } from './RunContext';
import { runBenchmarkOptions } from './resolveProtocolRun';
import { jobBenchmarkKey } from './timedRun';

/**
 * What a grid thread does instead of waiting, when it can: loads a benchmark that other threads are
 * busy with (see GridClaims.preloadCandidate), so that it can take that benchmark's jobs at once.
 * Each benchmark is tried once (`tried`, by key index); a load that fails is left to the job that
 * needs it, which reports the error. True when it tried one: the thread then claims again.
 */
export async function preloadWhileIdle(
  claims: GridClaims,
  claimer: number,
  jobs: readonly RunJob[],
  context: RunContext,
  tried: Set<number>,
): Promise<boolean> {
  const job = claims.preloadCandidate(claimer, (key) => tried.has(key));
  if (job < 0) return false;
  tried.add(claims.data.keys[job]!);
  const { protocol, spec } = jobs[job]!;
  try {
    await context.benchmark(protocol.benchmark, runBenchmarkOptions(protocol, spec.seed));
  } catch {
    return true;
  }
  if (context.has(jobBenchmarkKey(jobs[job]!))) claims.holdBenchmarkOf(claimer, job);
  return true;
}
