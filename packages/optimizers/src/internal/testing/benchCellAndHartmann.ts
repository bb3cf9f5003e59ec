import type { Optimizer, OptimizerContext } from '@jahskit/core';
import { bench } from 'vitest';
import { cellContext, hartmannContext, warmUp } from '../../re/overheadFixtures';

export interface CellAndHartmannOptions {
  /** Steps between restores of the fixture, as in {@link warmUp}. */
  readonly window?: number;
  /** A fixed number of iterations (and no minimum time), for the slow model-based optimizers. */
  readonly iterations?: number;
  /** Appended to the benches' names, e.g. the encoding. */
  readonly cellNote?: string;
  readonly hartmannNote?: string;
}

/**
 * The two overhead benches the single-objective optimizers share: one ask+tell after 1,000 results on
 * the NAS-Bench-201-shaped cell space and on Hartmann-6 (6 floats). Call inside a `describe`.
 */
export function benchCellAndHartmann(make: (context: OptimizerContext) => Optimizer, options: CellAndHartmannOptions = {}): void {
  const note = (text: string | undefined): string => (text === undefined ? '' : `, ${text}`);
  const runs: [string, () => OptimizerContext][] = [
    [`6 categorical edges x 5 ops${note(options.cellNote)}`, cellContext],
    [`Hartmann-6, 6 floats${note(options.hartmannNote)}`, hartmannContext],
  ];
  for (const [label, contextOf] of runs) {
    const context = contextOf();
    const step = warmUp(() => make(context), context.space, 1000, options.window);
    bench(`1 trial: ask, tell (${label})`, step, options.iterations === undefined ? undefined : { iterations: options.iterations, time: 0 });
  }
}
