import { JahskitError, type Configuration, type OptimizerContext, type ParamValue, type SearchSpace } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { SynchronousBrackets } from '../internal/multifidelity/SynchronousBrackets';
import { CentredDistribution } from './CentredDistribution';
import type { ConfigDistribution } from './ConfigDistribution';
import { PriorBandSampler } from './PriorBandSampler';
import { hasPriors, SpacePriorDistribution } from './SpacePriorDistribution';

export type PriorConfidence = 'low' | 'medium' | 'high';

export type PriorBandOptions = LadderOptionValues & {
  /** 'auto': the space's priors if it has any, else the default configuration; 'space'; 'default'; or a (partial) configuration. */
  readonly prior: 'auto' | 'space' | 'default' | Readonly<Record<string, ParamValue>>;
  readonly priorConfidence: PriorConfidence;
  /** true: the prior's mode is the first configuration of the first bracket; 'max-fidelity': it is trained to the top first. */
  readonly priorFirst: boolean | 'max-fidelity';
  readonly mutationRate: number;
  readonly mutationStd: number;
};

/**
 * How sure a centred prior is (NePS's `prior_confidence`): the standard deviation of each number on its
 * [0, 1] encoding, and how many times any other choice the centre's categorical choice weighs.
 */
export const PRIOR_CONFIDENCE: Readonly<Record<PriorConfidence, { readonly sd: number; readonly centreWeight: number }>> = {
  low: { sd: 0.5, centreWeight: 2 },
  medium: { sd: 0.25, centreWeight: 4 },
  high: { sd: 0.125, centreWeight: 6 },
};

/**
 * PriorBand (Mallik, Bergman, Hvarfner, Stoll, Janowski, Lindauer, Nardi & Hutter, NeurIPS 2023):
 * Hyperband's brackets, run one after another as `hyperband` runs them, with the configurations that
 * enter a bracket drawn from a mixture of the uniform distribution, the user's prior and a local
 * perturbation of the incumbent ({@link PriorBandSampler}).
 */
export class PriorBand extends ScheduledOptimizer {
  constructor(options: PriorBandOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    const confidence = PRIOR_CONFIDENCE[options.priorConfidence];
    const sampler = new PriorBandSampler(context.space, context.seed, ladder, priorOf(context.space, options), {
      ...confidence,
      mutationRate: options.mutationRate,
      mutationStd: options.mutationStd,
      priorFirst: options.priorFirst !== false,
    });
    super('priorband', new SynchronousBrackets(ladder, 'hyperband', sampler, { leadAtTop: options.priorFirst === 'max-fidelity' }));
  }
}

/** The prior the options ask for; a space without priors under 'space', or an illegal configuration, is an invalid-option naming `prior`. */
export function priorOf(space: SearchSpace, options: Pick<PriorBandOptions, 'prior' | 'priorConfidence'>): ConfigDistribution {
  const { sd, centreWeight } = PRIOR_CONFIDENCE[options.priorConfidence];
  const prior = options.prior;
  if (prior === 'space' || (prior === 'auto' && hasPriors(space))) {
    if (!hasPriors(space)) {
      throw new OptimizerError('invalid-option', "prior 'space': the search space has no priors (normal or beta parameters, weighted categorical choices)", {
        parameter: 'prior',
        allowed: "'auto', 'default', a configuration, or 'space' on a space with priors",
      });
    }
    return new SpacePriorDistribution(space);
  }
  if (prior === 'auto' || prior === 'default') return new CentredDistribution(space, space.defaultConfiguration(), sd, centreWeight);
  return new CentredDistribution(space, priorConfiguration(space, prior), sd, centreWeight);
}

/**
 * The user's configuration, completed with defaults for the parameters it leaves out (and that are
 * active), checked by the space.
 */
function priorConfiguration(space: SearchSpace, given: Readonly<Record<string, ParamValue>>): Configuration {
  const known = new Set(space.parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name))
      throw new OptimizerError('invalid-option', `prior names "${name}", which is not a parameter of the search space`, {
        parameter: `prior.${name}`,
        allowed: [...known].join(', '),
      });
  }
  // Defaults fill in; a parameter the given values switch off is left out, so the result can be legal.
  const merged: Record<string, ParamValue> = { ...space.defaultConfiguration(), ...given };
  for (const p of space.parameters) {
    if (!(p.name in merged) && !(p.name in given)) merged[p.name] = p.default;
  }
  for (const p of space.parameters) if (!(p.name in given) && !space.isActive(p.name, merged)) delete merged[p.name];
  try {
    return space.validate(merged);
  } catch (error) {
    if (!JahskitError.isJahskitError(error)) throw error;
    throw new OptimizerError('invalid-option', `prior: ${error.message}`, {
      parameter: error.parameter === undefined ? 'prior' : `prior.${error.parameter}`,
      ...(error.allowed !== undefined ? { allowed: error.allowed } : {}),
      cause: error,
    });
  }
}
