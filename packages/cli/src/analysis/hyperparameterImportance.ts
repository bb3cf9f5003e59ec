import type { Configuration, SearchSpace } from '@jahskit/core';
import { CliError } from '../commandLineError';
import { functionalAnova } from './functionalAnova';
import { regressionForest, type ForestFeature, type RegressionForestOptions } from './regressionForest';

/** A parameter's (or a pair's) share of the variance of the objective, averaged over the trees. */
interface ParameterImportance {
  readonly name: string;
  /** In [0, 1]: the mean share over the forest's trees. */
  readonly importance: number;
  /** The standard deviation of the share across the trees. */
  readonly std: number;
}

export interface HyperparameterImportance {
  /** Every non-constant parameter of the space, most important first. */
  readonly parameters: readonly ParameterImportance[];
  /** Interactions of the most important parameters (named "a × b"), largest first; empty unless asked for. */
  readonly pairs: readonly ParameterImportance[];
  /** Trials the forest learnt from. */
  readonly trials: number;
  /** Trees whose prediction varies (0: the objective looked constant, every share is 0). */
  readonly trees: number;
}

export interface ImportanceOptions extends RegressionForestOptions {
  /** Interactions among the `pairs` most important parameters (default 0: none). */
  readonly pairs?: number;
}

/** One evaluated configuration and its objective value. */
export interface ImportanceTrial {
  readonly config: Configuration;
  readonly value: number;
}

/**
 * Hyperparameter importance by functional ANOVA over a random forest (see functionalAnova): the share
 * of the objective's variance over the space that each parameter explains on its own, with the
 * parameters in the space's encoded coordinates, so that a log-scale parameter is uniform on its log
 * scale, as the space samples it. A conditional parameter's inactive state is a value of its own,
 * weighted by how often the trials had it inactive (the space's uniform measure says nothing of how
 * often a condition holds); its active values share the rest of the measure uniformly. Its inactive
 * state then tells the trials apart exactly as its parent's values do, so an effect of the parent
 * may be credited to the child as well (the trees split on either). Constant
 * parameters explain nothing and are left out. Trials whose value is not finite are skipped.
 */
export function hyperparameterImportance(
  space: Pick<SearchSpace, 'parameters' | 'encode'>,
  trials: readonly ImportanceTrial[],
  options: ImportanceOptions = {},
): HyperparameterImportance {
  const used = space.parameters.map((spec, index) => ({ spec, index })).filter(({ spec }) => spec.type !== 'constant');
  const features: ForestFeature[] = used.map(({ spec }) =>
    spec.type === 'categorical'
      ? { kind: 'categorical', levels: spec.choices.length }
      : spec.type === 'ordinal'
        ? { kind: 'ordinal', levels: spec.sequence.length }
        : { kind: 'numeric' },
  );
  const finite = trials.filter((t) => Number.isFinite(t.value));
  const d = used.length;
  const x = new Float64Array(finite.length * d);
  const inactive = new Array<number>(d).fill(0);
  finite.forEach((trial, i) => {
    const encoded = space.encode(trial.config);
    used.forEach(({ index }, f) => {
      const v = encoded[index] as number;
      x[i * d + f] = v;
      if (Number.isNaN(v)) inactive[f] = (inactive[f] as number) + 1;
    });
  });
  const pairCount = options.pairs ?? 0;
  if (!Number.isInteger(pairCount) || pairCount < 0)
    throw new CliError('usage', `pairs must be a whole number of parameters, at least 0, got ${pairCount}`, { parameter: 'pairs', allowed: '0, 1, 2, ...' });
  const none = (): HyperparameterImportance => ({
    parameters: used.map(({ spec }) => ({ name: spec.name, importance: 0, std: 0 })),
    pairs: [],
    trials: finite.length,
    trees: 0,
  });
  if (finite.length < 2 || d === 0) return none();
  const forest = regressionForest(
    features,
    x,
    finite.map((t) => t.value),
    options,
  );
  // A parameter inactive in every trial would have no active measure left: it tells nothing anyway.
  const weights = inactive.map((count) => Math.min(count / finite.length, 0.999));
  const singles = functionalAnova(forest, { inactiveWeights: weights });
  if (singles.trees === 0) return none();
  const ranked = used
    .map(({ spec }, f) => ({ f, name: spec.name, importance: singles.singles[f]!.mean, std: singles.singles[f]!.std }))
    .sort((a, b) => b.importance - a.importance || a.f - b.f);
  const top = ranked
    .slice(0, pairCount)
    .map((p) => p.f)
    .sort((a, b) => a - b);
  const pairList = top.flatMap((a, i) => top.slice(i + 1).map((b) => [a, b] as const));
  const interactions = pairList.length === 0 ? undefined : functionalAnova(forest, { inactiveWeights: weights, pairs: pairList });
  const pairs = pairList
    .map(([a, b]) => {
      const share = interactions!.pairs.get(`${a},${b}`)!;
      return { name: `${used[a]!.spec.name} × ${used[b]!.spec.name}`, importance: share.mean, std: share.std };
    })
    .sort((p, q) => q.importance - p.importance);
  return {
    parameters: ranked.map(({ name, importance, std }) => ({ name, importance, std })),
    pairs,
    trials: finite.length,
    trees: singles.trees,
  };
}
