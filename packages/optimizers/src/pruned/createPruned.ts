import type { OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { Pruned, type PrunedOptions, type PruningRuleName } from './Pruned';

/**
 * A descriptor for `base` with early stopping by `rule`, registered as `<base>+<rule>` (`tpe+median`).
 * The base is given as a descriptor because an optimizer's context has no access to the plugin
 * registry; it must choose no fidelities itself (the wrapper does) and handle one objective.
 */
export function createPruned(base: OptimizerDescriptor, rule: PruningRuleName): OptimizerDescriptor<PrunedOptions> {
  if (base.capabilities.multiFidelity || base.capabilities.objectives === 'multi') {
    throw new OptimizerError(
      'invalid-option',
      `createPruned: "${base.id}" ${base.capabilities.multiFidelity ? 'chooses its own fidelities' : 'needs several objectives'}; pruning wraps a single-fidelity, single-objective optimizer`,
      {
        parameter: 'base',
        allowed: 'optimizers with multiFidelity false and objectives single or any',
      },
    );
  }
  const common = {
    baseOptions: z.record(z.string(), z.unknown()).default({}).describe(`options of "${base.id}", which proposes the configurations`),
    fidelity: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .nullable()
      .default(null)
      .describe("fidelity parameter to train along (null: the first); 'diagonal' or a list of names moves several together"),
    minBudget: z.number().gt(0).nullable().default(null).describe("first checkpoint, in units of the (first) fidelity; null: the parameter's lower bound"),
    maxBudget: z.number().gt(0).nullable().default(null).describe("last checkpoint, where a trial completes; null: the parameter's upper bound"),
    prunedAs: z
      .enum(['last-value', 'failed'])
      .default('last-value')
      .describe('what the base optimizer is told of a pruned trial: its last reported value, or a failure'),
  };
  const options =
    rule === 'median'
      ? z
          .object({
            ...common,
            eta: z.number().gt(1).default(2).describe('checkpoints grow by this factor, from minBudget to maxBudget'),
            startupTrials: z.number().int().min(0).default(5).describe('no pruning until this many trials have completed'),
            warmupBudget: z.number().min(0).default(0).describe('no pruning at checkpoints below this budget'),
            minTrials: z.number().int().min(1).default(1).describe('no pruning at a checkpoint fewer completed trials have reported'),
          })
          .strict()
      : rule === 'lce'
        ? z
            .object({
              ...common,
              eta: z
                .number()
                .gt(1)
                .default(1.5)
                .describe('checkpoints grow by this factor, from minBudget to maxBudget (more checkpoints: more points to fit)'),
              threshold: z.number().gt(0).lt(1).default(0.05).describe('stop when the probability that the final value beats the incumbent is below this'),
              minPoints: z.number().int().min(3).default(3).describe('no stop before a trial has reported this many checkpoints'),
              startupTrials: z.number().int().min(1).default(3).describe('no pruning until this many trials have completed'),
            })
            .strict()
        : z
            .object({
              ...common,
              eta: z.number().gt(1).default(3).describe('reduction factor: a trial goes on if among the best 1/eta at its checkpoint; checkpoints grow by eta'),
            })
            .strict();
  const what =
    rule === 'median'
      ? 'the median stopping rule (Optuna MedianPruner)'
      : rule === 'lce'
        ? 'learning-curve extrapolation (Domhan et al. 2015)'
        : 'asynchronous successive halving (Optuna SuccessiveHalvingPruner)';
  return {
    id: `${base.id}+${rule}`,
    summary: `${base.id} with early stopping by ${what}: trains each trial checkpoint by checkpoint, paying only the increments`,
    capabilities: Pruned.capabilitiesOf(base),
    options: options as never,
    create: (opts, context) => new Pruned(base, rule, opts, context),
  };
}
