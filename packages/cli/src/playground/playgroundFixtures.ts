import type { PlaygroundStudySpec } from './playgroundStudy';

/** Random search on NB201's CIFAR-10 task, seed 3, 50 evaluations on one worker: what the form's first row asks for. */
export const RS_NB201_STUDY: PlaygroundStudySpec = {
  benchmark: 'nb201',
  benchmarkOptions: { instance: 'cifar10' },
  optimizer: 'rs',
  optimizerOptions: {},
  seed: 3,
  budget: { evaluations: 50 },
  workers: 1,
};
