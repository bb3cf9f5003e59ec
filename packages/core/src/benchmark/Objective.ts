export type Direction = 'minimize' | 'maximize';

/** One objective of a benchmark task. */
export interface Objective {
  readonly name: string;
  readonly direction: Direction;
  /**
   * True when the value is known without training (parameter count, FLOPs): MS-EHVI computes
   * such objectives exactly instead of modelling them.
   */
  readonly cheap: boolean;
  readonly unit?: string;
  readonly description?: string;
}
