import type { KnownOptimum } from '@jahskit/core';
import { nashpobench2FromFlatIndex } from '@jahskit/spaces';
import { NASHPOBENCH2_BS_COUNT, NASHPOBENCH2_LR_COUNT, type Nashpobench2Table } from './Nashpobench2Table';

const PER_CELL = NASHPOBENCH2_LR_COUNT * NASHPOBENCH2_BS_COUNT;

/**
 * The lowest validation error over the table's (hash class, lr, batch size) blocks, with a
 * configuration that reaches it, or undefined when no block has a finite error. `validErrorOf(block)`
 * is the benchmark's own answer for a block (NaN when it fails), so the optimum equals what
 * `evaluate` returns for its configuration bit for bit rather than a recomputation that could differ
 * in the last place. Isomorphic cells share a hash class and so their results: the configuration
 * uses the class's lowest cell index; ties go to the lowest block.
 */
export function nashpobench2Optimum(table: Nashpobench2Table, validErrorOf: (block: number) => number): KnownOptimum | undefined {
  const firstCell = new Int32Array(table.hashes.length).fill(-1);
  for (let cell = table.cellHash.length - 1; cell >= 0; cell--) {
    const h = table.cellHash[cell]!;
    if (h >= 0) firstCell[h] = cell;
  }
  let best = -1;
  let bestError = Number.POSITIVE_INFINITY;
  for (let block = 0; block < table.hashes.length * PER_CELL; block++) {
    if (firstCell[Math.floor(block / PER_CELL)]! < 0) continue;
    const error = validErrorOf(block);
    // NaN (a failed block) never compares below.
    if (error < bestError) {
      best = block;
      bestError = error;
    }
  }
  if (best < 0) return undefined;
  const cell = firstCell[Math.floor(best / PER_CELL)]!;
  return { values: { valid_error: bestError }, config: nashpobench2FromFlatIndex(cell * PER_CELL + (best % PER_CELL)) };
}
