import { argsortLex } from './argsortLex';
import { rowWeaklyDominates } from './rowWeaklyDominates';

/** What undominatedRows finds: rows are input row numbers, owners index `kept`. */
export interface UndominatedRows {
  /** How many rows no other, different row weakly dominates (one per distinct point). */
  k: number;
  /** Their values, k x d row-major, in lexicographic order. */
  kept: Float64Array;
  /** Their row numbers. */
  rows: Int32Array;
  /** 1 when rows[t] has an exact copy in the set. */
  copied: Uint8Array;
  /** How many rows exactly one kept row weakly dominates (copies of one such row count once). */
  inners: number;
  /** Their row numbers, and the kept row (index into `kept`) that dominates each. */
  innerRows: Int32Array;
  innerOwner: Int32Array;
}

/**
 * The two layers of an n x d row-major set (minimisation) that exclusive contributions depend
 * on: the rows that no other, different row weakly dominates (one per distinct point), and the
 * rows that exactly one of those dominates (its inner rows).
 *
 * A kept row with a copy contributes 0, yet one copy still covers the other points. An inner row
 * contributes 0 and lies in its dominator's box, so it bites into that point's exclusive region
 * and no other; a row that two kept rows dominate lies in both boxes and changes nothing. On
 * random points most rows are of that last kind, and the per-row exclusive volumes then scan a
 * few dozen rows, not n.
 *
 * In lexicographic order a row can be weakly dominated only by an earlier one or a copy, and
 * copies are adjacent, so each row is compared with the rows kept before it; the scan starts at
 * the last kept row that dominated something, which on random points usually dominates the next
 * row too. O(n log n + n k d).
 */
export function undominatedRows(data: Float64Array, n: number, d: number): UndominatedRows {
  const order = argsortLex(data, n, d);
  const kept = new Float64Array(n * d);
  const rows = new Int32Array(n);
  const copied = new Uint8Array(n);
  const innerRows = new Int32Array(n);
  const innerOwner = new Int32Array(n);
  let k = 0;
  let inners = 0;
  let hint = 0;
  // What became of the previous row in the order (0 dropped, 1 kept, 2 inner): a copy of it
  // shares its fate, and needs no second entry.
  let previous = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const o = i * d;
    if (t > 0 && sameRow(data, order[t - 1]! * d, o, d)) {
      if (previous === 1) copied[k - 1] = 1;
      continue;
    }
    let owner = -1;
    let dominators = 0;
    const from = hint;
    for (let s = 0; s < k; s++) {
      const h = from + s < k ? from + s : from + s - k;
      if (rowWeaklyDominates(kept, h * d, data, o, d)) {
        owner = h;
        if (++dominators === 2) break;
      }
    }
    if (owner >= 0) hint = owner;
    if (dominators === 0) {
      for (let j = 0; j < d; j++) kept[k * d + j] = data[o + j]!;
      rows[k++] = i;
      previous = 1;
    } else if (dominators === 1) {
      innerRows[inners] = i;
      innerOwner[inners++] = owner;
      previous = 2;
    } else previous = 0;
  }
  return { k, kept, rows, copied, inners, innerRows, innerOwner };
}

function sameRow(data: Float64Array, a: number, b: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (data[a + j] !== data[b + j]) return false;
  return true;
}
