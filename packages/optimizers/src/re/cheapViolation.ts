import { totalViolation, type Configuration, type OptimizerContext } from '@jahskit/core';

/**
 * How much a configuration breaks the study's constraints that read only cheap metrics
 * (`OptimizerContext.cheapObjectives`: parameters, FLOPs), computed before training by the rule the
 * study rejects such trials with (`simulate`): a constraint is cheap when every name it uses is a
 * cheap metric. Undefined when no constraint is cheap (or the problem has no cheap metrics), so that
 * callers draw nothing extra.
 */
export function cheapViolation(context: OptimizerContext): ((config: Configuration) => number) | undefined {
  const cheapMetrics = context.cheapObjectives;
  const constraints = context.constraints ?? [];
  if (cheapMetrics === undefined || constraints.length === 0) return undefined;
  const names = new Set(Object.keys(cheapMetrics(context.space.defaultConfiguration())));
  const cheap = constraints.filter((c) => c.uses.every((name) => names.has(name)));
  if (cheap.length === 0) return undefined;
  return (config) => {
    const metrics = cheapMetrics(config);
    return totalViolation(cheap.map((c) => c.value(metrics)));
  };
}
