import type { Configuration, JsonValue, SearchSpace } from '@jahskit/core';
import { hyperparameterImportance, type HyperparameterImportance, type ImportanceTrial } from '../analysis/hyperparameterImportance';
import { isFullFidelity } from '../analysis/isFullFidelity';
import { benchmarkSpace } from './benchmarkSpace';
import { evenSample } from './evenSample';
import { inferredSpace } from './inferredSpace';
import type { LiveRun } from './LiveRun';

/** Trials the forest learns from at most: beyond a few thousand it takes seconds and changes little. */
export const MAX_IMPORTANCE_TRIALS = 2000;

/** The most important parameters whose pair interactions are shown (3 pairs). */
const PAIRED = 3;

/** Importance of the parameters for each objective of a task, over some of its runs. */
export interface TaskImportance {
  /** 'benchmark': the benchmark's own space (log scales, conditions); 'inferred': read off the trials. */
  readonly space: 'benchmark' | 'inferred';
  /** Finished full-fidelity trials of the runs, and how many of them the forest learnt from. */
  readonly available: number;
  readonly used: number;
  readonly objectives: readonly (HyperparameterImportance & { readonly objective: string })[];
}

export type SpaceOf = (benchmark: string, options: Readonly<Record<string, JsonValue>>) => Promise<SearchSpace | undefined>;

/**
 * Functional ANOVA importance (see hyperparameterImportance) of the runs' finished trials at full
 * fidelity, pooled, for each objective: lower fidelities are left out, since they would credit the
 * fidelity's effect to whatever parameters the optimizer ran low. Over MAX_IMPORTANCE_TRIALS, an even
 * sample of them. Seeded (seed 0): the same trials give the same chart after every update.
 */
export async function taskImportance(runs: readonly LiveRun[], spaceOf: SpaceOf = benchmarkSpace): Promise<TaskImportance> {
  const header = runs.find((run) => run.records.length > 0)?.header;
  if (header === undefined) return { space: 'inferred', available: 0, used: 0, objectives: [] };
  const records = runs.flatMap((run) => run.records.filter((r) => r.status === 'ok' && isFullFidelity(r.fidelity ?? {}, run.header.fullFidelity ?? {})));
  const sample = evenSample(records, MAX_IMPORTANCE_TRIALS);
  const configs = sample.map((r) => r.config);
  const known = await spaceOf(header.benchmark, header.benchmarkOptions);
  const space = known !== undefined && encodesAll(known, configs) ? known : undefined;
  return {
    space: space !== undefined ? 'benchmark' : 'inferred',
    available: records.length,
    used: sample.length,
    objectives: header.objectives.map(({ name }) => {
      const trials: ImportanceTrial[] = sample.map((r) => ({ config: r.config, value: r.objectives?.[name] ?? Number.NaN }));
      return { objective: name, ...hyperparameterImportance(space ?? inferredSpace(configs), trials, { pairs: PAIRED }) };
    }),
  };
}

/** A space of another version of the benchmark may not hold every trial: then the trials' own is used. */
function encodesAll(space: SearchSpace, configs: readonly Configuration[]): boolean {
  try {
    for (const config of configs) space.validate(config);
    return true;
  } catch {
    return false;
  }
}
