/**
 * A named research question answered by a grid: its protocols (one per arm), one optimizer, and
 * how the arms are shown together. `jahskit experiment <name>` runs it.
 */
export interface Experiment {
  readonly name: string;
  readonly title: string;
  readonly question: string;
  readonly optimizer: string;
  /** Protocol name -> the label of its line in the plot. */
  readonly arms: readonly { readonly protocol: string; readonly label: string }[];
  readonly seeds: number;
}

export const EXPERIMENTS: readonly Experiment[] = [
  {
    name: 'jahs-joint-vs-single',
    title: 'Joint search vs NAS only vs HPO only (JAHS-Bench-201, CIFAR-10)',
    question:
      'The JAHS-Bench-201 paper’s first research question: does searching architecture and hyperparameters jointly beat searching either alone? Random search on the joint space, on the architecture with a fixed random hyperparameter setting per seed (NAS only), and on the hyperparameters with a fixed random architecture per seed (HPO only).',
    optimizer: 'rs',
    arms: [
      { protocol: 'jahs', label: 'joint (NAS + HPO)' },
      { protocol: 'jahs-nas', label: 'NAS only' },
      { protocol: 'jahs-hpo', label: 'HPO only' },
    ],
    seeds: 10,
  },
];
