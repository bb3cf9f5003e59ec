/**
 * Upper bounds of the options that size the work of one proposal or one model fit. Each is far beyond
 * the settings of the literature and of any default here (tens to hundreds of candidates, ensembles of
 * 3 to 10 networks of tens of units trained for hundreds of steps), so real use always fits, while a
 * value off by a few zeros (`"candidates": 1000000000`) fails at once as an option error naming it,
 * instead of a RangeError from a typed array or a run that never ends. They bound each option alone:
 * the largest of all of them together still make slow proposals, as asked.
 */
export const OPTION_LIMITS = {
  /** Candidates scored per proposal (prior draws, mutations, Parzen samples). */
  candidates: 100_000,
  /** Networks of an ensemble. */
  members: 100,
  /** Units of one hidden layer. */
  hiddenUnits: 1_000,
  /** Optimizer steps of one network fit. */
  trainingSteps: 100_000,
  /** Perturbations of one numeric parameter in a local-search neighbourhood. */
  neighbours: 1_000,
  /** Weight vectors of a simplex lattice (their number grows as s^(m-1) with m objectives). */
  latticeVectors: 100_000,
} as const;
