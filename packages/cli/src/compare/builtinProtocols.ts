import type { Protocol, ReferenceValue } from './Protocol';

/** Mean simulated runtime (s) of a random NAS-Bench-201 CIFAR-10 cell trained for 200 epochs. */
const NB201_MEAN_EVALUATION_SECONDS = 1800.5225;
/** Mean simulated runtime (s) of a random NAS-Bench-301 cell trained for 98 epochs (the surrogate's runtime). */
const NB301_MEAN_EVALUATION_SECONDS = 5032.075326660156;
/** Mean simulated runtime (s) of a random JAHS-Bench-201 CIFAR-10 configuration at full fidelity. */
const JAHS_MEAN_EVALUATION_SECONDS = 229366.59;

const JAHS_BASE = {
  benchmark: 'jahs',
  budget: { meanEvaluations: 100, evaluations: 5000 },
  meanEvaluationSeconds: JAHS_MEAN_EVALUATION_SECONDS,
  workers: 1,
  seeds: 10,
  axis: 'mean-evaluations',
  embedded: true,
} as const;

/**
 * The median desktop-CPU latency (s, `latency_s`: BRP-NAS, i7-7820X, fp32) of the 15,625 NAS-Bench-201
 * cells as the benchmark reports them: the 7,813th of the sorted values (the same on the three
 * datasets, the latency being the network's). The 341 disconnected cells, whose latency is not
 * recorded, report the smallest recorded one; over the 15,284 recorded cells alone the median is
 * 0.00478053085 s. `latency_s <= NB201_MEDIAN_LATENCY_S` holds for 7,813 cells, half the space.
 * builtinProtocols.test.ts recomputes it from the table.
 */
export const NB201_MEDIAN_LATENCY_S = 0.0047169267;

/**
 * The median model size (MB, `size_MB`) of the JAHS-Bench-201 joint space at full fidelity, estimated
 * from 10,000 configurations drawn as `space.sample(Rng.seeded(0).stream('config', i))` for i = 0..9999:
 * the middle two sizes are 0.3449990 and 0.3450028 MB, so the bound 0.345 MB splits the sample in
 * half. builtinProtocols.test.ts recomputes the sample.
 */
export const JAHS_MEDIAN_SIZE_MB = 0.345;

/** The JAHS leaderboard's score, as an error: the chosen configuration's validation error at full fidelity. */
const JAHS_LEADERBOARD_METRIC = 'validation error @ full fidelity (%)';

/** The 200-epoch validation accuracy of the chosen cell on each NB201 dataset: the paper's Table 5 columns. */
const NB201_PAPER_METRICS = {
  cifar10: 'cifar10-valid validation accuracy @200 epochs (%)',
  cifar100: 'cifar100 validation accuracy @200 epochs (%)',
  imagenet: 'ImageNet16-120 validation accuracy @200 epochs (%)',
} as const;
const NB201_PAPER_SCRIPTS = 'D-X-Y/AutoDL-Projects @ bb2f405 (2020-01-15), scripts-search/algos';

/** Table 5's [cifar10-valid, cifar100, ImageNet16-120] validation accuracies, as [mean, std] pairs. */
function nb201PaperRow(cifar10: [number, number], cifar100: [number, number], imagenet: [number, number]): Record<string, ReferenceValue> {
  const value = ([mean, std]: [number, number]): ReferenceValue => ({ mean, std });
  return { [NB201_PAPER_METRICS.cifar10]: value(cifar10), [NB201_PAPER_METRICS.cifar100]: value(cifar100), [NB201_PAPER_METRICS.imagenet]: value(imagenet) };
}

/**
 * The protocols jahskit ships. Budgets and reference points are fixed here, in one place, so that
 * every report made with the same protocol name is comparable.
 */
