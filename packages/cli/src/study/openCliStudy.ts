import { hostname } from 'node:os';
import { CoreError, optimizerContextFor, StoredStudy, type Constraint, type PluginRegistry, type StudySpec, type StudyStorage } from '@jahskit/core';
import { problemFromSource, type StudyProblem } from './studyProblem';
import { WarmStartOptimizer } from './WarmStartOptimizer';

/** A worker name for this process: host and pid, so that two shells never share one. */
export function defaultWorkerName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Opens an existing study from the CLI: reads its creation entry, builds its space from the journal's
 * source (a benchmark is loaded, a ConfigSpace is parsed), then replays the journal.
 */
export async function openCliStudy(
  storage: StudyStorage,
  name: string,
  registry: PluginRegistry,
  env: Readonly<Record<string, string | undefined>>,
  worker: string,
): Promise<{ study: StoredStudy; problem: StudyProblem }> {
  const [first] = await storage.read(name, -1);
  if (first === undefined) {
    const known = await storage.studies();
    throw new CoreError('unknown-study', `no study "${name}" in ${storage.location}; studies there: ${known.join(', ') || '(none)'}`, {
      parameter: 'name',
      allowed: known.join(', '),
    });
  }
  if (first.op !== 'create') throw new CoreError('journal-corrupt', `study "${name}": its journal does not start with its creation`, { parameter: 'storage' });
  const problem = await problemFromSource(first.spec.source ?? null, registry, env);
  const study = await StoredStudy.open({ storage, name, worker, parts: partsFor(problem, registry) });
  return { study, problem };
}

/** How a process builds its optimizer for a study over `problem`; an imported history comes first (WarmStartOptimizer). */
export function partsFor(problem: StudyProblem, registry: PluginRegistry) {
  return (spec: StudySpec, constraints: readonly Constraint[] = []) => {
    const optimizer = registry.createOptimizer(
      spec.optimizer.id,
      spec.optimizer.options,
      optimizerContextFor({ ...problem, objectives: spec.objectives }, spec.seed, constraints),
    );
    return {
      space: problem.space,
      fidelitySpace: problem.fidelitySpace,
      optimizer:
        problem.warmStart !== undefined && problem.warmStart.length > 0
          ? new WarmStartOptimizer(optimizer, problem.warmStart, problem.fidelitySpace.defaultConfiguration())
          : optimizer,
    };
  };
}
