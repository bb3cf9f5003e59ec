import type { Experiment, ExperimentArm } from './Experiment';

/** Arms of one protocol, labelled by their optimizer unless a label is given. */
function armsOf(protocol: string, optimizers: readonly (string | readonly [string, string])[]): ExperimentArm[] {
  return optimizers.map((o) => (typeof o === 'string' ? { protocol, optimizer: o, label: o } : { protocol, optimizer: o[0], label: o[1] }));
}

const RE_SMALL = { population: 20, sampleSize: 5 };

/** Variants `<id>@epoch` of multi-fidelity optimizers that schedule the epochs (JAHS's first fidelity is N). */
function onEpochs(ids: readonly string[]): Record<string, { fidelity: string }> {
  return Object.fromEntries(ids.map((id) => [`${id}@epoch`, { fidelity: 'epoch' }]));
}

/**
 * The best and the worst of 5,000 random configurations of the joint JAHS space at full fidelity
 * (`jahskit run --benchmark jahs --optimizer rs --budget 5000 --seed 0 --benchmark-options
 * '{"variant":"joint","objectives":["valid_error"]}'`): trial 1750, valid error 0.63 %, the best; trial
 * 439, 100 % (diverged), the first of the 16 worst. The priors of the `jahs-priors` experiment.
 */
const JAHS_GOOD_PRIOR = {
  Op1: 2,
  Op2: 2,
  Op3: 0,
  Op4: 2,
  Op5: 0,
  Op6: 3,
  Activation: 'ReLU',
  LearningRate: 0.012843242682080359,
  WeightDecay: 0.006344138428407405,
  TrivialAugment: false,
  Optimizer: 'SGD',
} as const;
const JAHS_MISLEADING_PRIOR = {
  Op1: 0,
  Op2: 0,
  Op3: 1,
  Op4: 4,
  Op5: 1,
  Op6: 1,
  Activation: 'ReLU',
  LearningRate: 0.06624300496783385,
  WeightDecay: 1.8605568767991162e-5,
  TrivialAugment: true,
  Optimizer: 'SGD',
} as const;

/**
 * The experiments jahskit ships: the acceptance experiments of the optimizers and the JAHS-Bench-201
 * paper's first question. Each is one grid of `jahskit compare`; `jahskit experiment <name>` writes the
 * page of the same name in docs/experiments.
 */
