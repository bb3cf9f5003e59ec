/** Modes of the official API, in the order of the table's blocks. */
export const NASHPOBENCH2_MODES = ['train', 'valid', 'test'] as const;

/**
 * NAS-HPO-Bench-II as typed arrays. A row is one training run: (hash class h, lr index l, batch-size
 * index b, seed index s) at row `((h * 8 + l) * 6 + b) * 3 + s`, for the hash classes that have any
 * result. Per row, `acc` and `epochTime` hold 36 values: mode m (train, valid, test) after epoch i+1 at
 * `m * 12 + i`; `totals` holds total_train_time, total_trainval_time and total_test_time.
 */
export interface Nashpobench2Table {
  /** The hash classes with results, as strings (the pickles' hash values). */
  readonly hashes: readonly string[];
  /** Per cell index (cellcode read in base 4): its row-block in `hashes`, or -1 if no results. */
  readonly cellHash: Int32Array;
  /** Seeds, ascending (the official API's default is the first, 222). */
  readonly seeds: readonly number[];
  readonly present: Uint8Array;
  readonly acc: Float64Array;
  readonly epochTime: Float32Array;
  readonly totals: Float64Array;
  /** avgaccs200 per (h, l, b) at `(h * 8 + l) * 6 + b`; NaN where absent. */
  readonly avg200: Float64Array;
}

export const NASHPOBENCH2_LR_COUNT = 8;
export const NASHPOBENCH2_BS_COUNT = 6;
export const NASHPOBENCH2_SEED_COUNT = 3;
export const NASHPOBENCH2_CELL_COUNT = 4096;
