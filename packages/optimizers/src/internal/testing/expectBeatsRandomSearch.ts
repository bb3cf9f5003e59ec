import type { Optimizer } from '@jahskit/core';
import { expect } from 'vitest';
import { mannWhitneyLess } from './mannWhitneyLess';

/**
 * The one threshold of every "beats random search" claim: the one-sided Mann-Whitney p-value of the
 * optimizer's scores against random search's must be below it. 5% with 8 seeds needs U <= 15 of 64
 * pairs (about 3 of every 4 pairs won), a clear effect, yet one bad seed does not fail the claim as
 * it would a comparison of means.
 */
export const BEATS_RANDOM_SEARCH_ALPHA = 0.05;

/** Seeds 1..8 unless a test needs more: enough that the threshold can be reached with room to spare (p >= 1 / 12870). */
const BEATS_RANDOM_SEARCH_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** How a test makes an optimizer for one seed: from the seed, or from a context the score builds. */
type OptimizerArm<Input = number> = (input: Input) => Optimizer;

export interface BeatsRandomSearchOptions<Input = number> {
  /** The optimizer under test. */
  readonly create: OptimizerArm<Input>;
  /** The baseline, made the same way. */
  readonly randomSearch: OptimizerArm<Input>;
  /** One run of an arm with a seed, reduced to one number (best value, hypervolume, best at equal time). */
  readonly score: (arm: OptimizerArm<Input>, seed: number) => number | Promise<number>;
  /** Whether a lower score (a best objective) or a higher one (a hypervolume) is better. */
  readonly better: 'lower' | 'higher';
  /** Default {@link BEATS_RANDOM_SEARCH_SEEDS}; both arms run on the same seeds. */
  readonly seeds?: readonly number[];
}

export interface BeatsRandomSearchResult {
  readonly p: number;
  readonly ours: readonly number[];
  readonly random: readonly number[];
}

/**
 * Asserts that an optimizer beats random search: both arms run on the same seeds, and the one-sided
 * exact Mann-Whitney U test of "the optimizer's scores are better" must give p below
 * {@link BEATS_RANDOM_SEARCH_ALPHA}. One statistic for every optimizer, so that the claims in the
 * plugins' tests mean the same thing (before, each picked a mean, a median or a sum of 2 to 7 seeds).
 */
export async function expectBeatsRandomSearch<Input = number>(options: BeatsRandomSearchOptions<Input>): Promise<BeatsRandomSearchResult> {
  const seeds = options.seeds ?? BEATS_RANDOM_SEARCH_SEEDS;
  const ours: number[] = [];
  const random: number[] = [];
  for (const seed of seeds) {
    ours.push(await options.score(options.create, seed));
    random.push(await options.score(options.randomSearch, seed));
  }
  const p = options.better === 'lower' ? mannWhitneyLess(ours, random) : mannWhitneyLess(random, ours);
  const round = (xs: readonly number[]): string => xs.map((x) => x.toPrecision(4)).join(', ');
  expect(
    p,
    `one-sided Mann-Whitney p = ${p.toPrecision(3)} (${options.better} is better) over seeds ${seeds.join(', ')}: optimizer [${round(ours)}], random search [${round(random)}]`,
  ).toBeLessThan(BEATS_RANDOM_SEARCH_ALPHA);
  return { p, ours, random };
}
