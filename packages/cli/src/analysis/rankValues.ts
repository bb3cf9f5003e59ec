/**
 * Ranks (1 = best) of values where lower is better; ties share the mean of their ranks, and a
 * missing value (undefined: no result yet) ranks after every present one.
 */
export function rankValues(values: readonly (number | undefined)[]): number[] {
  const order = values.map((v, i) => ({ v: v ?? Number.POSITIVE_INFINITY, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!.i] = rank;
    start = end;
  }
  return ranks;
}
