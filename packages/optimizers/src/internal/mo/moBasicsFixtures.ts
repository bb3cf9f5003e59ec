import type { MoOptimizerBasics } from '../testing/describeMoOptimizerBasics';

/** The basics of the breeding optimizers (NSGA-II, SMS-EMOA): small populations; the bad options are out of `breedingOptions`' bounds. */
export const BREEDING_BASICS: MoOptimizerBasics = {
  options: { population: 8 },
  goldenOptions: { population: 10 },
  dtlz2: { options: { population: 6 } },
  badOptions: [{ population: 1 }, { crossoverProbability: 2 }, { bogus: 1 }],
};

/** The small pools of the GP optimizers of `GpMoOptimizerBase` (ParEGO, MS-EHVI), for short tests. */
export const GP_MO_SMALL = { startupTrials: 5, randomCandidates: 30, mutationCandidates: 10 };

/** The basics of the GP optimizers of `GpMoOptimizerBase` (ParEGO, MS-EHVI): small pools; the bad options are out of their shared bounds. */
export const GP_MO_BASICS: MoOptimizerBasics = {
  options: GP_MO_SMALL,
  modelBased: true,
  badOptions: [{ startupTrials: 1 }, { maxModelPoints: 1 }, { bogus: 1 }],
};
