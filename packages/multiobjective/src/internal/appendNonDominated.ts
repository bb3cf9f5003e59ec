/**
 * Row `l` of `buf` (rows of width e) is a candidate and rows [0, l) are mutually non-dominated.
 * Drops the candidate if a row weakly dominates it, otherwise drops the rows it dominates and
 * keeps it; returns the new row count. O(l e).
 */
export function appendNonDominated(buf: Float64Array, l: number, e: number): number {
  const c = l * e;
  let k = 0;
  for (let s = 0; s < l; s++) {
    const o = s * e;
    let sLeC = true;
    let cLeS = true;
    for (let j = 0; j < e; j++) {
      const a = buf[o + j]!;
      const b = buf[c + j]!;
      if (a > b) sLeC = false;
      else if (a < b) cLeS = false;
    }
    if (sLeC) {
      if (k !== s) buf.copyWithin(k * e, o, l * e);
      return k + (l - s);
    }
    if (cLeS) continue;
    if (k !== s) buf.copyWithin(k * e, o, o + e);
    k++;
  }
  if (k !== l) buf.copyWithin(k * e, c, c + e);
  return k + 1;
}