export const BUILTIN_PROTOCOLS: readonly Protocol[] = [
  {
    ...JAHS_BASE,
    name: 'jahs',
    title: 'JAHS-Bench-201 CIFAR-10, joint space: validation error',
    description:
      'The JAHS-Bench-201 protocol (Bansal et al., 2022): at least 10 seeds; best validation error of full-fidelity results over total simulated runtime divided by the mean runtime of one evaluation, up to 100.',
    benchmarkOptions: { variant: 'joint', objectives: ['valid_error'] },
    metric: 'best',
  },
  {
    ...JAHS_BASE,
    name: 'jahs-nas',
    title: 'JAHS-Bench-201 CIFAR-10, NAS only (random fixed hyperparameters per seed)',
    description: 'As `jahs`, on the architecture only; the hyperparameters are fixed to a random setting drawn from the run seed.',
    benchmarkOptions: { variant: 'nas', objectives: ['valid_error'] },
    seedOptions: ['fixedSeed'],
    metric: 'best',
  },
  {
    ...JAHS_BASE,
    name: 'jahs-hpo',
    title: 'JAHS-Bench-201 CIFAR-10, HPO only (random fixed architecture per seed)',
    description: 'As `jahs`, on the hyperparameters only; the architecture is fixed to a random cell drawn from the run seed.',
    benchmarkOptions: { variant: 'hpo', objectives: ['valid_error'] },
    seedOptions: ['fixedSeed'],
    metric: 'best',
  },
  {
    ...JAHS_BASE,
    name: 'jahs-mo',
    title: 'JAHS-Bench-201 CIFAR-10, joint space: validation error and latency',
    description:
      'Hypervolume of the full-fidelity results (validation error %, latency s; both minimised) with the fixed reference point (50, 4): about the 95th percentile of each objective over 500 random configurations.',
    benchmarkOptions: { variant: 'joint', objectives: ['valid_error', 'latency'] },
    metric: 'hypervolume',
    referencePoint: [50, 4],
  },
  {
    ...JAHS_BASE,
    name: 'jahs-size',
    title: 'JAHS-Bench-201 CIFAR-10, joint space, hardware-aware: validation error with size at most the median',
    description:
      'Issue 18 of jahskit ("the most accurate network under 2 MB", scaled to this space): as `jahs`, among the configurations whose model size (size_MB) is at most its median over the joint space (0.345 MB, estimated from 10,000 random configurations; half satisfy it). The size is a surrogate output, known only after evaluation.',
    benchmarkOptions: { variant: 'joint', objectives: ['valid_error'] },
    constraints: [`size_MB <= ${JAHS_MEDIAN_SIZE_MB}`],
    metric: 'best',
    metricLabel: `best validation error (%) with size_MB <= ${JAHS_MEDIAN_SIZE_MB}`,
  },
  {
    name: 'nb201',
    title: 'NAS-Bench-201 CIFAR-10: validation regret',
    description:
      'Regret of the validation error (200 epochs) to the best cell of the table, over simulated runtime divided by the mean runtime of one evaluation, up to 100.',
    benchmark: 'nb201',
    benchmarkOptions: { instance: 'cifar10' },
    budget: { meanEvaluations: 100, evaluations: 5000 },
    meanEvaluationSeconds: NB201_MEAN_EVALUATION_SECONDS,
    workers: 1,
    seeds: 10,
    metric: 'regret',
    axis: 'mean-evaluations',
    logScale: true,
    embedded: true,
  },
  {
    name: 'nb201-latency',
    title: 'NAS-Bench-201 CIFAR-10, hardware-aware: validation error with latency at most the median',
    description:
      'Issue 18 of jahskit, after hardware-aware NAS ("the most accurate network under 20 ms"): best validation error (200 epochs, %) among the cells whose desktop-CPU latency (BRP-NAS, latency_s) is at most the median over the space (4.72 ms; half the cells satisfy it), over simulated runtime divided by the mean runtime of one evaluation, up to 100. Latency is not known before training here, so a trial that breaks the bound still costs its training time.',
    benchmark: 'nb201',
    benchmarkOptions: { instance: 'cifar10', objectives: ['valid_error'] },
    constraints: [`latency_s <= ${NB201_MEDIAN_LATENCY_S}`],
    budget: { meanEvaluations: 100, evaluations: 5000 },
    meanEvaluationSeconds: NB201_MEAN_EVALUATION_SECONDS,
    workers: 1,
    seeds: 10,
    metric: 'best',
    metricLabel: `best validation error (%) with latency_s <= ${NB201_MEDIAN_LATENCY_S} s`,
    axis: 'mean-evaluations',
    embedded: true,
  },
  {
    name: 'nb201-200',
    title: 'NAS-Bench-201 CIFAR-10: validation regret after 200 evaluations',
    description:
      'Regret of the validation error (200 epochs) to the best cell of the table after 200 full-fidelity evaluations, one worker: a small budget at which the optimizers differ (the acceptance experiment nb201-single-objective).',
    benchmark: 'nb201',
    benchmarkOptions: { instance: 'cifar10' },
    budget: { evaluations: 200 },
    workers: 1,
    seeds: 20,
    metric: 'regret',
    axis: 'evaluations',
    logScale: true,
    embedded: true,
  },
  {
    name: 'nb201-mo',
    title: 'NAS-Bench-201 CIFAR-10: validation error and parameters',
    description:
      "Hypervolume of validation error (%) and parameters (MB), both minimised, with the benchmark's documented reference point (16.8696, 1.1808126).",
    benchmark: 'nb201',
    benchmarkOptions: { instance: 'cifar10', objectives: ['valid_error', 'params_mb'] },
    budget: { meanEvaluations: 100, evaluations: 5000 },
    meanEvaluationSeconds: NB201_MEAN_EVALUATION_SECONDS,
    workers: 1,
    seeds: 10,
    metric: 'hypervolume',
    referencePoint: [16.8696, 1.1808126],
    axis: 'mean-evaluations',
    embedded: true,
  },
  {
    ...JAHS_BASE,
    name: 'jahs-leaderboard',
    title: 'JAHS-Bench-201 leaderboard, CIFAR-10 single objective: random search and Hyperband',
    description:
      "The protocol of JAHS-Bench-201's official leaderboards (docs/leaderboards.md of automl/jahs_bench_201, run by automl/jahs_bench_201_experiments: tasks/run_task.py, utils/setup.py, utils/CMDs/generate_cmds.py, analysis/leaderboard.py): 10 seeds; random search with 100 evaluations at 200 epochs; Hyperband-style successive halving on the epochs (eta 3, budgets 22, 67, 200 from min_budget 12) for 42 iterations; the score is the best validation accuracy, mean ± standard error over seeds. Here both get the simulated time of 100 mean full-fidelity evaluations (as `jahs`), the score is the best full-fidelity validation error, and the leaderboard's accuracies are shown as errors (100 - accuracy). The shipped surrogate is the early thesis model of JAHS-Bench-201, not the published surrogate the leaderboard used, so the numbers differ by more than noise: the comparison shows where jahskit's runs stand, not a reproduction.",
    benchmarkOptions: { variant: 'joint', objectives: ['valid_error'] },
    metric: 'best',
    incumbentMetrics: [{ label: JAHS_LEADERBOARD_METRIC, metric: 'valid_error', fidelity: { N: 5, W: 16, Resolution: 1, epoch: 200 } }],
    presets: [
      {
        label: 'hyperband@jahs-leaderboard',
        options: { fidelity: 'epoch', eta: 3, minBudget: 12, maxBudget: 200 },
        source:
          'jahs_bench_201_experiments: tasks/optimizer/successive_halving.py (Hyperband brackets over budgets max_budget * eta^-i), utils/setup.py: --min_budget 12 --max_budget 200 --eta 3 --fidelity Epochs',
      },
    ],
    reference: {
      source:
        'JAHS-Bench-201 leaderboards (automl/jahs_bench_201, docs/leaderboards.md), CIFAR-10 single objective: accuracy ± SE over 10 seeds, shown as error = 100 - accuracy and std = SE x sqrt(10) (transcribed, not re-derived; the published surrogate, not the shipped one)',
      runs: 10,
      values: {
        rs: { [JAHS_LEADERBOARD_METRIC]: { mean: 100 - 90.68, std: 0.16 * Math.sqrt(10) } },
        // The leaderboard's multi-fidelity row is the best of its four single-fidelity runs, the epochs one among them.
        'hyperband@jahs-leaderboard': { [JAHS_LEADERBOARD_METRIC]: { mean: 100 - 90.78, std: 0.14 * Math.sqrt(10) } },
      },
    },
  },
  {
    ...JAHS_BASE,
    name: 'jahs-4workers',
    title: 'JAHS-Bench-201 CIFAR-10, joint space: validation error, 4 asynchronous workers',
    description: 'As `jahs`, with 4 simulated workers asking asynchronously: the same simulated wall-clock time, so four times the training time in all.',
    benchmarkOptions: { variant: 'joint', objectives: ['valid_error'] },
    workers: 4,
    metric: 'best',
  },
  {
    name: 'nb301-300',
    title: 'NAS-Bench-301 (DARTS space, YAHPO Gym v2 surrogate): validation error after 300 evaluations',
    description:
      'Best validation error (%) at full fidelity (epoch 98) after 300 evaluations, one worker: the comparison of Siems et al. (2020) on the surrogate (the acceptance experiment nb301-single-objective).',
    benchmark: 'nb301',
    benchmarkOptions: { objectives: ['valid_error'] },
    budget: { evaluations: 300 },
    workers: 1,
    seeds: 10,
    metric: 'best',
    axis: 'evaluations',
    embedded: true,
  },
  {
    name: 'nb301',
    title: 'NAS-Bench-301 (DARTS space, YAHPO Gym v2 surrogate): validation error at equal simulated time',
    description:
      'Best validation error (%) of full-fidelity (epoch 98) results over simulated runtime divided by the mean runtime of one full-fidelity evaluation, up to 100, one worker; a continued trial pays only the runtime of its extra epochs (the surrogate predicts the runtime at every epoch). The multi-fidelity counterpart of `nb301-300` (the acceptance experiment nb301-learning-curves).',
    benchmark: 'nb301',
    benchmarkOptions: { objectives: ['valid_error'] },
    budget: { meanEvaluations: 100, evaluations: 5000 },
    meanEvaluationSeconds: NB301_MEAN_EVALUATION_SECONDS,
    workers: 1,
    seeds: 10,
    metric: 'best',
    axis: 'mean-evaluations',
    embedded: true,
  },
  {
    name: 'nb201-paper',
    title: 'NAS-Bench-201 paper, Table 5: RS, REA, REINFORCE, BOHB on cifar10-valid (12 epochs, 12,000 s)',
    description:
      'The search experiment of Dong & Yang (ICLR 2020, "NAS-Bench-201: Extending the scope of reproducible neural architecture search", Table 5) as its scripts ran it (' +
      NB201_PAPER_SCRIPTS +
      '/{Random,R-EA,REINFORCE,BOHB}.sh and exps/algos/*.py): search on cifar10-valid by the 12-epoch validation accuracy, each evaluation charged 12 epochs of training, stop at 12,000 simulated seconds (an evaluation that would end later does not count); the chosen cell is the best 12-epoch result (for BOHB, the best at its largest budget, as hpbandster chooses), reported by its 200-epoch validation accuracy on cifar10-valid and, as the paper did with the same cells, on cifar100 and ImageNet16-120 (here their "valtest" accuracy: the paper\'s validation half is not in the bundled table). The paper\'s values are 500 runs per method.',
    benchmark: 'nb201',
    benchmarkOptions: { instance: 'cifar10', epochs: 12, nominalEpochs: true },
    budget: { simulatedSeconds: 12_000 },
    workers: 1,
    seeds: 100,
    metric: 'best',
    metricLabel: 'best validation error @12 epochs (%)',
    axis: 'simulated-seconds',
    incumbentMetrics: [
      { label: NB201_PAPER_METRICS.cifar10, metric: 'valid_acc', fidelity: { epoch: 200 }, withoutOptions: ['epochs', 'nominalEpochs'] },
      {
        label: NB201_PAPER_METRICS.cifar100,
        metric: 'valid_acc',
        fidelity: { epoch: 200 },
        withoutOptions: ['epochs', 'nominalEpochs'],
        options: { instance: 'cifar100' },
      },
      {
        label: NB201_PAPER_METRICS.imagenet,
        metric: 'valid_acc',
        fidelity: { epoch: 200 },
        withoutOptions: ['epochs', 'nominalEpochs'],
        options: { instance: 'ImageNet16-120' },
      },
    ],
    presets: [
      { label: 're@nb201-paper', options: { population: 10, sampleSize: 3 }, source: `${NB201_PAPER_SCRIPTS}/R-EA.sh: --ea_population 10 --ea_sample_size 3` },
      {
        label: 'reinforce@nb201-paper',
        options: { learningRate: 0.5, baselineDecay: 0.9 },
        source: `${NB201_PAPER_SCRIPTS}/REINFORCE.sh 0.5 (docs/NAS-Bench-201.md): Adam --learning_rate 0.5 --EMA_momentum 0.9`,
      },
      {
        label: 'bohb@nb201-paper',
        options: { fidelity: 'epoch', eta: 3, minBudget: 12, maxBudget: 200, randomFraction: 0, numSamples: 4, bandwidthFactor: 3, minBandwidth: 0.3 },
        source: `${NB201_PAPER_SCRIPTS}/BOHB.sh: --num_samples 4 --random_fraction 0.0 --bandwidth_factor 3 (min_bandwidth default 0.3); exps/algos/BOHB.py: eta=3, min_budget=12, max_budget=200`,
      },
    ],
    reference: {
      source: 'Dong & Yang, ICLR 2020, Table 5: validation accuracy, mean ± std (transcribed from the paper, not re-derived)',
      runs: 500,
      values: {
        're@nb201-paper': nb201PaperRow([91.19, 0.31], [71.81, 1.12], [45.15, 0.89]),
        rs: nb201PaperRow([90.93, 0.36], [70.93, 1.09], [44.45, 1.1]),
        'reinforce@nb201-paper': nb201PaperRow([91.09, 0.37], [71.61, 1.12], [45.05, 1.02]),
        'bohb@nb201-paper': nb201PaperRow([90.82, 0.53], [70.74, 1.29], [44.26, 1.36]),
      },
    },
    embedded: true,
  },
  {
    name: 'nashpobench2',
    title: 'NAS-HPO-Bench-II: validation regret at 12 epochs',
    description:
      'The NAS-HPO-Bench-II protocol (Hirose et al., 2021): 500 trials or 20,000 simulated seconds, searching with the 12-epoch validation accuracy; regret of validation accuracy (percentage points) and the 12- and 200-epoch test accuracy of the chosen configuration. Needs the official data files.',
    benchmark: 'nashpobench2',
    benchmarkOptions: { epochs: 12 },
    budget: { evaluations: 500, simulatedSeconds: 20_000 },
    workers: 1,
    seeds: 10,
    metric: 'regret',
    metricLabel: 'regret of validation accuracy (percentage points)',
    axis: 'simulated-seconds',
    logScale: true,
    incumbentMetrics: [
      { label: 'test accuracy @12 epochs (%)', metric: 'test_acc', fidelity: { epoch: 12 }, withoutOptions: ['epochs'] },
      { label: 'test accuracy @200 epochs (%)', metric: 'test_acc', fidelity: { epoch: 200 }, withoutOptions: ['epochs'] },
    ],
    embedded: false,
  },
];
