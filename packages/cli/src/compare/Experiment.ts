import type { JsonValue } from '@jahskit/core';

/** One line of an experiment's plot and one row of its table: an optimizer (or variant) on a protocol. */
export interface ExperimentArm {
  readonly protocol: string;
  /** A registered optimizer id, or a labelled variant `id@variant` with options in `optimizerOptions`. */
  readonly optimizer: string;
  readonly label: string;
}

/**
 * A named research question answered by one `jahskit compare` grid: the protocols and optimizers
 * (variants included) of its arms, and how the arms are shown together. `jahskit experiment <name>`
 * runs it and writes its plot and table; the pages in docs/experiments are its output.
 */
export interface Experiment {
  readonly name: string;
  readonly title: string;
  readonly question: string;
  /**
   * Shown in this order. The grid runs every protocol of the arms with every optimizer of the arms
   * (pairs that are not arms run too, and are not shown), so arms of several protocols should share
   * their optimizers.
   */
  readonly arms: readonly ExperimentArm[];
  /** Options of the variants the arms name, as `compare --optimizer-options` takes them. */
  readonly optimizerOptions?: Readonly<Record<string, Readonly<Record<string, JsonValue>>>>;
  readonly seeds: number;
  /** Fractions of the budget (the x axis) at which the table also shows the arms' mean, e.g. [0.25, 0.5]. */
  readonly checkpoints?: readonly number[];
  /**
   * What the table's value column and the plot's axis say, when the arms' protocols label their shared
   * metric differently (a bound that differs per benchmark); default: the first protocol's label.
   */
  readonly metricLabel?: string;
}
