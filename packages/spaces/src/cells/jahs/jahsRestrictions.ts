import type { Configuration } from '@jahskit/core';
import type { ConfigurationSpace } from '../../space/ConfigurationSpace';
import { jahsSpace } from './jahsSpace';

/**
 * The hyperparameters fixed for NAS-only search: the defaults of the surrogate's
 * search_space.json (ReLU, lr 0.1, weight decay 5e-4, no TrivialAugment, SGD).
 */
export const JAHS_NAS_FIXED: Configuration = Object.freeze({
  Activation: 'ReLU',
  LearningRate: 0.1,
  WeightDecay: 5e-4,
  TrivialAugment: false,
  Optimizer: 'SGD',
});

/**
 * The architecture fixed for HPO-only search: the defaults of search_space.json, every edge op
 * code 0 (skip_connect). Pass another cell to {@link jahsHpoOnly} to tune around it.
 */
export const JAHS_HPO_FIXED: Configuration = Object.freeze({ Op1: 0, Op2: 0, Op3: 0, Op4: 0, Op5: 0, Op6: 0 });

/** NAS-only JAHS: `space.restrict(fixed)` with the hyperparameters fixed (default {@link JAHS_NAS_FIXED}). */
export function jahsNasOnly(space: ConfigurationSpace = jahsSpace(), fixed: Configuration = JAHS_NAS_FIXED): ConfigurationSpace {
  return space.restrict(fixed);
}

/** HPO-only JAHS: `space.restrict(fixed)` with the cell fixed (default {@link JAHS_HPO_FIXED}). */
export function jahsHpoOnly(space: ConfigurationSpace = jahsSpace(), fixed: Configuration = JAHS_HPO_FIXED): ConfigurationSpace {
  return space.restrict(fixed);
}