export const BUILTIN_EXPERIMENTS: readonly Experiment[] = [
  {
    name: 'jahs-joint-vs-single',
    title: 'Joint search vs NAS only vs HPO only (JAHS-Bench-201, CIFAR-10)',
    question:
      'The JAHS-Bench-201 paper’s first research question: does searching architecture and hyperparameters jointly beat searching either alone? Random search on the joint space, on the architecture with a fixed random hyperparameter setting per seed (NAS only), and on the hyperparameters with a fixed random architecture per seed (HPO only).',
    arms: [
      { protocol: 'jahs', optimizer: 'rs', label: 'joint (NAS + HPO)' },
      { protocol: 'jahs-nas', optimizer: 'rs', label: 'NAS only' },
      { protocol: 'jahs-hpo', optimizer: 'rs', label: 'HPO only' },
    ],
    seeds: 10,
  },
  {
    name: 'nb201-single-objective',
    title: 'Single-objective optimizers on NAS-Bench-201 (CIFAR-10, 200 evaluations)',
    question:
      'Do the model-based and evolutionary optimizers beat random search on the NAS-Bench-201 cell space at a small budget, as the NAS-Bench-201 paper found for REA and BOHB-style methods? Regret of the validation error to the best cell of the table.',
    arms: armsOf('nb201-200', [
      'rs',
      ['re', 're (population 100, sample 25)'],
      ['re@pop20', 're (population 20, sample 5)'],
      'ls',
      'reinforce',
      'tpe',
      'gpbo',
      'bananas',
    ]),
    optimizerOptions: { 're@pop20': RE_SMALL },
    seeds: 20,
    checkpoints: [0.25, 0.5],
  },
  {
    name: 'nb301-single-objective',
    title: 'Single-objective optimizers on NAS-Bench-301 (DARTS space surrogate, 300 evaluations)',
    question:
      'Siems et al. (2020, "NAS-Bench-301 and the case for surrogate benchmarks for neural architecture search", arXiv:2008.09777) report that regularised evolution and BANANAS beat random search on this space: do ours?',
    arms: armsOf('nb301-300', ['rs', ['re', 're (population 100, sample 25)'], ['re@pop20', 're (population 20, sample 5)'], 'bananas', 'gpbo']),
    optimizerOptions: { 're@pop20': RE_SMALL },
    seeds: 10,
    checkpoints: [1 / 3],
  },
  {
    name: 'jahs-multi-fidelity',
    title: 'Multi-fidelity optimizers at equal simulated time (JAHS-Bench-201, CIFAR-10)',
    question:
      'Does scheduling training length (successive halving, Hyperband, BOHB, DEHB, ASHA) find better networks than random search at full fidelity in the same simulated time? "diagonal" moves all four fidelities (epochs, depth N, width W, resolution) together.',
    arms: [
      ...armsOf('jahs', [
        'rs',
        ['sh@epoch', 'sh (epoch)'],
        ['hyperband@epoch', 'hyperband (epoch)'],
        ['hyperband@diagonal', 'hyperband (diagonal)'],
        ['bohb@epoch', 'bohb (epoch)'],
        ['dehb@epoch', 'dehb (epoch)'],
      ]),
      ...armsOf('jahs-4workers', [
        ['rs', 'rs, 4 workers'],
        ['asha@epoch', 'asha (epoch), 4 workers'],
      ]),
    ],
    optimizerOptions: { ...onEpochs(['sh', 'hyperband', 'bohb', 'dehb', 'asha']), 'hyperband@diagonal': { fidelity: ['epoch', 'N', 'W', 'Resolution'] } },
    seeds: 10,
    checkpoints: [0.25, 0.5],
  },
  {
    name: 'jahs-learning-curves',
    title: 'Learning-curve, prior-guided and early-stopping methods at equal simulated time (JAHS-Bench-201, CIFAR-10)',
    question:
      'Issue 20 of jahskit: does DyHPO (a GP over configuration and budget deciding which configuration to train one step further) beat Hyperband and stand with BOHB and DEHB; does early stopping around TPE (median rule, learning-curve extrapolation) beat plain TPE; where does PriorBand stand with the default configuration as its prior? All on the epochs, paying only the increment when a trial continues.',
    arms: armsOf('jahs', [
      ['hyperband@epoch', 'hyperband (epoch)'],
      ['bohb@epoch', 'bohb (epoch)'],
      ['dehb@epoch', 'dehb (epoch)'],
      ['dyhpo@epoch', 'dyhpo (epoch)'],
      ['priorband@epoch', 'priorband (epoch, default configuration as prior)'],
      'tpe',
      ['tpe+median@epoch', 'tpe + median stopping (epoch)'],
      ['tpe+lce@epoch', 'tpe + learning-curve extrapolation (epoch)'],
    ]),
    optimizerOptions: onEpochs(['hyperband', 'bohb', 'dehb', 'dyhpo', 'priorband', 'tpe+median', 'tpe+lce']),
    seeds: 10,
    checkpoints: [0.25, 0.5],
  },
  {
    name: 'jahs-priors',
    title: 'Prior-guided search with a good and a misleading prior at equal simulated time (JAHS-Bench-201, CIFAR-10)',
    question:
      'Issue 20 of jahskit: with a good prior, do piBO-TPE and PriorBand beat their prior-free versions (TPE, Hyperband) early in the run, and with a misleading prior do they recover to within noise of them by the end? The good prior is the best of 5,000 random configurations at full fidelity (valid error 0.63 %), the misleading one a worst (100 %, diverged); both are configurations given as the `prior` option, centred with `priorConfidence: medium`. PriorBand with the default configuration as its prior is shown as in jahs-learning-curves; PriorBand with either prior also with `priorFirst: max-fidelity` (the centre of the prior trained to 200 epochs before the first bracket, as in NePS). PriorBand and Hyperband schedule the epochs, paying only the increment when a trial continues.',
    arms: armsOf('jahs', [
      'tpe',
      ['tpe@good-prior', 'tpe, good prior (piBO)'],
      ['tpe@misleading-prior', 'tpe, misleading prior (piBO)'],
      ['hyperband@epoch', 'hyperband (epoch)'],
      ['priorband@epoch', 'priorband (epoch, default configuration as prior)'],
      ['priorband@good-prior', 'priorband (epoch), good prior'],
      ['priorband@misleading-prior', 'priorband (epoch), misleading prior'],
      ['priorband@good-prior-first', 'priorband (epoch), good prior trained to 200 epochs first'],
      ['priorband@misleading-prior-first', 'priorband (epoch), misleading prior trained to 200 epochs first'],
    ]),
    optimizerOptions: {
      'tpe@good-prior': { prior: JAHS_GOOD_PRIOR },
      'tpe@misleading-prior': { prior: JAHS_MISLEADING_PRIOR },
      ...onEpochs(['hyperband', 'priorband']),
      'priorband@good-prior': { fidelity: 'epoch', prior: JAHS_GOOD_PRIOR },
      'priorband@misleading-prior': { fidelity: 'epoch', prior: JAHS_MISLEADING_PRIOR },
      'priorband@good-prior-first': { fidelity: 'epoch', prior: JAHS_GOOD_PRIOR, priorFirst: 'max-fidelity' },
      'priorband@misleading-prior-first': { fidelity: 'epoch', prior: JAHS_MISLEADING_PRIOR, priorFirst: 'max-fidelity' },
    },
    seeds: 10,
    checkpoints: [0.1, 0.25, 0.5],
  },
  {
    name: 'nb301-learning-curves',
    title: 'Learning-curve and early-stopping methods at equal simulated time (NAS-Bench-301, DARTS space surrogate)',
    question:
      'Issue 20 of jahskit, on the second benchmark with continuation: does DyHPO beat Hyperband and stand with BOHB and DEHB, and does TPE with the median stopping rule beat plain TPE? All multi-fidelity methods schedule the epochs (1 to 98) and pay only the increment when a trial continues; the budget is 100 mean full-fidelity runtimes.',
    arms: armsOf('nb301', [
      ['hyperband@epoch', 'hyperband (epoch)'],
      ['bohb@epoch', 'bohb (epoch)'],
      ['dehb@epoch', 'dehb (epoch)'],
      ['dyhpo@epoch', 'dyhpo (epoch)'],
      'tpe',
      ['tpe+median@epoch', 'tpe + median stopping (epoch)'],
    ]),
    optimizerOptions: onEpochs(['hyperband', 'bohb', 'dehb', 'dyhpo', 'tpe+median']),
    seeds: 10,
    checkpoints: [0.1, 0.25, 0.5],
  },
  {
    name: 'hardware-aware',
    title: 'Hardware-aware search: validation error under a latency or a size bound (NAS-Bench-201, JAHS-Bench-201)',
    question:
      "Issue 18 of jahskit: with a constraint that half the space breaks (NAS-Bench-201 CIFAR-10: latency at most its median over the cells; JAHS-Bench-201 joint space: model size at most its median), does every optimizer that handles constraints (Deb's feasibility rules, constrained TPE, constrained EI, a constraint-aware ensemble) find better feasible networks than random search under the same constraint? The metric is the best validation error among feasible trials.",
    arms: (['nb201-latency', 'jahs-size'] as const).flatMap((protocol) =>
      armsOf(
        protocol,
        (['rs', 're@pop20', 'ls', 'reinforce', 'tpe', 'gpbo', 'bananas'] as const).map(
          (id) => [id, `${protocol}: ${id === 're@pop20' ? 're (population 20, sample 5)' : id}`] as const,
        ),
      ),
    ),
    optimizerOptions: { 're@pop20': RE_SMALL },
    metricLabel: 'best validation error (%) of the trials within the bound',
    seeds: 10,
    checkpoints: [0.25, 0.5],
  },
  {
    name: 'nb201-multi-objective',
    title: 'Multi-objective optimizers on NAS-Bench-201 (validation error and parameters)',
    question:
      'Which multi-objective optimizers find the best trade-off between validation error and model size on the NAS-Bench-201 cell space? Hypervolume with the benchmark’s reference point; multi-fidelity methods (shemoa, mobohb) get the same simulated time and only their 200-epoch results count.',
    arms: armsOf('nb201-mo', [
      'rs',
      'nsga2',
      ['nsga2@pop20', 'nsga2 (population 20)'],
      'smsemoa',
      'motpe',
      'parego',
      'msehvi',
      'mobananas',
      'bulkcut',
      'shemoa',
      'mobohb',
    ]),
    optimizerOptions: { 'nsga2@pop20': { population: 20 } },
    seeds: 10,
    checkpoints: [0.3],
  },
  {
    name: 'jahs-multi-objective',
    title: 'Multi-objective optimizers on JAHS-Bench-201 (validation error and latency)',
    question:
      'Which multi-objective optimizers find the best trade-off between validation error and latency on the joint JAHS-Bench-201 space at equal simulated time? Hypervolume against the fixed reference point (50 %, 4 s); only full-fidelity results count.',
    arms: armsOf('jahs-mo', [
      'rs',
      ['nsga2@pop20', 'nsga2 (population 20)'],
      ['smsemoa@pop20', 'smsemoa (population 20)'],
      'motpe',
      'parego',
      'msehvi',
      'mobananas',
      'bulkcut',
      ['shemoa@epoch', 'shemoa (epoch)'],
      ['mobohb@epoch', 'mobohb (epoch)'],
    ]),
    optimizerOptions: {
      'nsga2@pop20': { population: 20 },
      'smsemoa@pop20': { population: 20 },
      'shemoa@epoch': { fidelity: 'epoch' },
      'mobohb@epoch': { fidelity: 'epoch' },
    },
    seeds: 10,
    checkpoints: [0.5],
  },
];
