import { chainDigest, CHAIN_START } from '@jahskit/core';
import type { RunJob } from './executeRun';

/**
 * The key of a run in a distributed grid's queue: readable (task, optimizer, seed) and followed by a
 * digest of everything else the result depends on (the protocol's definition and the optimizer's
 * options), so that two grids share a run only when it would give the same result.
 */
export function gridQueueKey(job: Pick<RunJob, 'spec' | 'protocol'>): string {
  const { spec, protocol } = job;
  const digest = chainDigest(CHAIN_START, JSON.stringify({ protocol, options: spec.optimizerOptions }));
  return `${spec.task}/${spec.optimizer}/seed${spec.seed}#${digest}`;
}
